// Seeding (--replay-seed, on by default): one synthetic row in every table that exists before the new
// migrations run, committed as production data is, so that DDL which only fails on a non-empty table
// (ADD COLUMN … NOT NULL without default, SET NOT NULL, a USING cast, a new CHECK or foreign key) fails
// here as it would in production, and the traced replay sees real scans and rewrites.
// The row first holds NULL in nullable columns, the default where there is one (identity and generated
// columns fill themselves), and a plain typed value in the other NOT NULL columns (an enum's first label);
// a foreign key column (each column of a composite key alike) takes the referenced row's value (tables are retried until no more can be seeded,
// so the order follows the foreign keys, cycles included); a partitioned table gets its row through the
// partition that accepts it. When a CHECK constraint (of the table or of a column's domain) rejects the
// row, values for the columns it names are read from its definition — its literals (IN lists, = ANY,
// equalities), its numbers and their neighbours (bounds), strings of the lengths it compares, a string
// matching a simple regular expression, an enum's other labels, a second value above the first (for
// comparisons between columns), a non-NULL value for a nullable column and NULL for one with a default —
// and the row is tried again with one column changed at a time, breadth first over the constraints each
// attempt violates, at most MAX_ATTEMPTS rows per table, searched again
// only when a table it references got its row since. A table no attempt satisfies is named in the notes
// with the constraint and its definition.

import type { PGlite } from '@electric-sql/pglite';
import { escapeRegExp, quoteIdent } from '../../model/quote.js';
import type { MigrationsTable } from './replay.js';

interface ColumnInfo {
  table: string;
  column: string;
  type: string;
  category: string;
  typtype: string;
  notNull: boolean;
  hasDefault: boolean;
  /** The enum's labels in order (at most a few). */
  labels: string[] | null;
  refTable: string | null;
  refColumn: string | null;
}

interface CheckInfo {
  table: string;
  name: string;
  definition: string;
  /** The columns it reads, and how the definition names each (VALUE in a domain's constraint). */
  columns: { column: string; token: string }[];
}

export interface SeedResult {
  seeded: string[];
  /** Tables no row could be inserted into (a CHECK constraint no attempt satisfied, an unusual type…), with the reason. */
  failed: { table: string; reason: string }[];
}

/** Rows tried per table and pass before giving up on its CHECK constraints (each is one insert under a savepoint). */
const MAX_ATTEMPTS = 64;
/** Values tried per column and constraint. */
const MAX_CANDIDATES = 12;

// Every column a row can be given a value for (generated and GENERATED ALWAYS identity columns cannot).
const COLUMNS_SQL = `
select format('%I.%I', n.nspname, c.relname) as "table", format('%I', a.attname) as "column",
       format_type(a.atttypid, a.atttypmod) as "type",
       coalesce(bt.typcategory, t.typcategory) as "category", coalesce(bt.typtype, t.typtype) as "typtype",
       a.attnotnull as "notNull",
       (a.attidentity <> '' or exists (select 1 from pg_attrdef d where d.adrelid = c.oid and d.adnum = a.attnum)) as "hasDefault",
       (select array_agg(l.enumlabel::text order by l.enumsortorder) from (select e.enumlabel, e.enumsortorder from pg_enum e
         where e.enumtypid = coalesce(bt.oid, t.oid) order by e.enumsortorder limit ${MAX_CANDIDATES}) l) as "labels",
       (select format('%I.%I', rn.nspname, rc.relname) from pg_constraint fk
          join pg_class rc on rc.oid = fk.confrelid join pg_namespace rn on rn.oid = rc.relnamespace
         where fk.conrelid = c.oid and fk.contype = 'f' and a.attnum = any(fk.conkey) order by fk.oid limit 1) as "refTable",
       (select format('%I', ra.attname) from pg_constraint fk
          join pg_attribute ra on ra.attrelid = fk.confrelid and ra.attnum = fk.confkey[array_position(fk.conkey, a.attnum)]
         where fk.conrelid = c.oid and fk.contype = 'f' and a.attnum = any(fk.conkey) order by fk.oid limit 1) as "refColumn"
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
where c.relkind in ('r', 'p') and not c.relispartition
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  and a.attidentity <> 'a' and a.attgenerated = ''
order by 1, a.attnum`;

