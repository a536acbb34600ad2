// The action on real workflows (issue 13), each case a run of the bundle as the runner starts it, in a real
// git repository, against the loopback API: pull_request_target with both checkouts, a live database on a PR,
// the comment's lifecycle (a race, a stale config, a re-run), a quiet PR, the review comment, the action's
// vocabulary, SARIF, and the API's rate limits. Expected verdicts come from the fixture's SQL (see
// ACTION_BASIC_FINDINGS in e2e.test.ts), never from the action's own report.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub } from './fake-github.js';
import type { FakeGitHub } from './fake-github.js';
import { BUNDLE, FIXTURE, PULL, REPO, WD, botComments, findingKeys, git, makeOrigin, runAction, writes } from './harness.js';
import type { Origin, RunOptions } from './harness.js';
import { expectMermaidParses } from './mermaid.js';

/** Derived in e2e.test.ts from 0001_add_posts.sql: lines 7 and 9 of the PR's migration; exit code 5. */
const ACTION_BASIC_FINDINGS = ['add-column-required drizzle/0001_add_posts.sql:7', 'create-index-blocking drizzle/0001_add_posts.sql:9'];
/** The checks these cases are not about cost a minute each on a busy machine. */
const FAST = { drift: 'false', replay: 'false' };

let tmp: string;
let github: FakeGitHub;
let origin: Origin;

const run = (name: string, opts: RunOptions = {}) => runAction(tmp, origin, github, name, opts);

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build it with \`npm run bundle\``);
  tmp = mkdtempSync(path.join(tmpdir(), 'dg-workflows-'));
  origin = makeOrigin(path.join(tmp, 'origin'));
  github = await startFakeGitHub(REPO, PULL);
});

afterAll(async () => {
  await github?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  github.comments = [];
  github.requests.length = 0;
  github.delayMs = 0;
  github.listBarrier = 0;
});

describe('pull_request_target (observations 1, 2)', () => {
  it('from a fork with a TypeScript config: the config is read as text, drift is skipped with a note, the verdict is the PR\'s (not exit 4)', async () => {
    const r = await run('target-fork', { fork: true, eventName: 'pull_request_target', inputs: { replay: 'false' } });
    expect(r.code, r.stdout).toBe(5);
    const report = r.report();
    expect(findingKeys(report)).toEqual(ACTION_BASIC_FINDINGS);
    expect(report.categories.drift).toBe('skipped');
    expect(report.notes.join('\n')).toContain('drift, which needs it, was skipped');
    expect(r.stdout).not.toContain('pass out and dialect');
  }, 300_000);

  it('with the default checkout (the base branch) reads the PR head\'s migrations from git objects and still fails the risky PR', async () => {
    const r = await run('target-base-checkout', { fork: true, eventName: 'pull_request_target', checkout: 'base', inputs: FAST });
    // Comparing the base with itself would pass with 0 new migrations; the head's 0001 is what is reviewed.
    expect(r.code, r.stdout).toBe(5);
    const report = r.report();
    expect(findingKeys(report)).toEqual(ACTION_BASIC_FINDINGS);
    expect(report.migrations.map((m) => `${m.tag}:${m.new}`)).toEqual(['0000_init:false', '0001_add_posts:true']);
    expect(report.notes.join('\n')).toContain("The checkout is not the pull request's head");
    // Nothing was checked out: the workspace still holds the base's files.
    expect(existsSync(path.join(r.dir, WD, 'drizzle/0001_add_posts.sql'))).toBe(false);
  }, 300_000);

  it('fails with the checkout step to add when the head cannot be had', async () => {
    const gone = 'feedfacefeedfacefeedfacefeedfacefeedface';
    const r = await run('target-no-head', { fork: true, eventName: 'pull_request_target', checkout: 'base', headSha: gone, inputs: FAST });
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(`not the pull request's head ${gone}`);
    expect(r.stdout).toContain('ref: ${{ github.event.pull_request.head.sha }}');
    expect(r.stdout).not.toMatch(/^\s+at /m);
  }, 300_000);
});

