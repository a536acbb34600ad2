// The action's base-ref may name a branch, a tag or a sha; actions/checkout leaves a shallow clone of the
// pull request's head only. ensureCommit must then fetch the branch from origin and return its commit.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCommit } from '../../src/action/git.js';
import { commitAll, copyFixture, git } from '../helpers/project.js';

/** origin: main (the fixture), then a branch "feature" one commit ahead; a depth-1 clone of feature alone. */
function shallowFeatureClone(): { origin: string; clone: string; mainSha: string } {
  const origin = copyFixture('pg-clean');
  const mainSha = commitAll(origin);
  git(origin, 'checkout', '-q', '-b', 'feature');
  fs.appendFileSync(path.join(origin, 'drizzle/0002_add_status_done.sql'), '\n');
  commitAll(origin, 'feature');
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-clone-'));
  git(clone, 'clone', '-q', '--depth=1', '--single-branch', '--branch', 'feature', `file://${origin}`, '.');
  return { origin, clone, mainSha };
}

describe('ensureCommit (base-ref)', () => {
  it('fetches a branch name the shallow clone lacks and returns its commit', () => {
    const { clone, mainSha } = shallowFeatureClone();
    // Neither main nor origin/main exists in the clone before the fetch.
    expect(() => git(clone, 'rev-parse', '--verify', '--quiet', 'main^{commit}')).toThrow();
    expect(() => git(clone, 'rev-parse', '--verify', '--quiet', 'origin/main^{commit}')).toThrow();
    expect(ensureCommit(clone, 'main')).toBe(mainSha);
  });

  it('resolves a branch name the clone has as a remote-tracking branch without fetching', () => {
    const { origin, mainSha } = shallowFeatureClone();
    const full = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-clone-'));
    git(full, 'clone', '-q', '--branch', 'feature', `file://${origin}`, '.');
    fs.rmSync(origin, { recursive: true }); // a fetch would now fail: the answer must come from origin/main
    expect(ensureCommit(full, 'main')).toBe(mainSha);
  });

  it('returns undefined for a branch origin does not have', () => {
    const { clone } = shallowFeatureClone();
    expect(ensureCommit(clone, 'no-such-branch')).toBeUndefined();
  });
});
