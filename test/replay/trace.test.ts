// The trace is PostgreSQL's own account of a statement. Each expectation below is what PostgreSQL's
// documentation says the statement does (the reason is written beside it), checked on the embedded
// PostgreSQL (PGlite, PostgreSQL 18) and, when TEST_DATABASE_URL is set, on the real server (CI: PostgreSQL 15).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPglite } from '../../src/checks/replay/pglite.js';
import { pgErrorOf } from '../../src/checks/replay/replay.js';
import { blocksWrites, Tracer, type TableEffect, type TraceDb } from '../../src/checks/replay/trace.js';

// Two tables that exist before the migration, each holding one row; users.email is NULL in it.
const SETUP = `
create table users (id serial primary key, name varchar(50) not null, email text, created_at timestamp not null, n integer not null);
create table orders (id serial primary key, user_id integer not null);
insert into users (name, email, created_at, n) values ('a', null, '2000-01-01', 1);
insert into orders (user_id) values (1);
alter table orders add constraint orders_user_positive check (user_id > 0) not valid;`;

interface Expected {
  /** Per pre-existing table: the strongest lock newly taken, and what was done to it. */
  effects?: Record<string, Partial<Pick<TableEffect, 'rewritten' | 'scanned' | 'indexesBuilt'>> & { strongest: string }>;
  /** SQLSTATE of the failure on the existing row. */
  fails?: string;
  /** SHARE or stronger on a pre-existing table together with a scan, a rewrite or an index build. */
  blocking?: boolean;
}

const CASES: { name: string; prepare?: string; sql: string; expected: Expected }[] = [
  {
    // CREATE INDEX takes SHARE (blocks writes, not reads) and reads the whole table to build the index.
    name: 'CREATE INDEX on a table holding rows',
    sql: 'CREATE INDEX "users_name_idx" ON "users" USING btree ("name");',
    expected: { effects: { 'public.users': { strongest: 'ShareLock', indexesBuilt: 1, scanned: true, rewritten: false } }, blocking: true },
  },
  {
    // ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables and validates every existing row; the DO block
    // and its exception handler change nothing of that.
    name: "a foreign key inside drizzle-kit's DO $$ … EXCEPTION WHEN duplicate_object wrapper",
    sql: `DO $$ BEGIN\n ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;`,
    expected: { effects: { 'public.orders': { strongest: 'ShareRowExclusiveLock', scanned: true, rewritten: false }, 'public.users': { strongest: 'ShareRowExclusiveLock' } }, blocking: true },
  },
  {
    // SET NOT NULL checks every row under ACCESS EXCLUSIVE: the seeded NULL makes it fail (not_null_violation).
    name: 'SET NOT NULL on a column holding NULL',
    sql: 'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;',
    expected: { fails: '23502' },
  },
  {
    // After a backfill it succeeds, having scanned the table (no rewrite).
    name: 'SET NOT NULL after a backfill',
    prepare: `UPDATE "users" SET "email" = 'a@b.c' WHERE "email" IS NULL;`,
    sql: 'ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;',
    expected: { effects: { 'public.users': { strongest: 'AccessExclusiveLock', scanned: true, rewritten: false } }, blocking: true },
  },
  {
    // integer → bigint changes the storage: the table is rewritten under ACCESS EXCLUSIVE.
    name: 'ALTER TYPE that rewrites (integer → bigint)',
    sql: 'ALTER TABLE "users" ALTER COLUMN "n" SET DATA TYPE bigint;',
    expected: { effects: { 'public.users': { strongest: 'AccessExclusiveLock', rewritten: true } }, blocking: true },
  },
  {
    // varchar → text is binary-coercible: only the catalog changes (still ACCESS EXCLUSIVE, for an instant).
    name: 'ALTER TYPE that does not rewrite (varchar(50) → text)',
    sql: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE text;',
    expected: { effects: { 'public.users': { strongest: 'AccessExclusiveLock', rewritten: false, scanned: false } }, blocking: false },
  },
  {
    // timestamp → timestamptz: since PostgreSQL 12 no rewrite when the session TimeZone is UTC.
    name: 'timestamp → timestamptz under TimeZone UTC',
    prepare: `SET LOCAL TimeZone = 'UTC';`,
    sql: 'ALTER TABLE "users" ALTER COLUMN "created_at" SET DATA TYPE timestamp with time zone;',
    expected: { effects: { 'public.users': { strongest: 'AccessExclusiveLock', rewritten: false } }, blocking: false },
  },
  {
    // … and a rewrite under any other TimeZone: the stored values change.
    name: 'timestamp → timestamptz under TimeZone Europe/Paris',
    prepare: `SET LOCAL TimeZone = 'Europe/Paris';`,
    sql: 'ALTER TABLE "users" ALTER COLUMN "created_at" SET DATA TYPE timestamp with time zone;',
    expected: { effects: { 'public.users': { strongest: 'AccessExclusiveLock', rewritten: true } }, blocking: true },
  },
  {
    // A volatile default must be evaluated for every existing row: rewrite under ACCESS EXCLUSIVE.
    name: 'ADD COLUMN … DEFAULT gen_random_uuid()',
    sql: 'ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();',
    expected: { effects: { 'public.users': { strongest: 'AccessExclusiveLock', rewritten: true } }, blocking: true },
  },
  {
    // VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE only: writes go on (the safe recipe).
    name: 'VALIDATE CONSTRAINT',
    sql: 'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_user_positive";',
    expected: { effects: { 'public.orders': { strongest: 'ShareUpdateExclusiveLock', scanned: true } }, blocking: false },
  },
  {
    // A table created in the same migration is not a pre-existing one: nothing to report.
    name: 'an index on a table created in the same migration',
    sql: 'CREATE TABLE "tags" ("id" serial PRIMARY KEY, "label" text NOT NULL); CREATE INDEX "tags_label_idx" ON "tags" USING btree ("label");',
    expected: { effects: {}, blocking: false },
  },
];