describe('a live database on a pull request (observation 3)', () => {
  const admin = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbUrl = (name: string) => admin.replace(/\/[^/]*$/, `/${name}`);
  let journal: { entries: { when: number; tag: string }[] };

  /** A database where drizzle's migrator (drizzle-orm's own) applied the base's migrations. */
  async function deployedBase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    await client.end();
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const db = drizzle(dbUrl(name));
    const base = path.join(tmp, `${name}-base`);
    cpSync(path.join(origin.dir, WD, 'drizzle'), base, { recursive: true });
    // The base commit's folder: the first migration only.
    rmSync(path.join(base, '0001_add_posts.sql'));
    writeFileSync(path.join(base, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }, null, 2));
    await migrate(db, { migrationsFolder: base });
    await db.$client.end();
    return dbUrl(name);
  }

  beforeAll(() => {
    journal = JSON.parse(readFileSync(path.join(FIXTURE, 'drizzle/meta/_journal.json'), 'utf8')) as typeof journal;
  });

  it("the PR's own new migration pending is a note: the verdict is the unsafe SQL (exit 5, not 3)", async () => {
    const url = await deployedBase('dg_i13_pr');
    const r = await run('db-pr', { inputs: { ...FAST, 'database-url': url } });
    expect(r.code, r.stdout).toBe(5);
    const report = r.report();
    // 0001 is not applied (the migrator only saw 0000): pending, as it must be before the PR is merged.
    expect(findingKeys(report)).toEqual([...ACTION_BASIC_FINDINGS, 'pending-migration drizzle/0001_add_posts.sql:-'].sort());
    expect(report.findings.find((f) => f.ruleId === 'pending-migration')!.severity).toBe('info');
    expect(report.categories.pending).toBe('pass');
  }, 300_000);

  it('what the PR makes wrong on the database still fails, and the comment names every failing category', async () => {
    const url = await deployedBase('dg_i13_skip');
    // A hotfix migration from another branch was deployed after the PR's migration was generated: its
    // created_at is later than 0001's `when`, so drizzle's migrator (newest created_at only) would skip 0001.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const hotfix = createHash('sha256').update('-- hotfix').digest('hex');
    await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [hotfix, journal.entries[1]!.when + 60_000]);
    await client.end();
    const r = await run('db-skip', { inputs: { ...FAST, 'database-url': url } });
    // pending-migration-will-be-skipped is an error: pending fails, and comes before safety in the precedence.
    expect(r.code, r.stdout).toBe(3);
    expect(findingKeys(r.report())).toEqual(
      [...ACTION_BASIC_FINDINGS, 'pending-migration-will-be-skipped drizzle/0001_add_posts.sql:-', 'applied-migration-unknown drizzle/meta/_journal.json:-'].sort(),
    );
    const [comment] = botComments(github);
    expect(comment!.body.split('\n')[1]).toMatch(/^❌ \*\*drizzle-guard failed: migrations are pending on the database; a migration is unsafe\*\* \(exit code 3\)/);
  }, 300_000);
});

describe('the comment lifecycle (observation 4)', () => {
  it('two runs at once against a slow API end with one comment, the oldest', async () => {
    github.delayMs = 250;
    github.listBarrier = 2;
    const [a, b] = await Promise.all([run('race-a', { inputs: FAST }), run('race-b', { inputs: FAST })]);
    expect([a.code, b.code]).toEqual([5, 5]);
    // Both found no comment and both created one (the race): each then deleted the newer duplicate.
    expect(github.requests.filter((r) => r.startsWith('POST')).length).toBe(2);
    const left = botComments(github);
    expect(left).toHaveLength(1);
    expect(left[0]!.id).toBe(Math.min(...[a, b].map((r) => Number(r.outputs['comment-url']!.split('-').pop()))));
    expect([a.outputs['comment-url'], b.outputs['comment-url']]).toEqual([expect.stringContaining(`#issuecomment-${left[0]!.id}`), expect.stringContaining(`#issuecomment-${left[0]!.id}`)]);
  }, 300_000);

  it("a config no longer checked has its comment edited to say so; another person's comment is untouched", async () => {
    github.comments.push({ id: 1, body: `<!-- drizzle-guard:${WD}/old.config.ts -->\n❌ **drizzle-guard failed: a migration is unsafe** (exit code 5)`, user: { login: 'github-actions[bot]', type: 'Bot' } });
    github.comments.push({ id: 2, body: `<!-- drizzle-guard:${WD}/other.config.ts -->\nquoted by hand`, user: { login: 'dev', type: 'User' } });
    const r = await run('stale', { inputs: FAST });
    expect(r.code).toBe(5);
    expect(github.comments.find((c) => c.id === 1)!.body).toBe(
      `<!-- drizzle-guard:${WD}/old.config.ts -->\n➖ **drizzle-guard no longer checks \`${WD}/old.config.ts\`** (it is not in this workflow's \`config\` input any more): the result that was here is out of date.\n`,
    );
    expect(github.comments.find((c) => c.id === 2)!.body).toContain('quoted by hand');
  }, 300_000);

  it('a re-run of the same commit makes no API write, although replay timings differ', async () => {
    const inputs = { drift: 'false', replay: 'true' };
    const first = await run('rerun-1', { inputs });
    expect(first.code).toBe(5);
    expect(writes(github)).toEqual([`POST /repos/${REPO}/issues/${PULL}/comments`]);
    github.requests.length = 0;
    const second = await run('rerun-2', { inputs });
    expect(second.code).toBe(5);
    expect(writes(github)).toEqual([]);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
  }, 300_000);
});

