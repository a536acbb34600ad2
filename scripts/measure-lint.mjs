// Precision and recall of the SQL lint (and of squawk) against what PostgreSQL really does, on real
// Drizzle histories (issue 12). Run from the project root:
//   TEST_DATABASE_URL=postgres://… node scripts/measure-lint.mjs <migrations folder>…
// Each folder is a PostgreSQL drizzle-kit `out` folder (meta/_journal.json). Per history, in a fresh database:
// before each migration every table is emptied and seeded with one row (seedRows), then each statement runs in
// the migration's transaction, as drizzle's migrator runs it, under a savepoint, and the truth is observed:
//   a  loses data: a table that held rows dropped or truncated, a column of a table with rows dropped, or a type
//      change after which a value no longer reads back as it was (catalogs and the rows, before and after)
//   b  long lock: on a table that existed before the migration, the statement built an index, rewrote it, or
//      (DDL only) scanned it, while a lock of SHARE or stronger was held on it (the traced replay's Tracer)
//   c  fails on existing rows: fails with the seeded rows, succeeds once the pre-existing tables are emptied
//   d  fails inside drizzle's transaction: fails there, succeeds alone in autocommit once the work before it is
//      committed (CREATE INDEX CONCURRENTLY, a new enum value used, …)
//   f  a table or column that existed before the migration renamed, or its NOT NULL dropped (catalog diff)
// A statement that fails and is not c is retried alone after a commit (that is how d is told); one that fails
// there too is skipped and listed. Then the lint judges every migration as new (as `check --no-replay
// --no-drift` does without --base), squawk judges every file, and both are scored per class, statement by
// statement (a finding belongs to the top-level statement whose lines hold it; a DO block is one statement).
// MEASURE_SEARCH_PATH='<part of a folder path>=<schemas>;…' replays the histories whose folder path contains that part
// with that search_path, as their production role sees it: latitude's migrations run as role latitude, whose
// "$user" schema is latitude (`MEASURE_SEARCH_PATH='latitude-llm=latitude, public'`), and name its types and indexes
// unqualified (0051's "evaluation_result_types", 0079's DROP INDEX IF EXISTS "provider_apikeys_name_idx").
// With MEASURE_BATCH=1, each history is also replayed as drizzle's migrator applies it to an empty database (a fresh
// install): every migration in one transaction, nothing seeded. There d also counts a statement that fails on what an
// earlier migration of the batch left uncommitted (an enum value it added); the lint judges the whole history as one
// pending batch (as with --base before the first migration), and only d is scored.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { createJiti } from 'jiti';

// The TypeScript sources, loaded by jiti (Node's own type stripping does not take parameter properties).
const jiti = createJiti(import.meta.url);
const load = (p) => jiti.import(new URL(p, import.meta.url).pathname);
const { defaultGuardConfig } = await load('../src/config/guard-config.ts');
const { safetyCheck, lintTargets } = await load('../src/checks/safety/index.ts');
const { SafetyLinter } = await load('../src/checks/safety/lint.ts');
const { resolveConfig } = await load('../src/config/drizzle-config.ts');
const { readMigrationSet, splitStatements } = await load('../src/model/folder.ts');
const { workingTree } = await load('../src/model/tree.ts');
const { quoteIdent } = await load('../src/model/quote.ts');
const { lexStatements } = await load('../src/model/sql-lexer.ts');
const { seedRows } = await load('../src/checks/replay/seed.ts');
const { Tracer, blocksWrites, lockRank } = await load('../src/checks/replay/trace.ts');

const require = createRequire(import.meta.url);
const CLASSES = ['a', 'b', 'c', 'd', 'f'];

