// The schema the snapshots declare, as a database: drizzle-kit turns the latest snapshot into SQL (from an
// empty database, so it asks no rename question), a second embedded PostgreSQL runs it, and its catalog is
// described like the replayed one. Together with the drift check (TypeScript schema = latest snapshot), a
// difference here means the SQL that was replayed does not build what the schema declares: hand-edited SQL.

import type { PGlite } from '@electric-sql/pglite';
import { describeSchema } from './catalog.js';
import type { Declared } from './protocol.js';
import { pgErrorOf } from './replay.js';

type Json = Record<string, unknown>;

const EMPTY_PG_SNAPSHOT = {
  id: '00000000-0000-0000-0000-000000000000',
  prevId: '',
  version: '7',
  dialect: 'postgresql',
  tables: {},
  enums: {},
  schemas: {},
  sequences: {},
  roles: {},
  policies: {},
  views: {},
  _meta: { schemas: {}, tables: {}, columns: {} },
};

interface KitApi {
  generateMigration(prev: unknown, cur: unknown): Promise<string[]>;
}

/** Builds the snapshot's schema on `db`, an empty database with the extensions loaded. */
export async function declaredShape(db: PGlite, snapshot: Json, extensionNames: readonly string[]): Promise<Declared> {
  if (snapshot.version !== '7' || snapshot.dialect !== 'postgresql') {
    return { reason: `the latest snapshot is version ${String(snapshot.version)} ${String(snapshot.dialect)}; the comparison reads version 7 postgresql only` };
  }
  let statements: string[];
  try {
    const mod = (await import('drizzle-kit/api')) as unknown as KitApi & { default?: KitApi };
    statements = await (mod.default ?? mod).generateMigration(EMPTY_PG_SNAPSHOT, snapshot);
  } catch (e) {
    return { reason: `drizzle-kit could not turn the latest snapshot into SQL: ${(e as Error).message}` };
  }
  // drizzle-kit never writes CREATE EXTENSION: create those the migrations create.
  for (const name of extensionNames) await db.exec(`create extension if not exists "${name.replace(/"/g, '""')}"`);
  for (const sql of statements) {
    try {
      await db.exec(sql);
    } catch (e) {
      return { reason: `drizzle-kit's SQL for the latest snapshot fails on PostgreSQL (${pgErrorOf(e).message}): ${sql.split('\n')[0]}` };
    }
  }
  return { shape: await describeSchema(db) };
}

/**
 * Empties a database a schema was built on, so one instance serves the next build: every schema but
 * PostgreSQL's own is dropped (extensions in them go too), and public is given back empty.
 */
export async function emptyDatabase(db: PGlite): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I', nspname) as name from pg_namespace where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`,
  );
  await db.exec(`${rows.map((r) => `drop schema ${r.name} cascade;`).join(' ')} create schema public;`);
}
