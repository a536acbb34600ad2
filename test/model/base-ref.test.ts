// Which --base / base-ref values reach git: ref names as git itself validates them (git check-ref-format), object
// ids, and ~N / ^N ancestry steps; never anything git could take for an option.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isValidRevision } from '../../src/model/base.js';

/** git's own verdict on a ref name (one-level names such as `main` allowed, as --base takes them). */
function gitAccepts(name: string): boolean {
  return spawnSync('git', ['check-ref-format', '--allow-onelevel', name]).status === 0;
}

const NAMES = [
  'main', 'origin/main', 'feature/x-y_z', 'v1.2.3', 'release-2026.1', 'refs/heads/main', 'dependabot/npm_and_yarn/pg-8.1',
  'a..b', 'a b', 'a:b', 'a?b', 'a*b', 'a[b', 'a\\b', '.hidden', 'x/.y', 'x.lock', 'x/y.lock/z', 'x/', '/x', 'a//b', 'x.',
  '@', 'a@{1}', 'tab\there', 'nl\nhere', 'del\u007f',
];

describe('isValidRevision', () => {
  it.each(NAMES)('agrees with git check-ref-format on %j', (name) => {
    expect(isValidRevision(name)).toBe(gitAccepts(name));
  });

  it('takes object ids and ancestry steps', () => {
    for (const ref of ['abc1234', '1234567890abcdef1234567890abcdef12345678', 'HEAD', 'HEAD~1', 'HEAD^', 'main^2~3', 'origin/main~10']) {
      expect(isValidRevision(ref), ref).toBe(true);
    }
  });

  it('refuses whatever git could take for an option, and refspecs', () => {
    for (const ref of ['--upload-pack=touch pwned;false', '-x', '--', 'x^{commit}', 'main:refs/heads/x', '+main', '']) {
      expect(isValidRevision(ref), ref).toBe(false);
    }
  });
});