describe('quiet where nothing concerns the PR (observation 6)', () => {
  let quiet: Origin;
  beforeAll(() => {
    // The base already holds a defect (a stray SQL file no journal entry names); the PR only edits the README.
    quiet = makeOrigin(path.join(tmp, 'quiet-origin'), (db) => writeFileSync(path.join(db, 'README.md'), 'docs only\n'));
  });

  it('a README-only PR gets no comment and no annotation for what the base already had', async () => {
    const base = path.join(quiet.dir, WD, 'drizzle/0000_stray.sql');
    // Put the defect on the base: a commit on main, which the PR branch then merges.
    git(quiet.dir, 'checkout', '-q', 'main');
    writeFileSync(base, 'SELECT 1;\n');
    git(quiet.dir, 'add', '-A', '.');
    git(quiet.dir, 'commit', '-q', '-m', 'stray');
    quiet.baseSha = git(quiet.dir, 'rev-parse', 'HEAD');
    git(quiet.dir, 'checkout', '-q', 'feature');
    git(quiet.dir, 'merge', '-q', '--no-edit', 'main');
    quiet.headSha = git(quiet.dir, 'rev-parse', 'HEAD');
    const r = await runAction(tmp, quiet, github, 'quiet', { inputs: FAST });
    // file-not-in-journal is an error, lowered to a warning because the base has it: the PR passes.
    expect(r.code, r.stdout).toBe(0);
    // A stray file is reported on its first line.
    expect(findingKeys(r.report())).toEqual(['file-not-in-journal drizzle/0000_stray.sql:1']);
    expect(writes(github)).toEqual([]);
    expect(r.stdout).not.toMatch(/^::(warning|error|notice) title=file-not-in-journal/m);
    expect(r.summary).toMatch(/<details><summary>1 finding already on the base branch \(not caused by this pull request\)<\/summary>/);
    expect(r.outputs['comment-url']).toBe('');
  }, 300_000);

  it('comment-on-clean: true still comments', async () => {
    const r = await runAction(tmp, quiet, github, 'quiet-clean', { inputs: { ...FAST, 'comment-on-clean': 'true' } });
    expect(r.code).toBe(0);
    expect(botComments(github)).toHaveLength(1);
  }, 300_000);
});

