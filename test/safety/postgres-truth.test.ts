// Ground truth for the rules that say "this fails": each scenario is run the way drizzle's migrator
// runs a migration (BEGIN, each statement, COMMIT) on a real PostgreSQL — PGlite in-process, and the
// server at TEST_DATABASE_URL too when it is set — against existing objects holding a row. The
// migration must fail exactly when the lint reports one of these rules, and the safe variants must
// both pass in PostgreSQL and stay silent.

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lexStatements } from '../../src/model/sql-lexer.js';
import { lint } from './helpers.js';

const FAILING_RULES = new Set(['enum-value-used-in-same-transaction', 'concurrently-in-transaction', 'add-column-required', 'enum-value-removed', 'parse-error']);

interface Scenario {
  name: string;
  /** Committed before the migration: the existing schema and its rows. */
  setup: string;
  migration: string;
  /** Enum values the previous snapshot would hold. */
  enums?: Record<string, string[]>;
  /** Whether PostgreSQL (of this major version) rejects the migration. */
  fails: boolean | ((version: number) => boolean);
}

const ENUM_SETUP = `CREATE TYPE status AS ENUM ('active', 'closed'); CREATE TABLE projects (id serial PRIMARY KEY, status status DEFAULT 'active' NOT NULL); INSERT INTO projects DEFAULT VALUES;`;
const TABLE_SETUP = `CREATE TABLE users (id serial PRIMARY KEY, name text); INSERT INTO users (name) VALUES ('a');`;
const RECREATE = (values: string) =>
  `ALTER TABLE projects ALTER COLUMN status SET DATA TYPE text;\nALTER TABLE projects ALTER COLUMN status SET DEFAULT 'active'::text;\nDROP TYPE status;\nCREATE TYPE status AS ENUM(${values});\nALTER TABLE projects ALTER COLUMN status SET DEFAULT 'active'::status;\nALTER TABLE projects ALTER COLUMN status SET DATA TYPE status USING status::status;`;

