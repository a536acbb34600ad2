// A comparable description of a database's schema, read from PostgreSQL's catalog: every object the
// migrations manage, keyed by a stable name, with its definition as PostgreSQL itself prints it (so two
// spellings of the same DDL compare equal). Objects that belong to an extension, the migrator's own
// table (and its schema when it holds nothing else) and PostgreSQL's are left out; column order, NOT NULL constraint names and NOT VALID are not compared.

import type { PGlite } from '@electric-sql/pglite';
import type { MigrationsTable } from './replay.js';

export type SchemaShape = Map<string, string>;

const USER_NAMESPACE = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;
const NOT_EXTENSION = (classid: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${classid}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

const QUERIES: string[] = [
  // Schemas.
  `select 'schema ' || quote_ident(n.nspname) as key, '' as def from pg_namespace n
    where ${USER_NAMESPACE} and n.nspname <> 'public' and ${NOT_EXTENSION('pg_namespace', 'n.oid')}`,
  // Tables (and their row-level security flag), views.
  `select (case c.relkind when 'v' then 'view ' when 'm' then 'materialized view ' else 'table ' end) || format('%I.%I', n.nspname, c.relname) as key,
          case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) else case when c.relrowsecurity then 'row level security' else '' end end as def
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm') and ${USER_NAMESPACE} and ${NOT_EXTENSION('pg_class', 'c.oid')}`,
  // Columns: type, nullability, default, identity, generated expression.
  `select 'column ' || format('%I.%I.%I', n.nspname, c.relname, a.attname) as key,
          concat_ws(' ', format_type(a.atttypid, a.atttypmod), case when a.attnotnull then 'not null' end,
                    case when a.attgenerated <> '' then 'generated as ' || pg_get_expr(ad.adbin, ad.adrelid)
                         when ad.adbin is not null then 'default ' || pg_get_expr(ad.adbin, ad.adrelid) end,
                    case a.attidentity when 'a' then 'identity always' when 'd' then 'identity by default' end) as def
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p') and ${USER_NAMESPACE} and ${NOT_EXTENSION('pg_class', 'c.oid')}`,
  // Constraints but NOT NULL (its name is an implementation detail, nullability is compared on columns).
  // NOT VALID is dropped: adding a constraint NOT VALID and validating it later is the safe recipe, and a
  // snapshot cannot record it.
  `select 'constraint ' || format('%I.%I.%I', n.nspname, c.relname, k.conname) as key, regexp_replace(pg_get_constraintdef(k.oid), ' NOT VALID$', '') as def
     from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    where k.contype <> 'n' and ${USER_NAMESPACE} and ${NOT_EXTENSION('pg_class', 'c.oid')}`,
  // Indexes that do not implement a constraint.
  `select 'index ' || format('%I.%I', n.nspname, ic.relname) as key, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
    where ${USER_NAMESPACE} and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
      and ${NOT_EXTENSION('pg_class', 'i.indrelid')}`,
  // Enums with their labels in order.
  `select 'enum ' || format('%I.%I', n.nspname, t.typname) as key, string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) as def
     from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
    where ${USER_NAMESPACE} and ${NOT_EXTENSION('pg_type', 't.oid')}
    group by n.nspname, t.typname`,
  // Sequences created on their own (those owned by a serial/identity column come with it).
  `select 'sequence ' || format('%I.%I', n.nspname, c.relname) as key,
          concat_ws(' ', format_type(s.seqtypid, null), 'increment', s.seqincrement, 'min', s.seqmin, 'max', s.seqmax, 'start', s.seqstart, 'cache', s.seqcache, case when s.seqcycle then 'cycle' end) as def
     from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
    where ${USER_NAMESPACE} and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i', 'e'))`,
];

export async function describeSchema(db: PGlite, migrationsTable?: MigrationsTable): Promise<SchemaShape> {
  const shape: SchemaShape = new Map();
  for (const sql of QUERIES) {
    for (const row of (await db.query<{ key: string; def: string | null }>(sql)).rows) shape.set(row.key, row.def ?? '');
  }
  if (migrationsTable) await removeMigrationsTable(db, shape, migrationsTable);
  return shape;
}

async function removeMigrationsTable(db: PGlite, shape: SchemaShape, { schema, table }: MigrationsTable): Promise<void> {
  const { s, t } = (await db.query<{ s: string; t: string }>(`select format('%I', $1::text) as s, format('%I.%I', $1::text, $2::text) as t`, [schema, table])).rows[0]!;
  for (const key of [...shape.keys()]) {
    const name = key.slice(key.indexOf(' ') + 1);
    if (key === `table ${t}` || ((key.startsWith('column ') || key.startsWith('constraint ')) && name.startsWith(`${t}.`))) shape.delete(key);
  }
  const holdsMore = [...shape.keys()].some((key) => !key.startsWith('schema ') && key.slice(key.indexOf(' ') + 1).startsWith(`${s}.`));
  if (!holdsMore) shape.delete(`schema ${s}`);
}

export interface ShapeDifference {
  key: string;
  replayed?: string;
  declared?: string;
}

export function diffShapes(replayed: SchemaShape, declared: SchemaShape): ShapeDifference[] {
  const keys = [...new Set([...replayed.keys(), ...declared.keys()])].sort();
  return keys
    .filter((k) => replayed.get(k) !== declared.get(k))
    .map((key) => ({ key, ...(replayed.has(key) ? { replayed: replayed.get(key)! } : {}), ...(declared.has(key) ? { declared: declared.get(key)! } : {}) }));
}
