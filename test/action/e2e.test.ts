// End-to-end: the committed bundle dist/action/index.js runs as a child process, as the runner starts
// it: inputs in INPUT_* variables, a real event payload file, a real git clone (shallow, so the base
// commit must be fetched), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a loopback REST API.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { startFakeGitHub } from './fake-github.js';
import type { FakeGitHub } from './fake-github.js';
import { BUNDLE, PULL, REPO, ROOT, WD, botComments, findingKeys, makeOrigin, push, runAction as run } from './harness.js';
import type { Origin, RunOptions, RunResult } from './harness.js';

let tmp: string;
let origin: Origin;
let github: FakeGitHub;

const runAction = (name: string, opts: RunOptions = {}): Promise<RunResult> => run(tmp, origin, github, name, opts);
const ownComments = () => botComments(github);

/** A later push to the PR branch (the same migrations): the comment must be edited, not added. */
function pushAgain(): void {
  push(origin, 'second push', (db) => writeFileSync(path.join(db, '..', '..', 'README.md'), 'second push\n'));
}

/**
 * The verdict of fixtures/action-basic's PR (0001_add_posts.sql), derived from the SQL, not from a report:
 * line 7 `ALTER TABLE "users" ADD COLUMN "email" text NOT NULL` adds a NOT NULL column without default to a
 * table that exists at the base (fails once it has a row): add-column-required, an error; line 9
 * `CREATE INDEX "users_email_idx" ON "users"` builds an index on that existing table without CONCURRENTLY:
 * create-index-blocking. The foreign key of line 8 is added to "posts", created empty in the same migration:
 * nothing to validate, no finding. The error makes safety fail: exit code 5.
 */
export const ACTION_BASIC_FINDINGS = ['add-column-required drizzle/0001_add_posts.sql:7', 'create-index-blocking drizzle/0001_add_posts.sql:9'];

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build it with \`npm run bundle\``);
  tmp = mkdtempSync(path.join(tmpdir(), 'dg-action-'));
  origin = makeOrigin(path.join(tmp, 'origin'));
  github = await startFakeGitHub(REPO, PULL);
  // Over a hundred comments from people, so the action's comment lands on page 2; one person quotes the marker.
  for (let i = 0; i < 130; i++) github.comments.push({ id: i + 1, body: `review comment ${i}`, user: { login: `dev${i % 3}`, type: 'User' } });
  github.comments.push({ id: 500, body: `<!-- drizzle-guard:${WD}/drizzle.config.ts -->\ncopied by hand`, user: { login: 'dev1', type: 'User' } });
});

