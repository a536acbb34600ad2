// Snapshot helpers shared by the drift check and its worker: normalization (what makes two snapshots
// "the same schema"), the empty snapshot a first migration starts from, and the rename candidates
// drizzle-kit would ask about.

import type { Dialect } from '../../model/types.js';

type Json = Record<string, unknown>;

/** Fields that identify a snapshot or record interactive answers, not the schema itself. */
const IDENTITY_KEYS = new Set(['id', 'prevId', 'prevIds', '_meta']);

/**
 * A canonical JSON text of the schema a snapshot describes: identity fields dropped, object keys sorted
 * at every depth (drizzle-kit writes keys in declaration order), array order kept (it is meaningful:
 * enum values, index and primary-key columns).
 */
export function normalizeSnapshot(snapshot: Json): string {
  return JSON.stringify(sortKeys(snapshot, true));
}

function sortKeys(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, false));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const key of Object.keys(value).sort()) {
    if (top && IDENTITY_KEYS.has(key)) continue;
    out[key] = sortKeys((value as Json)[key], false);
  }
  return out;
}

const ORIGIN_ID = '00000000-0000-0000-0000-000000000000';

/** The snapshot drizzle-kit diffs against when a project has no migration yet (its `dry` snapshots). */
export function emptySnapshot(dialect: Dialect): Json {
  const meta = { schemas: {}, tables: {}, columns: {} };
  const base = { id: ORIGIN_ID, prevId: '', tables: {}, views: {} };
  switch (dialect) {
    case 'postgresql':
      return { ...base, version: '7', dialect: 'postgresql', enums: {}, schemas: {}, sequences: {}, roles: {}, policies: {}, _meta: meta };
    case 'mysql':
      return { ...base, version: '5', dialect: 'mysql', _meta: meta };
    case 'singlestore':
      return { ...base, version: '1', dialect: 'singlestore', _meta: meta };
    case 'sqlite':
    case 'turso':
      return { ...base, version: '6', dialect: 'sqlite', enums: {}, _meta: { tables: {}, columns: {} } };
    case 'gel':
      throw new Error('gel has no migration snapshots');
  }
}

/** Collections whose entries drizzle-kit matches by name and asks about when one disappears and one appears. */
const RENAMEABLE: Record<string, Noun> = {
  tables: ['table', 'tables'],
  enums: ['enum', 'enums'],
  schemas: ['schema', 'schemas'],
  sequences: ['sequence', 'sequences'],
  views: ['view', 'views'],
  roles: ['role', 'roles'],
  policies: ['policy', 'policies'],
};

/** What drizzle-kit also matches by name inside each table present on both sides (pg policies live in their table). */
const RENAMEABLE_IN_TABLE: Record<string, Noun> = {
  columns: ['column', 'columns'],
  policies: ['policy', 'policies'],
};

type Noun = [one: string, many: string];

/**
 * The questions `drizzle-kit generate` would ask, in plain words: for each kind of object (and for the
 * columns and policies of each table present on both sides), whether a removed one was renamed to an added one.
 * drizzle-kit asks exactly when both lists are non-empty (its resolvers return at once otherwise).
 */
export function renameCandidates(prev: Json, cur: Json): string[] {
  const out: string[] = [];
  for (const [collection, noun] of Object.entries(RENAMEABLE)) {
    const { removed, added } = removedAndAdded(prev[collection], cur[collection]);
    if (removed.length > 0 && added.length > 0) out.push(renameQuestion(noun, removed.map(displayKey), added.map(displayKey)));
  }
  const prevTables = asRecord(prev.tables);
  for (const [key, table] of Object.entries(asRecord(cur.tables))) {
    if (!(key in prevTables)) continue;
    const name = tableName(key, asRecord(table));
    for (const [member, noun] of Object.entries(RENAMEABLE_IN_TABLE)) {
      const { removed, added } = removedAndAdded(asRecord(prevTables[key])[member], asRecord(table)[member]);
      const inTable = (names: string[]) => names.map((n) => `${name}.${n}`);
      if (removed.length > 0 && added.length > 0) out.push(renameQuestion(noun, inTable(removed), inTable(added)));
    }
  }
  return out;
}

function removedAndAdded(before: unknown, after: unknown): { removed: string[]; added: string[] } {
  const [a, b] = [asRecord(before), asRecord(after)];
  return { removed: Object.keys(a).filter((k) => !(k in b)), added: Object.keys(b).filter((k) => !(k in a)) };
}