const scenarios: Scenario[] = [
  { name: 'enum value added and used as a default', setup: ENUM_SETUP, migration: `ALTER TYPE status ADD VALUE 'archived';\nALTER TABLE projects ALTER COLUMN status SET DEFAULT 'archived';`, fails: true },
  { name: 'enum value added and used in an UPDATE', setup: ENUM_SETUP, migration: `ALTER TYPE status ADD VALUE 'archived';\nUPDATE projects SET status = 'archived';`, fails: true },
  {
    name: 'the same value added to two enums, then named as a neighbour',
    setup: `CREATE TYPE a AS ENUM ('raw'); CREATE TYPE b AS ENUM ('raw');`,
    migration: `ALTER TYPE a ADD VALUE 'gitea';\nALTER TYPE b ADD VALUE 'gitea' BEFORE 'raw';\nALTER TYPE a ADD VALUE 'x' AFTER 'gitea';`,
    fails: false,
  },
  { name: 'enum value added, COMMIT, then used', setup: ENUM_SETUP, migration: `ALTER TYPE status ADD VALUE 'archived';\nCOMMIT;\nUPDATE projects SET status = 'archived';`, fails: false },
  // Fails on 15, works on 18 (PGlite).
  { name: 'value added to an enum created in the same transaction', setup: '', migration: `CREATE TYPE mood AS ENUM ('ok');\nALTER TYPE mood ADD VALUE 'sad';\nCREATE TABLE m (v mood DEFAULT 'sad');`, fails: (v) => v < 18 },
  { name: 'CREATE INDEX CONCURRENTLY in the migrator transaction', setup: TABLE_SETUP, migration: 'CREATE INDEX CONCURRENTLY users_name_idx ON users (name);', fails: true },
  { name: 'COMMIT, then CREATE INDEX CONCURRENTLY', setup: TABLE_SETUP, migration: 'COMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON users (name);', fails: false },
  { name: 'NOT NULL column without default on a table with a row', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD COLUMN age integer NOT NULL;', fails: true },
  { name: 'NOT NULL column with a default', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD COLUMN age integer DEFAULT 0 NOT NULL;', fails: false },
  { name: 'NOT NULL column on a table created in the same migration', setup: '', migration: 'CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN age integer NOT NULL;', fails: false },
  { name: 'enum re-created without a value a row holds', setup: `${ENUM_SETUP} UPDATE projects SET status = 'closed';`, migration: RECREATE(`'active'`), enums: { 'public.status': ['active', 'closed'] }, fails: true },
  { name: 'enum re-created with its values reordered', setup: `${ENUM_SETUP} UPDATE projects SET status = 'closed';`, migration: RECREATE(`'closed', 'active'`), enums: { 'public.status': ['active', 'closed'] }, fails: false },
  { name: 'a statement PostgreSQL cannot parse', setup: TABLE_SETUP, migration: 'ALTER TABLE users ADD COLUM age int;', fails: true },
];

/** Something that runs one SQL string, throwing PostgreSQL's error. */
type Exec = (sql: string) => Promise<unknown>;

/** Runs the migration as drizzle's migrator does, in a fresh schema; returns PostgreSQL's error, if any. */
async function migrate(exec: Exec, schema: string, s: Scenario): Promise<string | undefined> {
  await exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await exec(`CREATE SCHEMA ${schema}`);
  await exec(`SET search_path TO ${schema}`);
  if (s.setup) await exec(s.setup);
  try {
    await exec('BEGIN');
    for (const stmt of lexStatements(s.migration).statements) await exec(s.migration.slice(stmt.start, stmt.end));
    await exec('COMMIT');
    return undefined;
  } catch (e) {
    await exec('ROLLBACK');
    return (e as Error).message;
  }
}

/** Runs the scenario on the server whose major version is `version`, and lints it for that version. */
async function judge(exec: Exec, version: number, schema: string, s: Scenario): Promise<void> {
  const error = await migrate(exec, schema, s);
  const before = s.enums ? { enums: Object.fromEntries(Object.entries(s.enums).map(([k, v]) => [k, { values: v }])) } : undefined;
  const findings = await lint([{ sql: s.migration, before }], { postgresVersion: version });
  const failing = findings.filter((f) => FAILING_RULES.has(f.ruleId)).map((f) => f.ruleId);
  const fails = typeof s.fails === 'function' ? s.fails(version) : s.fails;
  expect({ postgresFails: error !== undefined, reported: failing.length > 0 }, `PostgreSQL ${version}: ${error ?? 'ok'} / ${failing.join(', ')}`).toEqual({
    postgresFails: fails,
    reported: fails,
  });
}

async function majorVersion(query: (sql: string) => Promise<unknown>): Promise<number> {
  const result = (await query('SHOW server_version_num')) as { rows: { server_version_num: string }[] } | { rows: { server_version_num: string }[] }[];
  const rows = Array.isArray(result) ? result[0]!.rows : result.rows;
  return Math.floor(Number(rows[0]!.server_version_num) / 10000);
}

describe('PGlite', () => {
  let db: PGlite;
  let version: number;
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
    version = await majorVersion((sql) => db.exec(sql));
  });
  afterAll(async () => {
    await db.close();
  });
  test.each(scenarios.map((s, i) => [s.name, s, i] as const))('%s', async (_name, s, i) => {
    await judge((sql) => db.exec(sql), version, `s${i}`, s);
  });
});

// The project's machines run PostgreSQL 15; a user's fresh machine has none (PGlite above covers it).
describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL server at TEST_DATABASE_URL', () => {
  let client: pg.Client;
  let version: number;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    version = await majorVersion((sql) => client.query(sql));
  });
  afterAll(async () => {
    for (let i = 0; i < scenarios.length; i++) await client.query(`DROP SCHEMA IF EXISTS dg_safety_truth_${i} CASCADE`);
    await client.end();
  });
  test.each(scenarios.map((s, i) => [s.name, s, i] as const))('%s', async (_name, s, i) => {
    await judge((sql) => client.query(sql), version, `dg_safety_truth_${i}`, s);
  });
});
