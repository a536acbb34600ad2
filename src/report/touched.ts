// Which tables a PR's new migrations touch, read from drizzle-kit's snapshots (the `tables` map of
// pg v5-v7, mysql v5 and sqlite v5/v6): the last snapshot before the new migrations against the last one.
// Pure: the engine calls it with the head migration set; the markdown renderer draws the result.

import type { MigrationSet } from '../model/types.js';
import type { TouchedColumn, TouchedTable } from './types.js';

type Json = Record<string, unknown>;

interface TableDoc {
  name: string;
  columns: Json;
  foreignKeys: Json;
  doc: Json;
}

/** Undefined when nothing is new or the snapshots are not in a format with a `tables` map. */
export function touchedTables(head: MigrationSet): TouchedTable[] | undefined {
  const firstNew = head.migrations.findIndex((m) => m.isNew);
  if (firstNew < 0) return undefined;
  // Both ends must be parsed documents: a snapshot read only by its header cannot be compared.
  const latest = [...head.migrations].reverse().find((m) => m.snapshot)?.snapshot;
  const before = head.migrations
    .slice(0, firstNew)
    .reverse()
    .find((m) => m.snapshot)?.snapshot;
  const next = tablesOf(latest?.json);
  const prev = before === undefined ? new Map<string, TableDoc>() : tablesOf(before.json);
  if (!next || !prev) return undefined;

  const out: TouchedTable[] = [];
  for (const [key, table] of next) {
    const old = prev.get(key);
    if (old && canonical(old.doc) === canonical(table.doc)) continue;
    out.push({
      name: table.name,
      status: old ? 'changed' : 'added',
      columns: columnsOf(table, old),
      foreignKeys: foreignKeysOf(table),
    });
  }
  for (const [key, table] of prev) {
    if (!next.has(key)) out.push({ name: table.name, status: 'dropped', columns: columnsOf(table, table).map((c) => ({ ...c, change: 'dropped' })), foreignKeys: [] });
  }

  // Tables a touched table points to, with only their key and referenced columns, so the diagram shows the relation.
  const shown = new Set(out.map((t) => t.name));
  const referenced = new Map<string, Set<string>>();
  for (const t of out) {
    if (t.status === 'dropped') continue;
    for (const fk of t.foreignKeys) {
      if (shown.has(fk.table)) continue;
      const cols = referenced.get(fk.table) ?? new Set<string>();
      fk.referencedColumns.forEach((c) => cols.add(c));
      referenced.set(fk.table, cols);
    }
  }
  for (const [name, cols] of referenced) {
    const table = [...next.values()].find((t) => t.name === name);
    const columns = table
      ? columnsOf(table, table).filter((c) => c.primaryKey || cols.has(c.name))
      : [...cols].map((c) => ({ name: c, type: '?', primaryKey: false, notNull: false }));
    out.push({ name, status: 'referenced', columns, foreignKeys: [] });
  }
  return out;
}

function tablesOf(snapshot: Json | undefined): Map<string, TableDoc> | undefined {
  const tables = snapshot?.['tables'];
  if (!isObject(tables)) return undefined;
  const out = new Map<string, TableDoc>();
  for (const [key, value] of Object.entries(tables)) {
    if (!isObject(value)) continue;
    const name = typeof value['name'] === 'string' ? value['name'] : key;
    out.set(key, {
      name: qualified(value['schema'], name),
      columns: isObject(value['columns']) ? value['columns'] : {},
      foreignKeys: isObject(value['foreignKeys']) ? value['foreignKeys'] : {},
      doc: value,
    });
  }
  return out;
}

function columnsOf(table: TableDoc, old: TableDoc | undefined): TouchedColumn[] {
  const primary = compositePrimaryColumns(table.doc);
  const present = Object.entries(table.columns).flatMap(([key, col]): TouchedColumn[] => {
    if (!isObject(col)) return [];
    const before = old?.columns[key];
    // In a new table every column is new: marking each one would only add noise.
    const change = old === undefined ? undefined : before === undefined ? 'added' : canonical(before) !== canonical(col) ? 'changed' : undefined;
    const previousType = isObject(before) && typeof before['type'] === 'string' && before['type'] !== col['type'] ? before['type'] : undefined;
    return [{ ...column(key, col, primary), ...(change ? { change } : {}), ...(previousType ? { previousType } : {}) }];
  });
  // A dropped column is the change a reviewer most needs to see: it stays in the diagram, marked.
  const dropped = old && old !== table
    ? Object.entries(old.columns).flatMap(([key, col]): TouchedColumn[] =>
        isObject(col) && !(key in table.columns) ? [{ ...column(key, col, compositePrimaryColumns(old.doc)), change: 'dropped' }] : [],
      )
    : [];
  return [...present, ...dropped];
}

function column(key: string, col: Json, primary: Set<string>): TouchedColumn {
  const name = typeof col['name'] === 'string' ? col['name'] : key;
  return {
    name,
    type: typeof col['type'] === 'string' ? col['type'] : '?',
    primaryKey: col['primaryKey'] === true || primary.has(name),
    notNull: col['notNull'] === true,
  };
}

function compositePrimaryColumns(doc: Json): Set<string> {
  const out = new Set<string>();
  const pks = doc['compositePrimaryKeys'];
  if (!isObject(pks)) return out;
  for (const pk of Object.values(pks)) {
    // pg/mysql store objects with `columns`; older sqlite snapshots store "col1,col2" strings.
    if (isObject(pk) && Array.isArray(pk['columns'])) pk['columns'].forEach((c) => typeof c === 'string' && out.add(c));
    else if (typeof pk === 'string') pk.split(/[,;]/).forEach((c) => out.add(c.trim()));
  }
  return out;
}

function foreignKeysOf(table: TableDoc): TouchedTable['foreignKeys'] {
  return Object.values(table.foreignKeys).flatMap((fk) => {
    if (!isObject(fk) || typeof fk['tableTo'] !== 'string') return [];
    return [
      {
        columns: strings(fk['columnsFrom']),
        table: qualified(fk['schemaTo'], fk['tableTo']),
        referencedColumns: strings(fk['columnsTo']),
      },
    ];
  });
}

function qualified(schema: unknown, name: string): string {
  return typeof schema === 'string' && schema !== '' && schema !== 'public' ? `${schema}.${name}` : name;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with sorted keys, so key order never counts as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
