import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvent } from '../../src/action/event.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dg-event-'));
function env(name: string, payload: object) {
  const file = path.join(dir, `${name}-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'merge' };
}
const pr = (headRepo: string | null) => ({
  pull_request: { number: 4, base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/shop' } }, head: { sha: 'h'.repeat(40), repo: headRepo && { full_name: headRepo } } },
});

describe('readEvent', () => {
  it('takes the base and the PR head (not the merge commit) from pull_request', () => {
    expect(readEvent(env('pull_request', pr('acme/shop')))).toMatchObject({ baseSha: 'b'.repeat(40), headSha: 'h'.repeat(40), pullNumber: 4, fromFork: false, untrustedHead: false });
  });

  it('marks pull_request_target from a fork (or a deleted fork) as untrusted, but not pull_request from a fork', () => {
    expect(readEvent(env('pull_request_target', pr('someone/shop')))).toMatchObject({ untrustedHead: true, fromFork: true });
    expect(readEvent(env('pull_request_target', pr(null)))).toMatchObject({ untrustedHead: true });
    expect(readEvent(env('pull_request_target', pr('ACME/shop')))).toMatchObject({ untrustedHead: false });
    expect(readEvent(env('pull_request', pr('someone/shop')))).toMatchObject({ untrustedHead: false, fromFork: true });
  });

  it('reads merge_group and push, and has no base for a new branch', () => {
    expect(readEvent(env('merge_group', { merge_group: { base_sha: 'c'.repeat(40), head_sha: 'd'.repeat(40) } }))).toMatchObject({ baseSha: 'c'.repeat(40), headSha: 'd'.repeat(40) });
    expect(readEvent(env('push', { before: 'e'.repeat(40), after: 'f'.repeat(40) }))).toMatchObject({ baseSha: 'e'.repeat(40), headSha: 'f'.repeat(40) });
    expect(readEvent(env('push', { before: '0'.repeat(40), after: 'f'.repeat(40) })).baseSha).toBeUndefined();
    const dispatch = readEvent({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: 'x' });
    expect([dispatch.baseSha, dispatch.headSha, dispatch.pullNumber]).toEqual([undefined, 'x', undefined]);
  });
});