// CHECK constraints of the tables and of their columns' domains (which name the column VALUE).
const CHECKS_SQL = `
select format('%I.%I', n.nspname, c.relname) as "table", k.conname as "name", pg_get_constraintdef(k.oid) as "definition",
       (select json_agg(json_build_object('column', format('%I', a.attname), 'token', format('%I', a.attname)))
          from pg_attribute a where a.attrelid = c.oid and a.attnum = any(k.conkey)) as "columns"
from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
where k.contype = 'c' and c.relkind in ('r', 'p') and not c.relispartition
union all
select format('%I.%I', n.nspname, c.relname), k.conname, pg_get_constraintdef(k.oid),
       json_build_array(json_build_object('column', format('%I', a.attname), 'token', 'VALUE'))
from pg_constraint k join pg_attribute a on a.atttypid = k.contypid and a.attnum > 0 and not a.attisdropped
join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
where k.contype = 'c' and c.relkind in ('r', 'p') and not c.relispartition`;

const TABLES_SQL = `
select format('%I.%I', n.nspname, c.relname) as "table"
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and not c.relispartition
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  and c.oid is distinct from to_regclass($1)
order by 1`;

/** Inserts the rows in a transaction of their own (committed); each insert is under a savepoint. */
export async function seedRows(db: PGlite, migrationsTable: MigrationsTable): Promise<SeedResult> {
  await db.exec('begin');
  try {
    return await seedInTransaction(db, `${quoteIdent(migrationsTable.schema)}.${quoteIdent(migrationsTable.table)}`);
  } finally {
    await db.exec('commit');
  }
}

interface TableInfo {
  columns: Map<string, ColumnInfo>;
  checks: CheckInfo[];
}

async function seedInTransaction(db: PGlite, migrationsTable: string): Promise<SeedResult> {
  // drizzle's own table is not the project's data: a row there would change what the migrator applies.
  const tables = (await db.query<{ table: string }>(TABLES_SQL, [migrationsTable])).rows.map((r) => r.table);
  const byTable = new Map<string, TableInfo>(tables.map((t) => [t, { columns: new Map(), checks: [] }]));
  for (const c of (await db.query<ColumnInfo>(COLUMNS_SQL)).rows) byTable.get(c.table)?.columns.set(c.column, c);
  for (const k of (await db.query<CheckInfo>(CHECKS_SQL)).rows) byTable.get(k.table)?.checks.push(k);

  // Tables referencing tables not yet seeded fail on their foreign key: retry them after each pass
  // that made progress (an order found without sorting the graph, cycles included). A table whose every
  // row failed on a CHECK is searched again only once a table it references has its row (its foreign
  // key columns are the only values that can have changed), so the search costs at most one pass each.
  let pending = tables;
  const seeded: string[] = [];
  const reasons = new Map<string, string>();
  /** Tables rejected by CHECK constraints alone, with how many tables were seeded when they were searched. */
  const exhausted = new Map<string, number>();
  for (;;) {
    const next: string[] = [];
    for (const table of pending) {
      const info = byTable.get(table)!;
      const since = exhausted.get(table);
      if (since !== undefined && !seeded.slice(since).some((t) => [...info.columns.values()].some((c) => c.refTable === t))) {
        next.push(table);
        continue;
      }
      const outcome = await seedTable(db, table, info);
      if (outcome === undefined) seeded.push(table);
      else {
        next.push(table);
        reasons.set(table, outcome.reason);
        if (outcome.onlyChecks) exhausted.set(table, seeded.length);
      }
    }
    if (next.length === 0 || next.length === pending.length) {
      return { seeded, failed: next.map((table) => ({ table, reason: reasons.get(table)! })) };
    }
    pending = next;
  }
}

/** A row: the SQL value of each column given one (the others take their default, or NULL). */
type Row = Map<string, string>;

/**
 * Inserts one row, searching values that satisfy the CHECK constraints; when none was found, the reason,
 * and whether every row tried failed on a CHECK.
 */