/** Each rule id → the classes of harm its finding claims ("c?": claimed on a condition the data decides). */
const OURS = {
  'drop-table': ['a'], // the table's rows are gone
  'drop-schema': ['a'], // every table in the schema is gone
  'truncate-table': ['a'], // the rows are gone
  'delete-all-rows': ['a'], // the rows are gone
  'update-all-rows': [], // row locks held until the batch commits: not a SHARE-or-stronger lock, not one of the classes
  'drop-column': ['a'], // the column's values are gone
  'drop-and-add-column': ['a'], // the old column's values are gone (a "type change" done as drop + add)
  'alter-column-type': ['b'], // a rewrite (or a scan) under ACCESS EXCLUSIVE
  'add-column-volatile-default': ['b'], // a rewrite under ACCESS EXCLUSIVE
  'create-index-blocking': ['b'], // an index build under SHARE
  'add-unique-constraint': ['b'], // an index build under ACCESS EXCLUSIVE
  'add-primary-key': ['b'], // an index build (and a NOT NULL scan) under ACCESS EXCLUSIVE
  'add-foreign-key-validating': ['b', 'c?'], // a validating scan under SHARE ROW EXCLUSIVE; fails "if a row has no match"
  'add-check-validating': ['b', 'c?'], // a validating scan under ACCESS EXCLUSIVE; fails "if a row violates it"
  // A validating scan under ACCESS EXCLUSIVE, and a failure "if a row holds NULL": c is claimed on a condition
  // (c? below: a TP where the seeded row holds NULL, no FP where it holds a value).
  'set-not-null': ['b', 'c?'],
  'add-column-required': ['c'], // NOT NULL without a default fails on a table with rows
  // Rows holding a removed value fail the cast back: data-dependent, and the one seeded row holds the first
  // label, so the harness cannot observe it either way.
  'enum-value-removed': [],
  'concurrently-in-transaction': ['d'], // CONCURRENTLY cannot run in a transaction block
  'enum-value-used-in-same-transaction': ['d'], // a new enum value is unusable until committed
  'rename-table': ['f'], // running code still uses the old name
  'rename-column': ['f'], // running code still uses the old name
  'drop-not-null': ['f'], // running code may not expect NULL
  'drop-index-blocking': [], // ACCESS EXCLUSIVE, but brief (no scan): not class b
  'transaction-control': [], // BEGIN/COMMIT in a migration: half-applied migrations, not one of the classes
  'parse-error': [],
  'unused-ignore': [],
};

/** squawk's rule names → classes, as squawk's documentation states each rule's harm. */
const SQUAWK = {
  'ban-drop-table': ['a'],
  'ban-drop-database': ['a'],
  'ban-truncate-cascade': ['a'],
  'ban-drop-column': ['a'],
  'changing-column-type': ['b'],
  'adding-field-with-default': ['b'],
  'require-concurrent-index-creation': ['b'],
  'disallowed-unique-constraint': ['b'],
  'adding-serial-primary-key-field': ['b'],
  'adding-primary-key-constraint': ['b'],
  'constraint-missing-not-valid': ['b'],
  'adding-foreign-key-constraint': ['b'],
  'adding-not-nullable-field': ['b'],
  'adding-required-field': ['c'],
  'ban-concurrent-index-creation-in-transaction': ['d'],
  'renaming-column': ['f'],
  'renaming-table': ['f'],
  'ban-drop-not-null': ['f'],
};

const WHOLE_TABLE_DELETE = /^delete\s+from\s+[^\s;]+\s*;?\s*$/i;

const url = process.env.TEST_DATABASE_URL;
const folders = process.argv.slice(2);
if (!url || folders.length === 0) {
  console.error('usage: TEST_DATABASE_URL=postgres://… node scripts/measure-lint.mjs <migrations folder>…');
  process.exit(4);
}

const TX_CONTROL = /^(begin|start|commit|end|rollback|abort|savepoint|release)\b/i;
const DML_HEAD = /^(insert|update|delete|select|with|copy|merge)\b/i;
/** Data, not schema: DML, or a DO block with no DDL in it. */
const isDml = (sql) => DML_HEAD.test(sql) || (/^do\b/i.test(sql) && !/\b(alter|create|drop|truncate)\b/i.test(sql));

const CATALOG_SQL = `
select c.oid::int as oid, format('%I.%I', n.nspname, c.relname) as "table", a.attnum as attnum, a.attname as col,
       format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
 where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
   and not (n.nspname = 'drizzle' and c.relname = '__drizzle_migrations')`;

/** oid → { table, cols: attnum → { col, type, notnull } } */
async function catalog(db) {
  const m = new Map();
  for (const r of (await db.query(CATALOG_SQL)).rows) {
    const t = m.get(r.oid) ?? m.set(r.oid, { table: r.table, cols: new Map() }).get(r.oid);
    if (r.attnum !== null) t.cols.set(r.attnum, { col: r.col, type: r.type, notnull: r.notnull });
  }
  return m;
}

