// Replay and drizzle-orm's own migrator (drizzle-orm/pglite/migrator: 0.x from this project's dependencies for
// the journal layout, 1.0 from DRIZZLE_GUARD_KIT1_DIR for the folder layout) on two embedded PostgreSQLs: both
// succeed or both fail with the same error, and the databases end up identical.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect } from 'vitest';
import { describeSchema } from '../../src/checks/replay/catalog.js';
import { pgErrorOf, replay, type MigrationsTable, type ReplayResult } from '../../src/checks/replay/replay.js';
import type { Migration, MigrationSet } from '../../src/model/types.js';

/** A drizzle-orm PGlite migrator: migrate(drizzle(client), config). */
export type Migrator = (client: PGlite, config: { migrationsFolder: string; migrationsTable: string; migrationsSchema: string }) => Promise<unknown>;

const migrator0: Migrator = (client, config) => migrate(drizzle(client), config);

export async function expectSameEndState(
  ours: PGlite,
  theirs: PGlite,
  folder: string,
  migrations: Migration[],
  table: MigrationsTable,
  { layout = 'journal', migrator = migrator0 }: { layout?: MigrationSet['layout']; migrator?: Migrator } = {},
): Promise<ReplayResult> {
  await Promise.all([reset(ours), reset(theirs)]);
  let theirError: string | undefined;
  try {
    await migrator(theirs, { migrationsFolder: folder, migrationsTable: table.table, migrationsSchema: table.schema });
  } catch (e) {
    theirError = pgErrorOf((e as { cause?: unknown }).cause ?? e).message;
  }
  const result = await replay(ours, [], migrations, { seed: false, trace: false, migrationsTable: table, layout });
  // Both fail with the same error (drizzle rolled its transaction back, and so did the replay), or neither.
  expect(result.failure?.error.message).toBe(theirError);
  expect(await endState(ours, table)).toEqual(await endState(theirs, table));
  return result;
}

/**
 * drizzle-orm 1.x's PGlite migrator from DRIZZLE_GUARD_KIT1_DIR. Its drizzle-orm imports @electric-sql/pglite,
 * which that folder lacks: a copy of it is made beside a link to this project's PGlite (one PGlite module for
 * both sides). The folder is removed by the returned cleanup.
 */
export async function kit1Migrator(kit1: string): Promise<{ migrator: Migrator; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-orm1-'));
  fs.cpSync(path.join(kit1, 'node_modules/drizzle-orm'), path.join(dir, 'node_modules/drizzle-orm'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/@electric-sql'));
  fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite'), path.join(dir, 'node_modules/@electric-sql/pglite'), 'dir');
  const orm = (sub: string) => import(pathToFileURL(path.join(dir, 'node_modules/drizzle-orm', sub)).href);
  const [{ drizzle: drizzle1 }, { migrate: migrate1 }] = await Promise.all([orm('pglite/index.js'), orm('pglite/migrator.js')]);
  return {
    migrator: (client, config) => migrate1(drizzle1({ client }), config),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Everything in the database, drizzle's schema and table included, and the rows drizzle recorded. */
async function endState(db: PGlite, table: MigrationsTable): Promise<unknown> {
  const shape = Object.fromEntries(await describeSchema(db));
  // Every column drizzle's table has (1.0 adds name and applied_at, a time: only whether it is set compares).
  const columns = (await db.query<{ c: string }>(`select quote_ident(attname) as c from pg_attribute where attrelid = '"${table.schema}"."${table.table}"'::regclass and attnum > 0 and not attisdropped order by attnum`)).rows.map((r) => r.c);
  const select = columns.map((c) => (c === 'applied_at' ? 'applied_at is not null as applied' : c === 'created_at' ? 'created_at::text' : c)).join(', ');
  const rows = (await db.query(`select ${select} from "${table.schema}"."${table.table}" order by id`)).rows;
  return { shape, rows };
}

/** Back to an empty database between fixtures (one instance per engine keeps the suite fast). */
async function reset(db: PGlite): Promise<void> {
  const schemas = (await db.query<{ n: string }>(`select quote_ident(nspname) as n from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg\\_%'`)).rows;
  await db.exec(`${schemas.map((s) => `drop schema ${s.n} cascade;`).join('\n')} create schema public;`);
}
