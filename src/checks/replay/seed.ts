// Seeding (--replay-seed, on by default): one synthetic row in every table that exists before the new
// migrations run, committed as production data is, so that DDL which only fails on a non-empty table
// (ADD COLUMN … NOT NULL without default, SET NOT NULL, a USING cast, a new CHECK or foreign key) fails
// here as it would in production, and the traced replay sees real scans and rewrites.
// The row holds NULL in nullable columns, the default where there is one (identity and generated columns
// fill themselves), and a plain typed value in the other NOT NULL columns (an enum's first label); a foreign
// key column takes the referenced row's value (tables are retried until no more can be seeded, so the
// order follows the foreign keys, cycles included); a partitioned table gets its row through the partition
// that accepts it; a table whose CHECK rejects the row is named in the notes.

import type { PGlite } from '@electric-sql/pglite';
import type { MigrationsTable } from './replay.js';

interface ColumnInfo {
  table: string;
  column: string;
  type: string;
  category: string;
  typtype: string;
  firstLabel: string | null;
  refTable: string | null;
  refColumn: string | null;
}

export interface SeedResult {
  seeded: string[];
  /** Tables no row could be inserted into (a CHECK constraint, an unusual type…), with the reason. */
  failed: { table: string; reason: string }[];
}

const COLUMNS_SQL = `
select format('%I.%I', n.nspname, c.relname) as "table", format('%I', a.attname) as "column",
       format_type(a.atttypid, a.atttypmod) as "type",
       coalesce(bt.typcategory, t.typcategory) as "category", coalesce(bt.typtype, t.typtype) as "typtype",
       (select e.enumlabel from pg_enum e where e.enumtypid = coalesce(bt.oid, t.oid) order by e.enumsortorder limit 1) as "firstLabel",
       (select format('%I.%I', rn.nspname, rc.relname) from pg_constraint fk
          join pg_class rc on rc.oid = fk.confrelid join pg_namespace rn on rn.oid = rc.relnamespace
         where fk.conrelid = c.oid and fk.contype = 'f' and fk.conkey = array[a.attnum] limit 1) as "refTable",
       (select format('%I', ra.attname) from pg_constraint fk
          join pg_attribute ra on ra.attrelid = fk.confrelid and ra.attnum = fk.confkey[1]
         where fk.conrelid = c.oid and fk.contype = 'f' and fk.conkey = array[a.attnum] limit 1) as "refColumn"
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
where c.relkind in ('r', 'p') and not c.relispartition
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  and a.attnotnull and a.attidentity = '' and a.attgenerated = ''
  and not exists (select 1 from pg_attrdef d where d.adrelid = c.oid and d.adnum = a.attnum)
order by 1, a.attnum`;

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

async function seedInTransaction(db: PGlite, migrationsTable: string): Promise<SeedResult> {
  // drizzle's own table is not the project's data: a row there would change what the migrator applies.
  const tables = (await db.query<{ table: string }>(TABLES_SQL, [migrationsTable])).rows.map((r) => r.table);
  const columns = (await db.query<ColumnInfo>(COLUMNS_SQL)).rows;
  const byTable = new Map<string, ColumnInfo[]>(tables.map((t) => [t, []]));
  for (const c of columns) byTable.get(c.table)?.push(c);

  // Tables referencing tables not yet seeded fail on their foreign key: retry them after each pass
  // that made progress (an order found without sorting the graph, cycles included).
  let pending = tables;
  const seeded: string[] = [];
  const reasons = new Map<string, string>();
  for (;;) {
    const next: string[] = [];
    for (const table of pending) {
      const error = await tryInsert(db, table, byTable.get(table)!);
      if (error === undefined) seeded.push(table);
      else {
        next.push(table);
        reasons.set(table, error);
      }
    }
    if (next.length === 0 || next.length === pending.length) {
      return { seeded, failed: next.map((table) => ({ table, reason: reasons.get(table)! })) };
    }
    pending = next;
  }
}

async function tryInsert(db: PGlite, table: string, columns: ColumnInfo[]): Promise<string | undefined> {
  const sql =
    columns.length === 0
      ? `insert into ${table} default values`
      : `insert into ${table} (${columns.map((c) => c.column).join(', ')}) values (${columns.map(valueOf).join(', ')})`;
  await db.exec('savepoint drizzle_guard_seed');
  try {
    await db.exec(sql);
    await db.exec('release savepoint drizzle_guard_seed');
    return undefined;
  } catch (e) {
    await db.exec('rollback to savepoint drizzle_guard_seed; release savepoint drizzle_guard_seed');
    return e instanceof Error ? e.message : String(e);
  }
}

function valueOf(c: ColumnInfo): string {
  if (c.refTable && c.refColumn) return `(select ${c.refColumn} from ${c.refTable} limit 1)`;
  return `cast(${literalOf(c)} as ${c.type})`;
}

function literalOf(c: ColumnInfo): string {
  if (c.typtype === 'e' && c.firstLabel !== null) return quote(c.firstLabel);
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

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
