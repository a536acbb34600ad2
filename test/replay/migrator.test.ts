// Replay is drizzle's migrator: the first failure is the root, the migrations table exists (named by the
// config) and is filled as drizzle-orm fills it, and the end state equals drizzle-orm's own migrator's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCheck } from '../../src/checks/replay/index.js';
import { describeSchema } from '../../src/checks/replay/catalog.js';
import { pgErrorOf, replay, type MigrationsTable } from '../../src/checks/replay/replay.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import { FIXTURES, fixtureContext, PG_CONFIG } from './context.js';

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
  });

  it("creates drizzle's migrations table where the config says before the first migration, so a migration may clean it", async () => {
    // fixtures/replay-migrator: migrations.schema "ops", migrations.table "schema_history"; 0001 deletes from
    // "ops"."schema_history" (as claude-code-hub's 0020 cleans drizzle's table), then indexes users.
    const config = { migrations: { schema: 'ops', table: 'schema_history', prefix: 'index' } };
    for (const fresh of [['0001'], ['0000', '0001']]) {
      const outcome = await replayCheck.run(fixtureContext('replay-migrator', { fresh, config }));
      expect(outcome).toMatchObject({ status: 'ran', findings: [] });
    }
  });
});

/** Everything in the database, drizzle's schema and table included, and the rows drizzle recorded. */
async function endState(db: PGlite, table: MigrationsTable): Promise<unknown> {
  const shape = Object.fromEntries(await describeSchema(db));
  const rows = (await db.query(`select id, hash, created_at::text from "${table.schema}"."${table.table}" order by id`)).rows;
  return { shape, rows };
}

/** Back to an empty database between fixtures (one instance per engine keeps the suite fast). */
async function reset(db: PGlite): Promise<void> {
  const schemas = (await db.query<{ n: string }>(`select quote_ident(nspname) as n from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg\\_%'`)).rows;
  await db.exec(`${schemas.map((s) => `drop schema ${s.n} cascade;`).join('\n')} create schema public;`);
}

describe("end state equals drizzle-orm's own migrator (drizzle-orm/pglite/migrator) on every PostgreSQL fixture", () => {
  let ours: PGlite;
  let theirs: PGlite;
  beforeAll(async () => {
    ours = new PGlite();
    theirs = new PGlite();
    await Promise.all([ours.waitReady, theirs.waitReady]);
  }, 120_000);
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
    });

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
    await Promise.all([reset(ours), reset(theirs)]);
    let theirError: string | undefined;
    try {
      await migrate(drizzle(theirs), { migrationsFolder: folder, migrationsTable: table.table, migrationsSchema: table.schema });
    } catch (e) {
      theirError = pgErrorOf((e as { cause?: unknown }).cause ?? e).message;
    }
    const cwd = path.join(FIXTURES, name);
    const set = readMigrationSet(workingTree(cwd, cwd), { ...PG_CONFIG, out, migrations: { ...table, prefix: 'index' } });
    const result = await replay(ours, [], set.migrations, { seed: false, trace: false, migrationsTable: table, skipByWhen: true });
    if (theirError !== undefined) {
      // Both fail, with the same error; drizzle rolled its transaction back, and so did the replay.
      expect(result.failure?.error.message).toBe(theirError);
    } else {
      expect(result.failure).toBeUndefined();
    }
    expect(await endState(ours, table)).toEqual(await endState(theirs, table));
  });
});
