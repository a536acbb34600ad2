// Ground truth for the lint, from PostgreSQL and drizzle's own migrator: each scenario is written as
// a migration folder (journal + SQL, chunks split by `--> statement-breakpoint`) and applied with
// drizzle-orm's `migrate()` — `drizzle-orm/pglite/migrator` on PGlite always, and
// `drizzle-orm/node-postgres/migrator` on the server at TEST_DATABASE_URL when it is set — against
// existing objects holding a row. Each scenario states whether PostgreSQL rejects the migration and
// exactly which rules the lint reports for it (the reason beside each), so a rule that fires on the
// wrong case, or stays silent on the right one, fails here.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lint } from './helpers.js';

const BP = '--> statement-breakpoint';

interface Scenario {
  name: string;
  /** Committed before the migration: the existing schema and its rows. */
  setup: string;
  migration: string;
  /** The previous snapshot, as far as the scenario needs it (enum values, column types). */
  before?: Record<string, unknown>;
  /** Whether the migration keeps the storage (relfilenode) of table `notes` or rewrites it. */
  notes?: 'kept' | 'rewritten';
  /** Whether drizzle's migrator fails on this PostgreSQL major version. */
  fails: boolean | ((version: number) => boolean);
  /** Rule ids the lint reports for this version, in order. */
  rules: string[] | ((version: number) => string[]);
  /** What the failed or finished migration leaves behind: a query and its one-value answer. */
  leaves?: { query: string; value: string };
}

const ENUM_SETUP = `CREATE TYPE status AS ENUM ('active', 'closed'); CREATE TABLE projects (id serial PRIMARY KEY, status status DEFAULT 'active' NOT NULL); INSERT INTO projects DEFAULT VALUES;`;
const TABLE_SETUP = `CREATE TABLE users (id serial PRIMARY KEY, name text); INSERT INTO users (name) VALUES ('a');`;
const FK_SETUP = `${TABLE_SETUP} CREATE TABLE posts (id serial PRIMARY KEY, author_id integer); INSERT INTO posts (author_id) VALUES (1);`;
const FK = 'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;';
// How drizzle-kit before 0.21 wrote every foreign key.
const DO_FK = `DO $$ BEGIN\n ${FK}\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;`;
const RECREATE = (values: string) =>
  [
    'ALTER TABLE projects ALTER COLUMN status SET DATA TYPE text;',
    "ALTER TABLE projects ALTER COLUMN status SET DEFAULT 'active'::text;",
    'DROP TYPE status;',
    `CREATE TYPE status AS ENUM(${values});`,
    "ALTER TABLE projects ALTER COLUMN status SET DEFAULT 'active'::status;",
    'ALTER TABLE projects ALTER COLUMN status SET DATA TYPE status USING status::status;',
  ].join(`${BP}\n`);
const INDEX = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON users (name);';

