// Replay is drizzle's migrator: the first failure is the root, the migrations table exists (named by the
// config) and is filled as drizzle-orm fills it, and the end state equals drizzle-orm's own migrator's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCheck } from '../../src/checks/replay/index.js';
import { startPglite } from '../../src/checks/replay/pglite.js';
import type { MigrationsTable } from '../../src/checks/replay/replay.js';
import { runCheck } from '../../src/engine.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { workingTree } from '../../src/model/tree.js';
import { FIXTURES, fixtureContext, PG_CONFIG } from './context.js';
import { options } from '../helpers/project.js';
import { expectSameEndState } from './parity.js';

describe('replay as drizzle migrates', () => {
  it('stops at the first failure and reports it as the root, with the statements after it not run', async () => {
    // fixtures/replay-cascade: 0001 renames a column of "accounts", which does not exist (line 2, after
    // drizzle-kit's comment); 0002 adds a column (1 statement); 0003 updates "ghosts", which does not exist
    // either. drizzle's migrator stops at 0001: 0002's and 0003's statements (1 + 1) never run.
    const outcome = await replayCheck.run(fixtureContext('replay-cascade', { fresh: ['0001', '0002', '0003'] }));
    expect(outcome.status).toBe('ran');
    const findings = outcome.findings!;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'replay-failed', category: 'replay', severity: 'error', file: 'drizzle/0001_rename_accounts.sql', line: 2 });
    expect(findings[0]!.message).toContain('relation "accounts" does not exist');
    expect(findings[0]!.message).toContain('2 statements after it were not run');
  }, 240_000);

  it('gives a replay failure its own category: integrity stays green and the verdict says a migration fails on PostgreSQL', async () => {
    // The same fixture through the engine, the whole history replayed (no base): 0001 fails on PostgreSQL, the
    // folder itself (journal, files, snapshots) is consistent.
    const report = await runCheck(options(path.join(FIXTURES, 'replay-cascade'), { replay: true }));
    expect(report.exitCode).toBe(2);
    expect(report.categories).toMatchObject({ integrity: 'pass', replay: 'fail' });
    expect(report.findings.filter((f) => f.ruleId === 'replay-failed')).toEqual([expect.objectContaining({ category: 'replay', file: 'drizzle/0001_rename_accounts.sql' })]);
    expect(renderText(report, { color: false })).toContain('exit 2 (a migration fails on PostgreSQL)');
    expect(renderMarkdown(report)).toContain('drizzle-guard failed: a migration fails on PostgreSQL');
  }, 240_000);

  it("creates drizzle's migrations table where the config says before the first migration, so a migration may clean it", async () => {
    // fixtures/replay-migrator: migrations.schema "ops", migrations.table "schema_history"; 0001 deletes from
    // "ops"."schema_history" (as claude-code-hub's 0020 cleans drizzle's table), then indexes users.
    const config = { migrations: { schema: 'ops', table: 'schema_history', prefix: 'index' } };
    for (const fresh of [['0001'], ['0000', '0001']]) {
      const outcome = await replayCheck.run(fixtureContext('replay-migrator', { fresh, config }));
      expect(outcome).toMatchObject({ status: 'ran', findings: [] });
    }
  }, 240_000);
});

describe("end state equals drizzle-orm's own migrator (drizzle-orm/pglite/migrator) on every PostgreSQL fixture", () => {
  let ours: PGlite;
  let theirs: PGlite;
  beforeAll(async () => {
    // From the cached initialised data directory: initdb twice would cost more than the whole suite.
    [ours, theirs] = (await Promise.all([startPglite({}), startPglite({})])).map((s) => s.db) as [PGlite, PGlite];
  }, 240_000);
  afterAll(async () => {
    await ours?.close();
    await theirs?.close();
  });

  const fixtures = fs
    .readdirSync(FIXTURES)
    .filter((name) => {
      const spec = path.join(FIXTURES, name, 'fixture.json');
      const journal = path.join(FIXTURES, name, JSON.parse(fs.existsSync(spec) ? fs.readFileSync(spec, 'utf8') : '{}').config?.out ?? 'drizzle', 'meta/_journal.json');
      return fs.existsSync(spec) && JSON.parse(fs.readFileSync(spec, 'utf8')).dialect === 'postgresql' && fs.existsSync(journal);
    })
    // replay-timeout never ends (with either migrator); replay-extension is about what PGlite lacks (postgis),
    // which the replay tolerates by design and drizzle's migrator does not.
    .filter((name) => name !== 'replay-timeout' && name !== 'replay-extension');

  it('covers the fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(10));

  it.each(fixtures)('%s', async (name) => {
    const spec = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'fixture.json'), 'utf8'));
    const out = spec.config?.out ?? 'drizzle';
    const table: MigrationsTable = { schema: spec.config?.migrations?.schema ?? 'drizzle', table: spec.config?.migrations?.table ?? '__drizzle_migrations' };
    const folder = path.join(FIXTURES, name, out);
    try {
      readMigrationFiles({ migrationsFolder: folder });
    } catch {
      return; // drizzle-orm cannot even read this folder (a broken fixture): the integrity check's business
    }
    const cwd = path.join(FIXTURES, name);
    const set = readMigrationSet(workingTree(cwd, cwd), { ...PG_CONFIG, out, migrations: { ...table, prefix: 'index' } });
    await expectSameEndState(ours, theirs, folder, set.migrations, table);
  }, 120_000);
});