async function seedTable(db: PGlite, table: string, info: TableInfo): Promise<{ reason: string; onlyChecks: boolean } | undefined> {
  const first: Row = new Map([...info.columns.values()].filter((c) => c.notNull && !c.hasDefault).map((c) => [c.column, valueOf(c)]));
  const queue: Row[] = [first];
  const tried = new Set<string>([keyOf(first)]);
  let firstError: string | undefined;
  let rejectedBy: CheckInfo | undefined;
  let onlyChecks = true;
  for (let attempt = 0; attempt < queue.length && attempt < MAX_ATTEMPTS; attempt++) {
    const row = queue[attempt]!;
    const error = await tryInsert(db, table, row);
    if (error === undefined) return undefined;
    firstError ??= error.message;
    const check = violatedCheck(info, error);
    onlyChecks &&= check !== undefined;
    if (!check) continue; // another failure (a foreign key not seeded yet, a value the type refuses): not a way forward
    rejectedBy ??= check;
    for (const { column, token } of check.columns) {
      const c = info.columns.get(column);
      if (!c) continue;
      for (const value of candidates(c, token, check.definition)) {
        const changed = new Map(row);
        if (value === undefined) changed.delete(column);
        else changed.set(column, value);
        const key = keyOf(changed);
        if (!tried.has(key)) {
          tried.add(key);
          queue.push(changed);
        }
      }
    }
  }
  if (!rejectedBy) return { reason: firstError!, onlyChecks: false };
  const tries = Math.min(queue.length, MAX_ATTEMPTS);
  return { reason: `no row among the ${tries} tried satisfies check constraint "${rejectedBy.name}" (${rejectedBy.definition})`, onlyChecks };
}

function keyOf(row: Row): string {
  return JSON.stringify([...row].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function tryInsert(db: PGlite, table: string, row: Row): Promise<(Error & { code?: string; constraint?: string }) | undefined> {
  const sql = row.size === 0 ? `insert into ${table} default values` : `insert into ${table} (${[...row.keys()].join(', ')}) values (${[...row.values()].join(', ')})`;
  await db.exec('savepoint drizzle_guard_seed');
  try {
    await db.exec(sql);
    await db.exec('release savepoint drizzle_guard_seed');
    return undefined;
  } catch (e) {
    await db.exec('rollback to savepoint drizzle_guard_seed; release savepoint drizzle_guard_seed');
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The CHECK constraint the insert violated (check_violation, 23514), when it is one of the table's or its domains'. */
function violatedCheck(info: TableInfo, error: Error & { code?: string; constraint?: string }): CheckInfo | undefined {
  if (error.code !== '23514') return undefined;
  const name = error.constraint ?? /violates check constraint "(.+)"/.exec(error.message)?.[1];
  return info.checks.find((k) => k.name === name);
}

/** Values worth trying for a column a CHECK constraint reads; undefined leaves the column to its default. */
function candidates(c: ColumnInfo, token: string, definition: string): (string | undefined)[] {
  const found: (string | undefined)[] = [];
  const add = (v: string | undefined) => {
    if (found.length < MAX_CANDIDATES && !found.includes(v)) found.push(v);
  };
  const text = definition.replace(/'(?:[^']|'')*'/g, (s) => ' '.repeat(s.length)); // numbers outside string literals
  const ref = `(?:\\(\\s*)?${escapeRegExp(token)}(?:\\s*\\))?(?:::[\\w" .]+(?:\\[\\])?)?`;
  // A nullable column: a constraint may ask for a value (IS NOT NULL), or for none when it has a default.
  if (!c.notNull) add(valueOf(c));
  if (!c.notNull && c.hasDefault) add('null');
  if (c.labels) for (const label of c.labels) add(typed(label, c));
  // A second plain value, above the first: for comparisons between columns (ends_at > starts_at, a <> b).
  const next = successorOf(c);
  if (next !== undefined) add(`cast(${next} as ${c.type})`);
  for (const m of definition.matchAll(/'((?:[^']|'')*)'/g)) add(typed(m[1]!.replace(/''/g, "'"), c));
  // Lengths: length(col) = 64, char_length(col) >= 3 …
  for (const m of text.matchAll(new RegExp(`\\b(?:char_length|character_length|length|octet_length)\\(${ref}\\)\\s*(=|>=|>|<=|<)\\s*(\\d+)`, 'gi'))) {
    const n = Number(m[2]) + (m[1] === '>' ? 1 : m[1] === '<' ? -1 : 0);
    if (n >= 0 && n <= 10_000) add(typed('a'.repeat(n), c));
  }
  if (c.category === 'A') add(`'{1}'`); // cardinality(col) > 0
  // Numeric bounds: a number of the constraint and its neighbours.
  if (c.category === 'N') {
    for (const m of text.matchAll(/(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])/g)) {
      const n = Number(m[0]);
      for (const v of [n, n + 1, n - 1]) add(typed(String(v), c));
    }
  }
  // A regular expression the column must match.
  for (const m of definition.matchAll(new RegExp(`${ref}\\s*~\\*?\\s*'((?:[^']|'')*)'`, 'g'))) {
    const sample = matchingString(m[1]!.replace(/''/g, "'"));
    if (sample !== undefined) add(typed(sample, c));
  }
  return found;
}

/**
 * A string matched by a simple regular expression (anchors, literal characters, escapes, character classes
 * and quantifiers); undefined for anything else (groups, alternation…).
 */
export function matchingString(pattern: string): string | undefined {
  let out = '';
  let i = 0;
  if (pattern[i] === '^') i++;
  while (i < pattern.length) {
    let unit: string | undefined;
    const ch = pattern[i]!;
    if (ch === '$' && i === pattern.length - 1) break;
    if (ch === '\\') {
      const e = pattern[i + 1];
      unit = e === 'd' ? '0' : e === 'w' ? 'a' : e === 's' ? ' ' : e !== undefined && !/[A-Za-z0-9]/.test(e) ? e : undefined;
      i += 2;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0 || pattern[i + 1] === '^') return undefined;
      const body = pattern.slice(i + 1, end);
      unit = body.startsWith('\\d') ? '0' : body.startsWith('\\w') ? 'a' : body[0];
      i = end + 1;
    } else if (ch === '.') {
      unit = 'a';
      i++;
    } else if (/[()|*+?{}^$]/.test(ch)) {
      return undefined;
    } else {
      unit = ch;
      i++;
    }
    if (unit === undefined) return undefined;
    let times = 1;
    const q = pattern[i];
    if (q === '?' || q === '*') {
      times = 0;
      i++;
    } else if (q === '+') i++;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(pattern.slice(i));
      if (!m) return undefined;
      times = Number(m[1]);
      i += m[0].length;
    }
    out += unit.repeat(times);
  }
  return out;
}