/** "whether column tasks.label was renamed to tasks.title", naming every removed and added object. */
export function renameQuestion([one, many]: Noun, removed: string[], added: string[]): string {
  const from = removed.length === 1 ? `${one} ${removed[0]}` : `one of the ${many} ${removed.join(', ')}`;
  const to = added.length === 1 ? added[0] : `one of ${added.join(', ')}`;
  return `whether ${from} was renamed to ${to}`;
}

/** pg keys objects "schema.name"; show "name" for the public schema, as users write it. */
function displayKey(key: string): string {
  return key.startsWith('public.') ? key.slice('public.'.length) : key;
}

function tableName(key: string, table: Json): string {
  const name = typeof table.name === 'string' ? table.name : key;
  return typeof table.schema === 'string' && table.schema !== '' && table.schema !== 'public' ? `${table.schema}.${name}` : name;
}

/**
 * `cur` with the added side of every ambiguous pair removed from `prev`'s point of view: diffing
 * prev → bridge → cur asks nothing (bridge only drops, the second step only adds), and together they give
 * the SQL drizzle-kit would write if every question were answered "drop and create".
 */
export function dropOnlyBridge(prev: Json, cur: Json): Json {
  const bridge: Json = { ...prev };
  for (const collection of Object.keys(RENAMEABLE)) {
    if (!(collection in prev)) continue;
    const after = asRecord(cur[collection]);
    bridge[collection] = Object.fromEntries(Object.entries(asRecord(prev[collection])).filter(([k]) => k in after));
  }
  const prevTables = asRecord(bridge.tables);
  const curTables = asRecord(cur.tables);
  bridge.tables = Object.fromEntries(
    Object.entries(prevTables).map(([key, table]) => {
      const kept = { ...asRecord(table) };
      for (const member of Object.keys(RENAMEABLE_IN_TABLE)) {
        if (!(member in kept)) continue;
        const after = asRecord(asRecord(curTables[key])[member]);
        kept[member] = Object.fromEntries(Object.entries(asRecord(kept[member])).filter(([k]) => k in after));
      }
      return [key, kept];
    }),
  );
  return bridge;
}

/**
 * Both snapshots cut down to the tables that differ and their foreign-key neighbours, when only tables
 * differ. drizzle-kit validates and diffs every table on each call (~0.3 s for 200 tables); an unchanged
 * table yields no statement, so leaving it out changes nothing in the SQL. When anything besides tables
 * differs (an enum, a schema, a view…), statements may touch unchanged tables too: no pruning then.
 */
export function pruneToChangedTables(prev: Json, cur: Json): [Json, Json] {
  const others = new Set([...Object.keys(prev), ...Object.keys(cur)].filter((k) => k !== 'tables' && !IDENTITY_KEYS.has(k)));
  for (const key of others) {
    if (JSON.stringify(sortKeys(prev[key], false)) !== JSON.stringify(sortKeys(cur[key], false))) return [prev, cur];
  }
  const before = asRecord(prev.tables);
  const after = asRecord(cur.tables);
  const keep = new Set<string>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(sortKeys(before[key], false)) !== JSON.stringify(sortKeys(after[key], false))) keep.add(key);
  }
  for (const changed of [...keep]) {
    for (const tables of [before, after]) {
      for (const [key, table] of Object.entries(tables)) {
        if (key === changed || references(table, changed) || (tables[changed] !== undefined && references(tables[changed], key))) keep.add(key);
      }
    }
  }
  const pick = (tables: Json) => Object.fromEntries(Object.entries(tables).filter(([k]) => keep.has(k)));
  return [{ ...prev, tables: pick(before) }, { ...cur, tables: pick(after) }];
}

/** Whether a table has a foreign key to the table keyed `target` ("schema.name" in pg, "name" elsewhere). */
function references(table: unknown, target: string): boolean {
  return Object.values(asRecord(asRecord(table).foreignKeys)).some((fk) => {
    const { tableTo, schemaTo } = asRecord(typeof fk === 'string' ? {} : fk);
    return typeof tableTo === 'string' && (target === tableTo || target === `${typeof schemaTo === 'string' && schemaTo ? schemaTo : 'public'}.${tableTo}`);
  });
}

function asRecord(v: unknown): Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}