const scenarios: Scenario[] = [
  {
    name: 'enum value added and used as a default',
    setup: ENUM_SETUP,
    migration: `ALTER TYPE status ADD VALUE 'archived';${BP}\nALTER TABLE projects ALTER COLUMN status SET DEFAULT 'archived';`,
    fails: true,
    rules: ['enum-value-used-in-same-transaction'],
  },
  {
    name: 'enum value added and used in an UPDATE',
    setup: ENUM_SETUP,
    migration: `ALTER TYPE status ADD VALUE 'archived';${BP}\nUPDATE projects SET status = 'archived' WHERE id = 1;`,
    fails: true,
    rules: ['enum-value-used-in-same-transaction'],
  },
  {
    name: 'the same value added to two enums, then named as a neighbour',
    setup: `CREATE TYPE a AS ENUM ('raw'); CREATE TYPE b AS ENUM ('raw');`,
    migration: `ALTER TYPE a ADD VALUE 'gitea';${BP}\nALTER TYPE b ADD VALUE 'gitea' BEFORE 'raw';${BP}\nALTER TYPE a ADD VALUE 'x' AFTER 'gitea';`,
    fails: false,
    rules: [],
  },
  {
    name: 'enum value added, a COMMIT chunk, then used',
    setup: ENUM_SETUP,
    migration: `ALTER TYPE status ADD VALUE 'archived';${BP}\nCOMMIT;${BP}\nUPDATE projects SET status = 'archived' WHERE id = 1;`,
    fails: false,
    // The COMMIT itself is reported (it ends drizzle's transaction); the use after it is fine.
    rules: ['transaction-control'],
  },
  {
    // Fails on 15, works on 18 (PGlite).
    name: 'value added to an enum created in the same transaction',
    setup: '',
    migration: `CREATE TYPE mood AS ENUM ('ok');${BP}\nALTER TYPE mood ADD VALUE 'sad';${BP}\nCREATE TABLE m (v mood DEFAULT 'sad');`,
    fails: (v) => v < 18,
    rules: (v) => (v < 18 ? ['enum-value-used-in-same-transaction'] : []),
  },
  {
    name: 'CREATE INDEX CONCURRENTLY in the migrator transaction',
    setup: TABLE_SETUP,
    migration: INDEX,
    fails: true,
    rules: ['concurrently-in-transaction'],
  },
  {
    name: 'the recipe: a COMMIT chunk, then CREATE INDEX CONCURRENTLY IF NOT EXISTS alone in its chunk',
    setup: TABLE_SETUP,
    migration: `COMMIT;${BP}\n${INDEX}`,
    fails: false,
    rules: ['transaction-control'],
    leaves: { query: `SELECT count(*)::text AS value FROM pg_indexes WHERE indexname = 'users_name_idx'`, value: '1' },
  },
  {
    name: 'the recipe with a lock timeout in a chunk of its own',
    setup: TABLE_SETUP,
    migration: `COMMIT;${BP}\nSET lock_timeout = '5s';${BP}\n${INDEX}`,
    fails: false,
    rules: ['transaction-control'],
  },
  {
    // One chunk is one simple query: PostgreSQL runs it as an implicit transaction block, even after
    // the COMMIT in it (PGlite's driver rejects any chunk of several statements).
    name: 'COMMIT and CREATE INDEX CONCURRENTLY in one chunk',
    setup: TABLE_SETUP,
    migration: `COMMIT;\n${INDEX}`,
    fails: true,
    rules: ['transaction-control', 'concurrently-in-transaction'],
  },
  {
    name: 'SET lock_timeout and CREATE INDEX CONCURRENTLY in one chunk, after a COMMIT chunk',
    setup: TABLE_SETUP,
    migration: `COMMIT;${BP}\nSET lock_timeout = 0;\n${INDEX}`,
    fails: true,
    rules: ['transaction-control', 'concurrently-in-transaction'],
  },
  {
    name: 'a statement failing after a COMMIT chunk leaves the migration half-applied and unrecorded',
    setup: TABLE_SETUP,
    migration: `ALTER TABLE users ADD COLUMN bio text;${BP}\nCOMMIT;${BP}\nALTER TABLE users ADD COLUMN age integer NOT NULL;`,
    fails: true,
    rules: ['transaction-control', 'add-column-required'],
    // bio was committed; drizzle never inserted the migration's row.
    leaves: { query: `SELECT count(*)::text AS value FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'bio'`, value: '1' },
  },
  { name: 'NOT NULL column without default on a table with a row', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD COLUMN age integer NOT NULL;', fails: true, rules: ['add-column-required'] },
  // A constant default: no rewrite from PostgreSQL 11, and every row gets it.
  { name: 'NOT NULL column with a default', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD COLUMN age integer DEFAULT 0 NOT NULL;', fails: false, rules: [] },
  { name: 'NOT NULL column on a table created in the same migration', setup: '', migration: `CREATE TABLE t (id int);${BP}\nALTER TABLE t ADD COLUMN age integer NOT NULL;`, fails: false, rules: [] },
  {
    name: 'NOT NULL column on a table emptied earlier in the migration',
    setup: TABLE_SETUP,
    migration: `DELETE FROM users;${BP}\nALTER TABLE users ADD COLUMN age integer NOT NULL;`,
    fails: false,
    // The DELETE is the data loss; the NOT NULL column after it is fine on the emptied table.
    rules: ['delete-all-rows'],
  },
  {
    name: 'enum re-created without a value a row holds',
    setup: `${ENUM_SETUP} UPDATE projects SET status = 'closed';`,
    migration: RECREATE(`'active'`),
    before: { enums: { 'public.status': { values: ['active', 'closed'] } } },
    fails: true,
    // Both type changes of an existing table (the snapshot given has no column types), and the DROP TYPE
    // of an enum whose re-creation lacks 'closed'.
    rules: ['alter-column-type', 'enum-value-removed', 'alter-column-type'],
  },
  {
    name: 'enum re-created with its values reordered',
    setup: `${ENUM_SETUP} UPDATE projects SET status = 'closed';`,
    migration: RECREATE(`'closed', 'active'`),
    before: { enums: { 'public.status': { values: ['active', 'closed'] } } },
    fails: false,
    rules: ['alter-column-type', 'alter-column-type'],
  },
  { name: 'a statement PostgreSQL cannot parse', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD COLUM age int;', fails: true, rules: ['parse-error'] },
  // The scan of an existing table, bare or in drizzle-kit's DO wrapper: the same rule either way.
  { name: 'a foreign key on an existing table', setup: FK_SETUP, migration: FK, fails: false, rules: ['add-foreign-key-validating'] },
  { name: "the same foreign key in drizzle-kit's DO wrapper", setup: FK_SETUP, migration: DO_FK, fails: false, rules: ['add-foreign-key-validating'] },
  {
    // duplicate_object is swallowed, foreign_key_violation is not: the lint cannot see the orphan, but warns of the scan.
    name: "drizzle-kit's DO-wrapped foreign key on an orphan row",
    setup: `${FK_SETUP} INSERT INTO posts (author_id) VALUES (42);`,
    migration: DO_FK,
    fails: true,
    rules: ['add-foreign-key-validating'],
  },
  { name: 'a CHECK that an existing row violates', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD CONSTRAINT name_long CHECK (length(name) > 3);', fails: true, rules: ['add-check-validating'] },
  {
    name: 'VALIDATE CONSTRAINT in the transaction of its ADD … NOT VALID',
    setup: TABLE_SETUP,
    migration: `ALTER TABLE users ADD CONSTRAINT name_set CHECK (name IS NOT NULL) NOT VALID;${BP}\nALTER TABLE users VALIDATE CONSTRAINT name_set;`,
    fails: false,
    rules: ['add-check-validating'],
  },
  // Type changes PostgreSQL makes without a rewrite: the table keeps its relfilenode, and the lint is silent.
  ...(
    [
      ['varchar(20)', 'text'],
      ['varchar(20)', 'varchar(40)'],
      ['numeric(10, 2)', 'numeric(12,2)'],
      ['timestamp (3) with time zone', 'timestamp(6) with time zone'],
    ] as const
  ).map(([from, to]): Scenario => ({
    name: `${from} → ${to} keeps the table's storage`,
    setup: `CREATE TABLE notes (id serial PRIMARY KEY, v ${from}); INSERT INTO notes (v) VALUES (NULL);`,
    migration: `ALTER TABLE notes ALTER COLUMN v SET DATA TYPE ${to};`,
    before: { tables: { 'public.notes': { columns: { v: { type: from } } } } },
    fails: false,
    rules: [],
    notes: 'kept',
  })),
  {
    name: 'varchar(20) → integer rewrites the table',
    setup: `CREATE TABLE notes (id serial PRIMARY KEY, v varchar(20)); INSERT INTO notes (v) VALUES ('1');`,
    migration: 'ALTER TABLE notes ALTER COLUMN v SET DATA TYPE integer USING v::integer;',
    before: { tables: { 'public.notes': { columns: { v: { type: 'varchar(20)' } } } } },
    fails: false,
    rules: ['alter-column-type'],
    notes: 'rewritten',
  },
];

/** Runs one SQL string on the engine, returning the first row's `value`. */
type Query = (sql: string) => Promise<string | undefined>;

const folders: string[] = [];

/** A drizzle-kit style migration folder holding the scenario as its one migration. */
function migrationFolder(s: Scenario): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-truth-'));
  folders.push(dir);
  fs.mkdirSync(path.join(dir, 'meta'));
  const entry = { idx: 0, version: '7', when: 1_700_000_000_000, tag: '0000_scenario', breakpoints: true };
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries: [entry] }));
  fs.writeFileSync(path.join(dir, '0000_scenario.sql'), s.migration);
  return dir;
}