afterAll(async () => {
  await github?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the action bundle on a pull request', () => {
  let first: RunResult;

  it('fetches the base into the shallow clone, checks only the new migration and creates one comment', async () => {
    github.failOnce.add(`GET /repos/${REPO}/issues/${PULL}/comments`);
    first = await runAction('run1');
    const report = first.report();
    expect(first.code, first.stdout).toBe(5);
    expect(report.exitCode).toBe(5);
    expect(findingKeys(report)).toEqual(ACTION_BASIC_FINDINGS);
    expect(report.base).toBe(origin.baseSha);
    expect(report.migrations.map((m) => `${m.tag}:${m.new}`)).toEqual(['0000_init:false', '0001_add_posts:true']);

    // The 502 was retried; the comment was searched on both pages, created once after the people's, and both
    // pages were read again to find a duplicate from a concurrent run (none): 1 + 2 + 2 listings.
    expect(github.requests.filter((r) => r.startsWith(`GET /repos/${REPO}/issues/${PULL}/comments`)).length).toBe(5);
    expect(github.requests.some((r) => r.includes('page=2'))).toBe(true);
    const mine = ownComments();
    expect(mine).toHaveLength(1);
    expect(github.comments.indexOf(github.comments.find((c) => c.id === mine[0]!.id)!)).toBeGreaterThan(100);
    expect(github.comments.find((c) => c.id === 500)!.body).toContain('copied by hand');

    const body = mine[0]!.body;
    expect(body.split('\n')[0]).toBe(`<!-- drizzle-guard:${WD}/drizzle.config.ts -->`);
    expect(body.split('\n')[1]).toContain(`(exit code ${report.exitCode})`);
    // 0001_add_posts.sql has four statements (CREATE TABLE, ADD COLUMN, ADD CONSTRAINT, CREATE INDEX).
    expect(body).toMatch(/\| \[`0001_add_posts`\]\(https:\/\/github\.com\/acme\/shop\/blob\/[0-9a-f]{40}\/packages\/db\/drizzle\/0001_add_posts\.sql\) \| 4 \|/);
    expect(body).toContain(`/blob/${origin.headSha}/`);
    // The PR adds posts and changes users; posts references users.
    expect(body).toContain('t_posts["posts added"]');
    expect(body).toContain('t_users["users changed"]');
    expect(body).toContain('t_posts }o--|| t_users : "author_id"');
  }, 120_000);

  it('writes outputs, the job summary, SARIF and repository-relative annotations', () => {
    const report = JSON.parse(readFileSync(first.outputs['report-file']!, 'utf8')) as Report;
    const findings = report.configs.flatMap((c) => c.findings);
    expect(first.outputs).toMatchObject({
      'exit-code': String(report.exitCode),
      result: report.exitCode === 0 ? 'pass' : 'fail',
      findings: String(findings.length),
      errors: String(findings.filter((f) => f.severity === 'error').length),
      warnings: String(findings.filter((f) => f.severity === 'warning').length),
      drift: report.categories.drift === 'fail' ? 'true' : 'false',
    });
    expect(first.summary).toContain('## drizzle-guard');
    expect(first.summary).toContain(`(exit code ${report.exitCode})`);
    expect(first.summary).toContain('0001_add_posts');
    const sarif = JSON.parse(readFileSync(path.join(first.dir, 'results.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(findings.length);
    for (const f of findings.filter((x) => x.file && x.line)) {
      const level = f.severity === 'info' ? 'notice' : f.severity;
      expect(first.stdout).toContain(`::${level} title=${f.ruleId},file=${WD}/${f.file},line=${f.line}`);
    }
  });

  it('edits the same comment on the next run, found past the first page', async () => {
    const before = ownComments();
    github.requests.length = 0;
    pushAgain();
    // fail-on never makes the findings pass. Drift and replay are off: a check that cannot run reports a
    // configuration error, which fails whatever fail-on says, and this test is about the comment.
    const second = await runAction('run2', { inputs: { 'fail-on': 'never', drift: 'false', replay: 'false' } });
    expect(second.code, second.stdout).toBe(0);
    expect(ownComments().map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(github.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(github.requests.filter((r) => r.startsWith('PATCH'))).toEqual([`PATCH /repos/${REPO}/issues/comments/${before[0]!.id}`]);
    // With fail-on never the same comment now says the PR passes.
    expect(ownComments()[0]!.body.split('\n')[1]).toMatch(/^✅ \*\*drizzle-guard passed\*\* \(exit code 0\)/);
    expect(ownComments()[0]!.body).toContain(`/blob/${origin.headSha}/`);
  }, 120_000);

  it('degrades to a warning when a fork PR token cannot write, keeping the verdict', async () => {
    // A new PR from a fork: nothing to edit, so the action tries to create its comment and is refused.
    github.comments = github.comments.filter((c) => c.user.type !== 'Bot');
    github.readOnly = true;
    const fork = await runAction('fork', { fork: true });
    github.readOnly = false;
    const report = fork.report();
    // Same PR, same verdict: the refused comment changes nothing.
    expect(fork.code).toBe(5);
    expect(findingKeys(report)).toEqual(ACTION_BASIC_FINDINGS);
    expect(fork.outputs['exit-code']).toBe(first.outputs['exit-code']);
    expect(fork.stdout).toMatch(/::warning title=drizzle-guard%3A no PR comment::Could not write the pull request comment \(HTTP 403/);
    expect(fork.stdout).toContain('pull-requests: write');
    expect(fork.summary).toContain(`(exit code ${report.exitCode})`);
  }, 120_000);

  it('under pull_request_target from a fork does not run the PR\'s TypeScript', async () => {
    const secret = 'postgres://app:s3cr3t-pw@127.0.0.1:9/app';
    const run = await runAction('target', { fork: true, eventName: 'pull_request_target', inputs: { 'database-url': secret } });
    const report = run.report();
    // Neither out nor dialect is given: the config's literal ones are read without running it, drift (which
    // needs the schema's code) is skipped, and everything else gives the PR's verdict. The database cannot be
    // reached: that is the pending check's configuration error (exit 4 by precedence) — see workflows.e2e for
    // the same run without it.
    expect(report.categories.drift).toBe('skipped');
    expect(findingKeys(report).filter((k) => !k.startsWith('config-error'))).toEqual(ACTION_BASIC_FINDINGS);
    expect(run.code).toBe(report.exitCode);
    // The runner masks what follows ::add-mask::, which comes before anything else; the URL appears nowhere else.
    expect(run.stdout.indexOf(`::add-mask::${secret}`)).toBe(0);
    expect(run.stdout.split(secret).length - 1).toBe(1);
    expect(run.summary + readFileSync(run.outputs['report-file']!, 'utf8')).not.toContain('s3cr3t-pw');
    expect(report.notes.join('\n')).toContain('its TypeScript (config, schema) was not executed');
    expect(run.stdout).toContain('pull_request_target from a fork');
  }, 120_000);

  it('falls back to the pull request\'s file list when the base cannot be fetched', async () => {
    github.changedFiles = [
      { filename: `${WD}/drizzle/0001_add_posts.sql`, status: 'added' },
      { filename: `${WD}/drizzle/meta/0001_snapshot.json`, status: 'added' },
      { filename: `${WD}/drizzle/meta/_journal.json`, status: 'modified' },
      { filename: `${WD}/schema.ts`, status: 'modified' },
      { filename: 'README.md', status: 'added' },
    ];
    github.requests.length = 0;
    const missing = '1234567890abcdef1234567890abcdef12345678';
    const run = await runAction('nobase', { baseSha: missing });
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as Report;
    expect(github.requests).toContain(`GET /repos/${REPO}/pulls/${PULL}/files?per_page=100`);
    expect(report.migrations.map((m) => `${m.tag}:${m.new}`)).toEqual(['0000_init:false', '0001_add_posts:true']);
    expect(report.notes.join('\n')).toContain(`base ${missing} is not in the clone`);
    expect(run.code).toBe(report.exitCode);
  }, 120_000);

  it('keeps one sticky comment per config, editing each on the next push', async () => {
    // The PR adds a second config (SQLite, real drizzle-kit output from fixtures/sqlite-clean).
    push(origin, 'sqlite config', (db) => {
      cpSync(path.join(ROOT, 'fixtures/sqlite-clean/drizzle'), path.join(db, 'sqlite'), { recursive: true });
      writeFileSync(path.join(db, 'sqlite.config.json'), JSON.stringify({ dialect: 'sqlite', out: 'sqlite' }));
    });
    const before = ownComments().map((c) => c.id);
    expect(before).toHaveLength(1);
    // Drift and replay are off: this is about the comments, and each run with them costs a minute on a busy machine.
    const inputs = { config: 'drizzle.config.ts\nsqlite.config.json', drift: 'false', replay: 'false' };
    await runAction('two-configs', { inputs });
    const markers = ownComments().map((c) => [c.id, c.body.split('\n')[0]]);
    expect(markers).toEqual([
      [before[0], `<!-- drizzle-guard:${WD}/drizzle.config.ts -->`],
      [expect.any(Number), `<!-- drizzle-guard:${WD}/sqlite.config.json -->`],
    ]);
    push(origin, 'third push', (db) => writeFileSync(path.join(db, 'sqlite.config.json'), JSON.stringify({ dialect: 'sqlite', out: 'sqlite' }, null, 2)));
    await runAction('two-configs-again', { inputs });
    expect(ownComments().map((c) => c.id)).toEqual(markers.map(([id]) => id));
  }, 120_000);

  it('keeps the comment under 65,536 characters with the marker, and the job summary complete', async () => {
    // A bad merge left 400 copies of a migration outside the journal: one finding each.
    push(origin, 'bad merge', (db) => {
      for (let i = 0; i < 400; i++) cpSync(path.join(db, 'drizzle/0001_add_posts.sql'), path.join(db, `drizzle/0001_copy_${i}.sql`));
    });
    const run = await runAction('large');
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as Report;
    const copies = report.findings.filter((f) => /0001_copy_\d+\.sql/.test(f.file ?? ''));
    expect(copies.length).toBeGreaterThanOrEqual(400);
    const [comment] = ownComments();
    expect(github.requests.filter((r) => r.startsWith('PATCH') || r.startsWith('POST')).length).toBeGreaterThan(0);
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(comment!.body.split('\n')[0]).toBe(`<!-- drizzle-guard:${WD}/drizzle.config.ts -->`);
    expect(comment!.body).toContain(`(exit code ${report.exitCode})`);
    // Right under the verdict, not after 400 findings.
    expect(comment!.body.split('\n').slice(1, 5)).toEqual([
      expect.stringMatching(/^❌ \*\*drizzle-guard failed/),
      '',
      '> [!NOTE]',
      '> Shortened to fit; the full report is in the [job summary](https://github.com/acme/shop/actions/runs/42).',
    ]);
    // The summary (1 MiB) has room for every finding.
    for (let i = 0; i < 400; i++) expect(run.summary).toContain(`0001_copy_${i}.sql`);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    // Annotations: 10 errors at most, then one notice for the rest.
    expect(run.stdout.match(/^::error /gm)!.length).toBe(10);
    expect(run.stdout).toMatch(/^::notice title=drizzle-guard::\d+ more drizzle-guard findings in the job summary\.$/m);
  }, 120_000);

  it.each([
    ['exits with 0', 'process.exit(0);'],
    ['never settles', 'await new Promise(() => {});'],
  ])('reports a config that %s as config-error (exit 4) with summary and outputs; the config sees no input', async (_, hostile) => {
    const probe = "console.log('sees token: ' + ('INPUT_GITHUB-TOKEN' in process.env || 'GITHUB_TOKEN' in process.env));";
    const run = await runAction(`hostile-${hostile.length}`, {
      prepare: (dir) => writeFileSync(path.join(dir, WD, 'drizzle.config.ts'), `${probe}\n${hostile}\nexport default { dialect: 'postgresql', out: './drizzle' };\n`),
    });
    expect(run.code, run.stdout).toBe(4);
    expect(run.stdout).toContain('sees token: false');
    expect(run.outputs['exit-code']).toBe('4');
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as Report;
    expect(report.findings[0]).toMatchObject({ ruleId: 'config-error', file: 'drizzle.config.ts' });
    expect(run.summary).toContain('config-error');
  }, 120_000);
});