describe('the review comment (observations 5, 8) and the action vocabulary (7)', () => {
  it('verdict first, the statement with its line, why and fix in place, a diagram mermaid 10.5 parses, unique SARIF fingerprints', async () => {
    const r = await run('review', { inputs: { replay: 'false' } });
    expect(r.code).toBe(5);
    const [comment] = botComments(github);
    const body = comment!.body;
    expect(body.split('\n')[1]).toMatch(/^❌ \*\*drizzle-guard failed: a migration is unsafe\*\* \(exit code 5\)/);
    // Line 7 of 0001_add_posts.sql, as committed.
    expect(body).toContain('```sql\n  -- line 7\n  ALTER TABLE "users" ADD COLUMN "email" text NOT NULL;--> statement-breakpoint\n  ```');
    expect(body).not.toContain('as for');
    await expectMermaidParses(body);
    const sarif = JSON.parse(readFileSync(path.join(r.dir, 'results.sarif'), 'utf8')) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const prints = sarif.runs[0]!.results.map((x) => Object.values(x.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
  }, 300_000);

  it('lint: false is an input, and a config that computes its dialect asks for the dialect input by its name', async () => {
    const noLint = await run('no-lint', { inputs: { ...FAST, lint: 'false' } });
    // Without the lint nothing else fails on this PR.
    expect(noLint.code, noLint.stdout).toBe(0);
    expect(noLint.report().categories.safety).toBe('skipped');
    const computed = makeOrigin(path.join(tmp, 'computed-origin'), (db) => {
      cpSync(path.join(FIXTURE, 'drizzle'), path.join(db, 'drizzle'), { recursive: true });
      writeFileSync(path.join(db, 'drizzle.config.ts'), "export default { dialect: process.env.DB_DIALECT ?? 'postgresql', schema: './schema.ts', out: './drizzle' };\n");
    });
    const r = await runAction(tmp, computed, github, 'computed', { fork: true, eventName: 'pull_request_target', inputs: FAST });
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('the `dialect` input');
    expect(r.stdout).not.toMatch(/--(dialect|out)\b/);
    const given = await runAction(tmp, computed, github, 'computed-given', { fork: true, eventName: 'pull_request_target', inputs: { ...FAST, dialect: 'postgresql' } });
    expect(given.code).toBe(5);
    expect(findingKeys(given.report())).toEqual(ACTION_BASIC_FINDINGS);
  }, 300_000);
});

describe('SARIF and escaping (observation 8; issue 14 item 3)', () => {
  /**
   * The PR adds the fixture's 0001 and a custom migration as `drizzle-kit generate --custom` writes it (a SQL
   * file under its header, a journal entry, a copy of the previous snapshot chained to it), holding three
   * index builds on "users" and an ignore comment that silences nothing; and two stray files with hostile names.
   */
  const HOSTILE = ['zz\n\n## ✅ all good\n\n<!--.sql', 'a|b`c[x](evil.example).sql']; // a file name cannot hold a slash
  let custom: Origin;
  beforeAll(() => {
    custom = makeOrigin(path.join(tmp, 'custom-origin'), (db) => {
      cpSync(path.join(FIXTURE, 'schema.ts'), path.join(db, 'schema.ts'));
      cpSync(path.join(FIXTURE, 'drizzle'), path.join(db, 'drizzle'), { recursive: true });
      const journalFile = path.join(db, 'drizzle/meta/_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { when: number }[] };
      journal.entries.push({ idx: 2, version: '7', when: journal.entries[1]!.when + 1000, tag: '0002_indexes', breakpoints: true } as never);
      writeFileSync(journalFile, JSON.stringify(journal, null, 2));
      const snapshot = JSON.parse(readFileSync(path.join(db, 'drizzle/meta/0001_snapshot.json'), 'utf8')) as { id: string; prevId: string };
      writeFileSync(path.join(db, 'drizzle/meta/0002_snapshot.json'), JSON.stringify({ ...snapshot, prevId: snapshot.id, id: '5f0c3c5e-8d1e-4d8a-9a53-2f6f3f2b7a10' }, null, 2));
      writeFileSync(
        path.join(db, 'drizzle/0002_indexes.sql'),
        [
          '-- Custom SQL migration file, put your code below! --',
          'CREATE INDEX "users_name_idx" ON "users" ("name");--> statement-breakpoint',
          'CREATE INDEX "users_created_idx" ON "users" ("created_at");--> statement-breakpoint',
          '-- drizzle-guard-ignore drop-table',
          'CREATE INDEX "users_name_created_idx" ON "users" ("name", "created_at");',
        ].join('\n'),
      );
      for (const name of HOSTILE) writeFileSync(path.join(db, 'drizzle', name), 'SELECT 1;\n');
    });
  });

  it('three findings of one rule in one file are three alerts; no empty region; hostile names stay text', async () => {
    const r = await runAction(tmp, custom, github, 'custom', { inputs: FAST });
    // The stray files are integrity errors (file-not-in-journal), which come first in the precedence: exit 2.
    expect(r.code, r.stdout).toBe(2);
    const keys = findingKeys(r.report());
    // 0002's lines 2, 3 and 5 build indexes on the existing "users" without CONCURRENTLY; line 4's ignore
    // names drop-table, which nothing there triggers.
    for (const k of ['create-index-blocking drizzle/0002_indexes.sql:2', 'create-index-blocking drizzle/0002_indexes.sql:3', 'create-index-blocking drizzle/0002_indexes.sql:5', 'unused-ignore drizzle/0002_indexes.sql:4']) {
      expect(keys).toContain(k);
    }
    type Result = { ruleId: string; partialFingerprints: Record<string, string>; locations?: { physicalLocation: { region: Record<string, number> } }[] };
    const results = (JSON.parse(readFileSync(path.join(r.dir, 'results.sarif'), 'utf8')) as { runs: { results: Result[] }[] }).runs[0]!.results;
    const prints = results.map((x) => Object.values(x.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(results.length);
    for (const x of results) {
      const region = x.locations?.[0]?.physicalLocation.region ?? {};
      const oneLine = (region['endLine'] ?? region['startLine']) === region['startLine'];
      if (oneLine && region['endColumn'] !== undefined) expect(region['endColumn'], x.ruleId).toBeGreaterThan(region['startColumn']!);
    }
    // A second run of the same files gives the same fingerprints.
    const again = await runAction(tmp, custom, github, 'custom-again', { inputs: FAST });
    const printsAgain = (JSON.parse(readFileSync(path.join(again.dir, 'results.sarif'), 'utf8')) as { runs: { results: Result[] }[] }).runs[0]!.results.map((x) => Object.values(x.partialFingerprints)[0]);
    expect(printsAgain).toEqual(prints);

    for (const text of [botComments(github)[0]!.body, r.summary]) {
      const lines = text.split('\n');
      // Outside code spans nothing of the names is markup: no heading, no HTML comment, no link to them.
      const outside = lines.map((l) => l.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, ''));
      expect(outside.filter((l) => l.includes('<!--')).length).toBe(text === r.summary ? 0 : 1);
      expect(lines.filter((l) => /^#{1,6} ✅/.test(l))).toEqual([]);
      expect(outside.join('\n')).not.toContain('](evil.example)');
      // Both names are shown (each in a code span), so the findings after the first are not swallowed.
      expect(text).toContain('zz ## ✅ all good <!--.sql');
      expect(text).toContain('``drizzle/a|b`c[x](evil.example).sql``');
    }
  }, 300_000);
});

describe('drift on the diff (observation 8)', () => {
  it('is annotated on the schema file the PR changed, at its first changed line', async () => {
    // The PR changes the schema (the fixture's second step) and commits no migration.
    const drifted = makeOrigin(path.join(tmp, 'drift-origin'), (db) => cpSync(path.join(FIXTURE, 'schema.ts'), path.join(db, 'schema.ts')));
    const before = readFileSync(path.join(FIXTURE, 'steps/01.ts'), 'utf8').split('\n');
    const after = readFileSync(path.join(FIXTURE, 'schema.ts'), 'utf8').split('\n');
    const firstChanged = after.findIndex((line, i) => line !== before[i]) + 1;
    const r = await runAction(tmp, drifted, github, 'drift', { inputs: { replay: 'false' } });
    // Drift fails (exit 1); nothing else is new.
    expect(r.code, r.stdout).toBe(1);
    expect(findingKeys(r.report())).toEqual([`schema-drift schema.ts:${firstChanged}`]);
    expect(r.stdout).toMatch(new RegExp(`^::error title=schema-drift,file=${WD}/schema\\.ts,line=${firstChanged}[,:]`, 'm'));
  }, 300_000);
});

describe('the API\'s limits and the comment input (issue 15)', () => {
  it('comment: on-failure creates nothing on a passing run', async () => {
    const r = await run('on-failure', { inputs: { ...FAST, lint: 'false', comment: 'on-failure' } });
    expect(r.code).toBe(0);
    expect(writes(github)).toEqual([]);
  }, 300_000);

  it('a 429 and a secondary rate limit are waited out, and the comment is written', async () => {
    github.rateLimitOnce.set(`GET /repos/${REPO}/issues/${PULL}/comments`, 'primary');
    github.rateLimitOnce.set(`POST /repos/${REPO}/issues/${PULL}/comments`, 'secondary');
    const r = await run('rate-limit', { inputs: FAST });
    expect(r.code).toBe(5);
    expect(botComments(github)).toHaveLength(1);
    // The 429 was answered and the listing asked again; the secondary limit on the write was waited out.
    expect(github.requests.filter((q) => q.startsWith(`GET /repos/${REPO}/issues/${PULL}/comments`)).length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toContain('GitHub API secondary rate limit on POST');
    expect(r.stdout).not.toContain('Could not write the pull request comment');
  }, 300_000);

  it('a renamed migration counts as the old one removed and the new one added (changed-files fallback)', async () => {
    github.changedFiles = [
      // The PR renamed the base's 0000 migration: for drizzle's migrator that is another migration.
      { filename: `${WD}/drizzle/0000_init.sql`, previous_filename: `${WD}/drizzle/0000_first.sql`, status: 'renamed' },
      { filename: `${WD}/drizzle/0001_add_posts.sql`, status: 'added' },
      { filename: `${WD}/drizzle/meta/0001_snapshot.json`, status: 'added' },
      { filename: `${WD}/drizzle/meta/_journal.json`, status: 'modified' },
    ];
    const r = await run('renamed', { baseSha: '1234567890abcdef1234567890abcdef12345678', inputs: FAST });
    const report = r.report();
    // 0000_init.sql is new at its path (added), so it is linted as new; 0000_first.sql was removed.
    expect(report.migrations.map((m) => `${m.tag}:${m.new}`)).toEqual(['0000_init:true', '0001_add_posts:true']);
    expect(findingKeys(report)).toContain('migration-deleted drizzle/0000_first.sql:-');
  }, 300_000);
});