/** oids (of `oids`) whose table has a row now. */
async function withRows(db, cat, oids) {
  const live = oids.filter((o) => cat.has(o));
  if (live.length === 0) return new Set();
  const sql = live.map((o) => `select ${o} as oid where exists (select 1 from ${cat.get(o).table})`).join(' union all ');
  return new Set((await db.query(sql)).rows.map((r) => r.oid));
}

async function filenodes(db, oids) {
  const r = await db.query('select oid::int as oid, relfilenode::int as f from pg_class where oid = any($1::oid[])', [oids]);
  return new Map(r.rows.map((x) => [x.oid, x.f]));
}

/** Table oid → the files of its indexes. An index re-created on its old file (a type change PostgreSQL
 * knows needs no rebuild) has a new oid, which the Tracer counts as built: its file says it was not. */
async function indexFiles(db, oids) {
  const r = await db.query(
    'select i.indrelid::int as oid, c.relfilenode::int as f from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = any($1::oid[])',
    [oids],
  );
  const m = new Map();
  for (const x of r.rows) (m.get(x.oid) ?? m.set(x.oid, new Set()).get(x.oid)).add(x.f);
  return m;
}

/** Whether a traced effect is a long lock: SHARE or stronger held while the table, holding rows, was rewritten,
 * had an index built, or (DDL only) was scanned. */
function longLock(e, sql, oidOf, rowsBefore, indexesBefore, indexesAfter) {
  const oid = oidOf.get(e.table);
  // A table without rows is rewritten, indexed or scanned at once (the issue's "emptied earlier" case).
  if (oid === undefined || !rowsBefore.has(oid)) return false;
  // TRUNCATE gives the table and its indexes new files at once: no rewrite, no build.
  if (/^truncate\b/i.test(sql)) return false;
  const lock = [...e.locks, ...(e.held ? [e.held] : [])].sort((x, y) => lockRank(y) - lockRank(x))[0];
  if (!lock || !blocksWrites(lock)) return false;
  const was = indexesBefore.get(oid) ?? new Set();
  const built = e.indexesBuilt > 0 && [...(indexesAfter.get(oid) ?? [])].some((f) => !was.has(f));
  return e.rewritten || built || (e.scanned && !isDml(sql));
}

/** Whether a table (catalog entry before, after) was dropped, renamed, or had a column dropped, renamed, retyped or its NOT NULL changed. */
function changedTable(was, is) {
  if (!is || is.table !== was.table) return true;
  return [...was.cols].some(([attnum, c]) => {
    const now = is.cols.get(attnum);
    return !now || now.col !== c.col || now.type !== c.type || now.notnull !== c.notnull;
  });
}

/** Runs `sql` under savepoint `name`: the error (rolled back and released), or undefined (still open). */
async function tryRun(db, sql, name = 'm') {
  await db.query(`savepoint ${name}`);
  try {
    await db.query(sql);
    return undefined;
  } catch (e) {
    await db.query(`rollback to savepoint ${name}; release savepoint ${name}`);
    return e;
  }
}

/**
 * The statements of a migration file, with their file offsets: split on `--> statement-breakpoint` first, as
 * drizzle's migrator does (and the lint), then lexed. Lexing the whole file would join a statement that has no
 * semicolon before its breakpoint (latitude's 0087: `DELETE … IS NULL--> statement-breakpoint`) to the next one,
 * the marker read as a comment: the pair fails where drizzle runs both.
 */
function statementsOf(text) {
  return splitStatements(text).flatMap((chunk) =>
    lexStatements(chunk.text).statements.map((st) => ({ start: chunk.offset + st.start, end: chunk.offset + st.end })),
  );
}

/** seedRows inside the migration's transaction: its own BEGIN and COMMIT are left out. */
function inTransaction(db) {
  return { ...db, exec: (sql) => (/^(begin|commit)$/i.test(sql) ? Promise.resolve() : db.exec(sql)) };
}