function valueOf(c: ColumnInfo): string {
  if (c.refTable && c.refColumn) return `(select ${c.refColumn} from ${c.refTable} limit 1)`;
  return `cast(${literalOf(c)} as ${c.type})`;
}

/** A value of the column's type just above literalOf's, where the type has an obvious one. */
function successorOf(c: ColumnInfo): string | undefined {
  if (c.typtype === 'e' || (c.refTable && c.refColumn)) return undefined;
  if (c.type === 'uuid') return `'00000000-0000-4000-8000-000000000002'`;
  switch (c.category) {
    case 'N': return `'2'`;
    case 'S': return `'2'`;
    case 'D': return `'2000-01-02 00:00:00+00'`;
    case 'T': return `'2 days'`;
    default: return undefined;
  }
}

function typed(literal: string, c: ColumnInfo): string {
  return `cast(${quote(literal)} as ${c.type})`;
}

function literalOf(c: ColumnInfo): string {
  if (c.typtype === 'e' && c.labels?.length) return quote(c.labels[0]!);
  const vector = /^(?:[\w".]+\.)?vector\((\d+)\)$/.exec(c.type);
  if (vector) return quote(`[${Array.from({ length: Number(vector[1]) }, () => '0').join(',')}]`);
  if (c.type === 'uuid') return `'00000000-0000-4000-8000-000000000001'`;
  if (c.type === 'json' || c.type === 'jsonb') return `'{}'`;
  switch (c.category) {
    case 'A': return `'{}'`;
    case 'B': return 'true';
    case 'D': return `'2000-01-01 00:00:00+00'`;
    case 'T': return `'1 day'`;
    case 'I': return `'127.0.0.1'`;
    case 'V': return `'0'`;
    // Numbers and strings alike: '1' is a value most later casts (to integer, numeric, text, boolean) accept.
    default: return `'1'`;
  }
}


function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