/** Applies the scenario with drizzle's migrator in a fresh schema; returns PostgreSQL's error, if any. */
async function apply(query: Query, run: (folder: string, migrationsSchema: string) => Promise<void>, schema: string, s: Scenario): Promise<string | undefined> {
  await query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_drizzle CASCADE`);
  await query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  if (s.setup) await query(s.setup);
  const storage = s.notes && `SELECT pg_relation_filenode('${schema}.notes')::text AS value`;
  const storageBefore = storage && (await query(storage));
  let error: string | undefined;
  try {
    await run(migrationFolder(s), `${schema}_drizzle`);
  } catch (e) {
    const cause = (e as { cause?: Error }).cause;
    error = cause?.message ?? (e as Error).message;
  }
  // A failed chunk may leave a transaction block open (PostgreSQL only warns when there is none).
  await query('ROLLBACK').catch(() => undefined);
  if (storage) expect((await query(storage)) === storageBefore ? 'kept' : 'rewritten').toBe(s.notes);
  return error;
}

async function judge(query: Query, run: (folder: string, migrationsSchema: string) => Promise<void>, version: number, schema: string, s: Scenario): Promise<void> {
  const error = await apply(query, run, schema, s);
  const findings = await lint([{ sql: s.migration, before: s.before }], { postgresVersion: version });
  const fails = typeof s.fails === 'function' ? s.fails(version) : s.fails;
  const rules = typeof s.rules === 'function' ? s.rules(version) : s.rules;
  expect({ fails: error !== undefined, rules: findings.map((f) => f.ruleId) }, `PostgreSQL ${version}: ${error ?? 'ok'}`).toEqual({ fails, rules });
  const recorded = await query(`SELECT count(*)::text AS value FROM ${schema}_drizzle.__drizzle_migrations`);
  expect(recorded, 'the migration is recorded exactly when it succeeded').toBe(fails ? '0' : '1');
  if (s.leaves) expect(await query(s.leaves.query)).toBe(s.leaves.value);
}

async function majorVersion(query: Query): Promise<number> {
  return Math.floor(Number(await query('SELECT current_setting(\'server_version_num\') AS value')) / 10000);
}

function cleanUp(): void {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

describe('drizzle-orm/pglite/migrator on PGlite', () => {
  let db: PGlite;
  let version: number;
  const query: Query = async (sql) => {
    const results = await db.exec(sql);
    const rows = results[results.length - 1]?.rows as { value?: string }[] | undefined;
    return rows?.[0]?.value;
  };
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
    version = await majorVersion(query);
  });
  afterAll(async () => {
    await db.close();
    cleanUp();
  });
  test.each(scenarios.map((s, i) => [s.name, s, i] as const))('%s', async (_name, s, i) => {
    const orm = drizzlePglite({ client: db });
    await judge(query, (folder, migrationsSchema) => migratePglite(orm, { migrationsFolder: folder, migrationsSchema }), version, `s${i}`, s);
  });
});

// The project's machines run PostgreSQL 15; a user's fresh machine has none (PGlite above covers it).
describe.runIf(process.env.TEST_DATABASE_URL)('drizzle-orm/node-postgres/migrator on the server at TEST_DATABASE_URL', () => {
  let client: pg.Client;
  let version: number;
  const query: Query = async (sql) => {
    const result = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return (last?.rows?.[0] as { value?: string } | undefined)?.value;
  };
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    // PostgreSQL's notices (no transaction in progress, …) are expected here.
    client.on('notice', () => undefined);
    version = await majorVersion(query);
  });
  afterAll(async () => {
    for (let i = 0; i < scenarios.length; i++) await client.query(`DROP SCHEMA IF EXISTS dg_safety_truth_${i} CASCADE; DROP SCHEMA IF EXISTS dg_safety_truth_${i}_drizzle CASCADE`);
    await client.end();
    cleanUp();
  });
  test.each(scenarios.map((s, i) => [s.name, s, i] as const))('%s', async (_name, s, i) => {
    const orm = drizzlePg({ client });
    await judge(query, (folder, migrationsSchema) => migratePg(orm, { migrationsFolder: folder, migrationsSchema }), version, `dg_safety_truth_${i}`, s);
  });
});