/** Runs one case in a transaction (rolled back), as the replay runs a chunk: under a savepoint, traced. */
async function observe(db: TraceDb & { exec(sql: string): Promise<unknown> }, c: (typeof CASES)[number]): Promise<Expected> {
  await db.exec('begin');
  try {
    if (c.prepare) await db.exec(c.prepare);
    const tracer = (await Tracer.start(db, '"drizzle"."__drizzle_migrations"'))!;
    await db.exec('savepoint chunk');
    try {
      await db.exec(c.sql);
    } catch (e) {
      await db.exec('rollback to savepoint chunk');
      return { fails: pgErrorOf(e).code! };
    }
    // The prepare step's own work is not the statement's: the tracer started after it.
    const trace = (await tracer.after(true, undefined))!;
    const effects: Expected['effects'] = {};
    for (const e of trace.effects) {
      const strongest = [...e.locks].sort((a, b) => LOCKS.indexOf(b) - LOCKS.indexOf(a))[0] ?? 'none';
      effects[e.table] = { strongest, rewritten: e.rewritten, scanned: e.scanned, indexesBuilt: e.indexesBuilt };
    }
    const blocking = trace.effects.some((e) => e.locks.some(blocksWrites) && (e.scanned || e.rewritten || e.indexesBuilt > 0));
    return { effects, blocking };
  } finally {
    await db.exec('rollback');
  }
}

const LOCKS = ['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];

function check(observed: Expected, expected: Expected): void {
  if (expected.fails) return void expect(observed).toEqual({ fails: expected.fails });
  expect(observed.blocking).toBe(expected.blocking);
  expect(Object.keys(observed.effects ?? {}).sort()).toEqual(Object.keys(expected.effects ?? {}).sort());
  for (const [table, e] of Object.entries(expected.effects ?? {})) expect(observed.effects![table]).toMatchObject(e);
}

describe('traced replay on PGlite', () => {
  let db: Awaited<ReturnType<typeof startPglite>>['db'];
  beforeAll(async () => {
    db = (await startPglite({})).db;
    await db.exec(SETUP);
  }, 120_000);
  afterAll(() => db?.close());
  it.each(CASES)('$name', async (c) => check(await observe(db, c), c.expected));
});

const server = process.env.TEST_DATABASE_URL;
describe.skipIf(!server)('traced replay truth on the PostgreSQL server (TEST_DATABASE_URL)', () => {
  const name = `dg_trace_${randomBytes(6).toString('hex')}`;
  let client: pg.Client;
  let inTransaction = false;
  const db: TraceDb & { exec(sql: string): Promise<unknown> } = {
    query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    isInTransaction: () => inTransaction,
    exec: async (sql: string) => {
      await client.query(sql);
      if (sql === 'begin') inTransaction = true;
      if (sql === 'rollback') inTransaction = false;
    },
  };
  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(SETUP);
  });
  afterAll(async () => {
    await client?.end();
    await admin(`drop database if exists ${name} with (force)`);
  });
  it.each(CASES)('$name', async (c) => check(await observe(db, c), c.expected));
});

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