/** The search_path MEASURE_SEARCH_PATH gives the folder (schema names, quoted), or undefined. */
function searchPathOf(folder) {
  for (const entry of (process.env.MEASURE_SEARCH_PATH ?? '').split(';')) {
    const at = entry.indexOf('=');
    if (at > 0 && folder.includes(entry.slice(0, at).trim())) {
      return entry
        .slice(at + 1)
        .split(',')
        .map((schema) => quoteIdent(schema.trim()))
        .join(', ');
    }
  }
  return undefined;
}

/** `batch`: one transaction for the whole history from an empty database, nothing seeded (drizzle's migrator on a fresh install). */
async function measureHistory(folder, admin, batch = false) {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8'));
  const dbName = `i12_measure_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`create database ${quoteIdent(dbName)}`);
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  await client.query(`set client_min_messages = warning; set lock_timeout = '10s'`);
  const searchPath = searchPathOf(folder);
  if (searchPath) await client.query(`set search_path = ${searchPath}`);
  // drizzle's migrator creates its journal table before the first migration (as pg-core's dialect does), and a
  // migration may use it (claude-code-hub's 0020 deletes rows of it). It is not one of the tables measured.
  await client.query('create schema if not exists drizzle; create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
  const db = {
    query: (sql, params) => client.query(sql, params),
    exec: (sql) => client.query(sql),
    isInTransaction: () => client.getTransactionStatus() === 'T',
  };
  const units = []; // every statement
  const failing = [];
  const unseeded = new Set(); // tables no row could be seeded into (their statements hold no data)
  // The same, for the migration being run; and the tables whose seeded row a filtered DELETE or an UPDATE … WHERE
  // removed (what survives it depends on the data, which one synthetic row does not represent).
  let seedFailed = new Set(); // oids: a table keeps its oid when it is renamed
  let first = true;
  try {
    for (const entry of [...journal.entries].sort((x, y) => x.idx - y.idx)) {
      const file = `${entry.tag}.sql`;
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      // Every pre-existing table: emptied, then one seeded row (exactly one row per table, each migration).
      const start = await catalog(db);
      const startOids = [...start.keys()];
      if (!batch && startOids.length > 0) {
        await db.query(`truncate ${[...start.values()].map((t) => t.table).join(', ')} cascade`);
        const seeded = await seedRows(db, { schema: 'drizzle', table: '__drizzle_migrations' });
        for (const f of seeded.failed) unseeded.add(f.table);
        const oidByName = new Map([...start].map(([oid, t]) => [t.table, oid]));
        seedFailed = new Set(seeded.failed.map((f) => oidByName.get(f.table)));
      }
      // One transaction per migration; in a batch, one for all (a COMMIT in a migration leaves the rest outside one).
      if (!batch || first) await db.query('begin');
      first = false;
      let inTx = db.isInTransaction();
      const tracer = batch ? undefined : await Tracer.start(db, 'drizzle.__drizzle_migrations');
      const statements = statementsOf(text);
      for (const st of statements) {
        const sql = text.slice(st.start, st.end);
        const line = text.slice(0, st.start).split('\n').length;
        const unit = { file: path.join(folder, file), line, endLine: line + text.slice(st.start, st.end).split('\n').length - 1, head: sql.replace(/\s+/g, ' ').slice(0, 110), classes: new Set(), unscored: new Set(), notes: [] };
        units.push(unit);
        if (TX_CONTROL.test(sql)) {
          await db.query(sql).catch((e) => unit.notes.push(`error: ${e.message}`));
          inTx = db.isInTransaction();
          await tracer?.resync();
          continue;
        }
        const openedHere = !inTx;
        if (openedHere) {
          await db.query('begin');
          await tracer?.resync();
        }
        const before = await catalog(db);
        const rowsBefore = await withRows(db, before, startOids);
        const nodesBefore = await filenodes(db, startOids);
        const indexesBefore = await indexFiles(db, startOids);
        const oidOf = new Map([...before].map(([oid, t]) => [t.table, oid]));
        await tracer?.resync(); // the reads above scanned tables: not the statement's doing
        const error = await tryRun(db, sql);
        const trace = error ? undefined : await tracer?.after(true, undefined);
        if (error) {
          await tracer?.resync();
          // c: the same statement on the same tables, emptied.
          const live = startOids.filter((o) => before.has(o));
          await db.query('savepoint c');
          if (live.length) await db.query(`truncate ${live.map((o) => before.get(o).table).join(', ')} cascade`);
          await tracer?.resync();
          const emptyError = await tryRun(db, sql);
          if (!emptyError) {
            unit.classes.add('c');
            unit.notes.push(`fails with rows: ${error.message}`);
            // Keep it applied on the emptied tables, so that what follows finds the schema it expects, then seed the
            // pre-existing tables again (the ones this migration created stay empty).
            await db.query('release savepoint m; release savepoint c');
            const reseeded = await seedRows(inTransaction(db), { schema: 'drizzle', table: '__drizzle_migrations' });
            const now = new Map([...(await catalog(db))].map(([oid, t]) => [t.table, oid]));
            for (const f of reseeded.failed) seedFailed.add(now.get(f.table));
            const created = [...(await catalog(db))].filter(([oid]) => !start.has(oid)).map(([, t]) => t.table);
            if (created.length) await db.query(`truncate ${created.join(', ')}`);
          } else await db.query('rollback to savepoint c; release savepoint c');
          await tracer?.resync();
          if (emptyError) {
            // d: alone, in autocommit, after what ran before it is committed.
            await db.query('commit');
            let alone;
            try {
              await db.query(sql);
            } catch (e) {
              alone = e;
            }
            if (alone) {
              // Production applied it: here the history could not be rebuilt faithfully, and what the statement
              // does is not observable. Not scored in any class.
              unit.notes.push(`fails always: ${alone.message}`);
              for (const c of CLASSES) unit.unscored.add(c);
              failing.push(unit);
            } else if (!openedHere) {
              unit.classes.add('d');
              unit.notes.push(`fails in the transaction: ${error.message}`);
            }
            if (!openedHere) await db.query('begin');
          } else if (openedHere) await db.query('commit');
          await tracer?.resync();
          continue;
        }
        const after = await catalog(db);
        // b
        const indexesAfter = await indexFiles(db, startOids);
        if (trace?.effects.some((e) => longLock(e, sql, oidOf, rowsBefore, indexesBefore, indexesAfter))) unit.classes.add('b');
        // A table no row could be seeded into shows neither data loss, nor a long lock, nor a failure: not scored.
        const afterOid = new Map([...after].map(([oid, t]) => [t.table, oid]));
        if (trace?.effects.some((e) => seedFailed.has(oidOf.get(e.table) ?? afterOid.get(e.table)))) unit.unscored.add('a').add('b').add('c');
        if (isDml(sql) && !WHOLE_TABLE_DELETE.test(sql)) {
          const still = await withRows(db, after, [...rowsBefore]);
          for (const oid of rowsBefore) if (!still.has(oid) && after.has(oid)) seedFailed.add(oid);
        }
        // a, f
        const nodesAfter = await filenodes(db, startOids);
        for (const oid of startOids) {
          const was = before.get(oid);
          if (!was) continue;
          const is = after.get(oid);
          const hadRows = rowsBefore.has(oid);
          // Changed without a traced effect (DROP COLUMN, DROP TABLE: catalog only), a table holding no seeded row
          // shows no data loss either: not scored, as above.
          if (seedFailed.has(oid) && changedTable(was, is)) unit.unscored.add('a').add('b').add('c');
          if (!is) {
            if (hadRows) unit.classes.add('a');
            continue;
          }
          if (is.table !== was.table) unit.classes.add('f');
          // Emptied: TRUNCATE (a new file) or DELETE without WHERE; a filtered DELETE that took the seeded row chose it.
          const emptiedBy = nodesAfter.get(oid) !== nodesBefore.get(oid) || WHOLE_TABLE_DELETE.test(sql);
          if (hadRows && emptiedBy && !(await withRows(db, after, [oid])).has(oid)) unit.classes.add('a');
          for (const [attnum, c] of was.cols) {
            const now = is.cols.get(attnum);
            const preExisting = start.get(oid)?.cols.has(attnum);
            if (!now) {
              if (hadRows) unit.classes.add('a');
              continue;
            }
            if (!preExisting) continue;
            if (now.col !== c.col) unit.classes.add('f');
            if (c.notnull && !now.notnull) unit.classes.add('f');
            if (now.type !== c.type && hadRows && (await typeChangeLost(db, sql, is.table, now.col, c.col, c.type))) unit.classes.add('a');
          }
        }
        await db.query('release savepoint m');
        await tracer?.resync();
        if (openedHere) await db.query('commit');
      }
      if (!batch && db.isInTransaction()) await db.query('commit');
    }
    if (db.isInTransaction()) await db.query('commit');
  } finally {
    await client.end();
    await admin.query(`drop database ${quoteIdent(dbName)} with (force)`);
  }
  return { units, failing, unseeded };
}

/**
 * Whether a type change (statement still under savepoint m) lost a value: each new value must cast back to the
 * old type as the old value's text; the old values are read by undoing the statement, which is then redone.
 */
async function typeChangeLost(db, sql, table, col, oldCol, oldType) {
  const values = async (expr) => (await db.query(`select (${expr})::text as v from ${table} order by ctid`)).rows.map((r) => r.v);
  let back;
  try {
    await db.query('savepoint back');
    back = await values(`${quoteIdent(col)}::text::${oldType}`);
    await db.query('release savepoint back');
  } catch {
    await db.query('rollback to savepoint back; release savepoint back');
    back = undefined;
  }
  await db.query('rollback to savepoint m');
  const was = await values(quoteIdent(oldCol));
  await db.query(sql);
  return back === undefined || back.length !== was.length || back.some((v, i) => v !== was[i]);
}

function lintFindings(folder) {
  const out = path.basename(folder);
  const cwd = path.dirname(folder);
  const config = resolveConfig({ dialect: 'postgresql', out }, {});
  const head = readMigrationSet(workingTree(cwd, cwd), config);
  return safetyCheck
    .run({ cwd, options: { cwd, lint: true }, config, settings: defaultGuardConfig(), head, hasBase: false })
    .then((o) => (o.findings ?? []).map((f) => findingOf(cwd, f)));
}

/**
 * The lint of the whole history as one pending batch (every migration new, as with --base before the first): the
 * linter itself, since the check with a base would also load the base's schema for a DROP COLUMN (not scored here).
 */
async function lintBatchFindings(folder) {
  const out = path.basename(folder);
  const cwd = path.dirname(folder);
  const config = resolveConfig({ dialect: 'postgresql', out }, {});
  const head = readMigrationSet(workingTree(cwd, cwd), config);
  for (const m of head.migrations) m.isNew = true;
  const settings = defaultGuardConfig();
  const ctx = { cwd, options: { cwd, lint: true }, config, settings, head, hasBase: true };
  const linter = new SafetyLinter({ dialect: 'postgresql', postgresVersion: settings.postgresVersion, batch: true, parseAll: true });
  return (await linter.lint(lintTargets(ctx))).map((f) => findingOf(cwd, f));
}

const findingOf = (cwd, f) => ({ file: path.resolve(cwd, f.file), line: f.line, rule: f.ruleId, message: f.message });

function squawkFindings(folder) {
  const squawk = path.join(path.dirname(require.resolve(`@squawk-cli/${process.platform}-${process.arch}/package.json`)), 'bin/squawk');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(folder, f));
  let raw;
  try {
    raw = execFileSync(squawk, [...files, '--reporter', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  } catch (e) {
    raw = e.stdout; // squawk exits 1 when it reports anything
  }
  // squawk's lines are 0-based.
  return JSON.parse(raw).map((f) => ({ file: path.resolve(f.file), line: f.line + 1, rule: f.rule_name }));
}

/**
 * The classes a finding claims. timestamp → timestamptz rewrites only where the session's TimeZone is not UTC,
 * and the finding says so: a claim on a condition (the harness's server runs in UTC).
 */
function claimsOf(f, mapping) {
  const claims = mapping[f.rule] ?? [];
  return f.rule === 'alter-column-type' && /unless the session's TimeZone is UTC/.test(f.message ?? '') ? claims.map((c) => `${c.replace('?', '')}?`) : claims;
}

/** The statement of `units` (one file) whose lines hold the finding. */
function unitOf(byFile, f) {
  return (byFile.get(f.file) ?? []).find((u) => u.line <= f.line && f.line <= u.endLine);
}

function score(tool, units, findings, mapping, classes = CLASSES) {
  const byFile = new Map();
  for (const u of units) (byFile.get(u.file) ?? byFile.set(u.file, []).get(u.file)).push(u);
  const claims = new Map(); // unit → Map(class → rules)
  for (const f of findings) {
    const u = unitOf(byFile, f);
    if (!u) continue;
    for (const claim of claimsOf(f, mapping)) {
      const c = claim.replace('?', '');
      const m = claims.get(u) ?? claims.set(u, new Map()).get(u);
      const rules = m.get(c) ?? m.set(c, { rules: new Set(), firm: false }).get(c);
      rules.rules.add(f.rule);
      if (!claim.endsWith('?')) rules.firm = true;
    }
  }
  const rows = [];
  const lists = [];
  for (const c of classes) {
    let tp = 0;
    const fp = [];
    const fn = [];
    for (const u of units) {
      // A statement that fails on existing rows never holds its lock long: b is not scored on it.
      if (u.unscored.has(c) || (c === 'b' && u.classes.has('c'))) continue;
      const claimed = claims.get(u)?.get(c);
      const truth = u.classes.has(c);
      if (claimed && truth) tp++;
      else if (claimed?.firm) fp.push([u, [...claimed.rules].join(',')]);
      else if (truth) fn.push([u, '-']);
    }
    const p = tp + fp.length ? tp / (tp + fp.length) : 1;
    const r = tp + fn.length ? tp / (tp + fn.length) : 1;
    rows.push(`| ${c} | ${tp} | ${fp.length} | ${fn.length} | ${p.toFixed(3)} | ${r.toFixed(3)} |`);
    const item = (kind) => ([u, rule]) =>
      `  ${kind} ${c} ${path.relative(process.cwd(), u.file)}:${u.line} [${rule}] truth {${[...u.classes].join('')}} ${u.head}${u.notes.length ? `  -- ${u.notes.join('; ')}` : ''}`;
    lists.push(...fp.map(item('FP')), ...fn.map(item('FN')));
  }
  console.log(`\n${tool}\n| class | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|\n${rows.join('\n')}`);
  if (process.env.MEASURE_LIST !== '0') console.log(lists.join('\n'));
}

const batch = process.env.MEASURE_BATCH === '1';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const all = [];
const ours = [];
const theirs = [];
const batchUnits = [];
const oursBatch = [];
try {
  for (const folder of folders.map((f) => path.resolve(f))) {
    const { units, failing, unseeded } = await measureHistory(folder, admin);
    console.log(`${path.relative(process.cwd(), folder)}: ${units.length} statements, ${failing.length} fail always, ${unseeded.size} tables never seeded${unseeded.size ? ` (${[...unseeded].join(', ')})` : ''}`);
    for (const u of failing) console.log(`  skipped ${path.basename(u.file)}:${u.line} ${u.head} -- ${u.notes.join('; ')}`);
    all.push(...units);
    ours.push(...(await lintFindings(folder)));
    theirs.push(...squawkFindings(folder));
    if (batch) {
      const replayed = await measureHistory(folder, admin, true);
      console.log(`  as one batch from an empty database: ${replayed.failing.length} fail always`);
      for (const u of replayed.failing) console.log(`  skipped ${path.basename(u.file)}:${u.line} ${u.head} -- ${u.notes.join('; ')}`);
      batchUnits.push(...replayed.units);
      oursBatch.push(...(await lintBatchFindings(folder)));
    }
  }
} finally {
  await admin.end();
}
const count = (units, c) => units.filter((u) => u.classes.has(c)).length;
console.log(`\n${all.length} statements; truth per class: ${CLASSES.map((c) => `${c} ${count(all, c)}`).join(', ')}`);
score('drizzle-guard', all, ours, OURS);
score('squawk', all, theirs, SQUAWK);
if (batch) {
  console.log(`\nEach history as one batch from an empty database: d ${count(batchUnits, 'd')}`);
  score('drizzle-guard (one batch)', batchUnits, oursBatch, OURS, ['d']);
  score('squawk (one batch)', batchUnits, theirs, SQUAWK, ['d']);
}
