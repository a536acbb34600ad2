// Replay and drizzle-orm's own migrator (drizzle-orm/pglite/migrator) on two embedded PostgreSQLs: both
// succeed or both fail with the same error, and the databases end up identical.
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect } from 'vitest';
import { describeSchema } from '../../src/checks/replay/catalog.js';
import { pgErrorOf, replay, type MigrationsTable, type ReplayResult } from '../../src/checks/replay/replay.js';
import type { Migration } from '../../src/model/types.js';

export async function expectSameEndState(ours: PGlite, theirs: PGlite, folder: string, migrations: Migration[], table: MigrationsTable): Promise<ReplayResult> {
  await Promise.all([reset(ours), reset(theirs)]);
  let theirError: string | undefined;
  try {
    await migrate(drizzle(theirs), { migrationsFolder: folder, migrationsTable: table.table, migrationsSchema: table.schema });
  } catch (e) {
    theirError = pgErrorOf((e as { cause?: unknown }).cause ?? e).message;
  }
  const result = await replay(ours, [], migrations, { seed: false, trace: false, migrationsTable: table, skipByWhen: true });
  // Both fail with the same error (drizzle rolled its transaction back, and so did the replay), or neither.
  expect(result.failure?.error.message).toBe(theirError);
  expect(await endState(ours, table)).toEqual(await endState(theirs, table));
  return result;
}

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

