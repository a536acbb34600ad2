// The sticky comment against the loopback API, in process (the e2e test covers the bundle).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { upsertComment as Upsert, commentMarker as Marker } from '../../src/action/comment.js';
import type { createOctokit as Create } from '../../src/action/octokit.js';
import type { getOctokit as Plain } from '@actions/github';
import { startFakeGitHub } from './fake-github.js';
import type { FakeGitHub } from './fake-github.js';

const pull = { owner: 'acme', repo: 'shop', issue_number: 3 };
let github: FakeGitHub;
let upsertComment: typeof Upsert;
let commentMarker: typeof Marker;
let createOctokit: typeof Create;
let getOctokit: typeof Plain;

beforeAll(async () => {
  github = await startFakeGitHub('acme/shop', 3);
  // @actions/github reads GITHUB_API_URL once, when first imported.
  process.env['GITHUB_API_URL'] = github.url;
  vi.resetModules();
  ({ upsertComment, commentMarker } = await import('../../src/action/comment.js'));
  ({ createOctokit } = await import('../../src/action/octokit.js'));
  ({ getOctokit } = await import('@actions/github'));
});

afterAll(async () => {
  await github.close();
  delete process.env['GITHUB_API_URL'];
});

beforeEach(() => {
  github.comments.length = 0;
  github.requests.length = 0;
  github.readOnly = false;
  github.userLogin = undefined;
});

/** Without the retry/throttling plugins: the throttler spaces comment writes by seconds, which only slows tests. */
const plain = () => getOctokit('t') as ReturnType<typeof Create>;
const writes = () => github.requests.filter((r) => r.startsWith('POST') || r.startsWith('PATCH'));

describe('upsertComment', () => {
  const marker = () => commentMarker('db/drizzle.config.ts');

  it('builds a marker that cannot end the HTML comment early', () => {
    expect(commentMarker('a--b>c')).toBe('<!-- drizzle-guard:a-bc -->');
  });

  it('on-failure: creates nothing for a passing run, but updates an existing comment to say the PR is clean', async () => {
    const octokit = plain();
    expect(await upsertComment(octokit, pull, marker(), 'passed', false)).toEqual({ action: 'skipped' });
    expect(writes()).toEqual([]);
    const created = await upsertComment(octokit, pull, marker(), 'failed', true);
    expect(created.action).toBe('created');
    const updated = await upsertComment(octokit, pull, marker(), 'passed', false);
    expect(updated).toMatchObject({ action: 'updated', id: (created as { id: number }).id });
    expect(github.comments.map((c) => c.body)).toEqual([`${marker()}\npassed`]);
  });

  it('does not write when the body is unchanged', async () => {
    const octokit = plain();
    await upsertComment(octokit, pull, marker(), 'same', true);
    github.requests.length = 0;
    expect((await upsertComment(octokit, pull, marker(), 'same', true)).action).toBe('unchanged');
    expect(writes()).toEqual([]);
  });

  it("never edits a person's comment that carries the marker, nor a bot comment quoting it below the first line", async () => {
    github.comments.push({ id: 1, body: `${marker()}\npasted`, user: { login: 'dev', type: 'User' } });
    github.comments.push({ id: 2, body: `quote:\n${marker()}`, user: { login: 'other-bot[bot]', type: 'Bot' } });
    const outcome = await upsertComment(plain(), pull, marker(), 'mine', true);
    expect(outcome.action).toBe('created');
    expect(github.comments.slice(0, 2).map((c) => c.body)).toEqual([`${marker()}\npasted`, `quote:\n${marker()}`]);
  });

  it("with a personal access token, edits that person's own comment", async () => {
    github.userLogin = 'maintainer';
    github.comments.push({ id: 1, body: `${marker()}\nsomeone else`, user: { login: 'dev', type: 'User' } });
    github.comments.push({ id: 2, body: `${marker()}\nold`, user: { login: 'maintainer', type: 'User' } });
    expect(await upsertComment(plain(), pull, marker(), 'new', true)).toMatchObject({ action: 'updated', id: 2 });
    expect(github.comments.map((c) => c.body)).toEqual([`${marker()}\nsomeone else`, `${marker()}\nnew`]);
  });

  it('reports a refused write with its status instead of throwing', async () => {
    github.readOnly = true;
    expect(await upsertComment(plain(), pull, marker(), 'x', true)).toMatchObject({ action: 'failed', status: 403 });
  });

  it('retries a 5xx answer', async () => {
    github.failOnce.add('GET /repos/acme/shop/issues/3/comments');
    expect((await upsertComment(createOctokit('t'), pull, marker(), 'x', true)).action).toBe('created');
    // The failed listing, its retry, and the listing after creating that looks for a concurrent duplicate.
    expect(github.requests.filter((r) => r.startsWith('GET')).length).toBe(3);
  });
});
