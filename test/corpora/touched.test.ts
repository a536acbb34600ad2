// touchedTables on real drizzle-kit snapshots (a corpus migration whose SQL says which tables it alters).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Migration, MigrationSet } from '../../src/model/types.js';
import { touchedTables } from '../../src/report/touched.js';
import { CORPORA } from '../helpers/project.js';

const DIR = path.join(CORPORA, 'simstudioai__sim/packages/db/migrations');

function migration(tag: string, isNew: boolean, snapshot: string): Migration {
  const json = JSON.parse(readFileSync(`${DIR}/meta/${snapshot}`, 'utf8')) as Record<string, unknown>;
  return { tag, file: `${tag}.sql`, statements: [], isNew, snapshot: { file: snapshot, prevIds: [], json } };
}

function set(migrations: Migration[]): MigrationSet {
  return { layout: 'journal', out: 'migrations', migrations, strayFiles: [], snapshots: [], skipped: [] };
}

describe('touchedTables', () => {
  it('finds the tables the new migration alters (0298 adds columns to two tables and an index on a third)', () => {
    const tables = touchedTables(
      set([migration('0297_eminent_sinister_six', false, '0297_snapshot.json'), migration('0298_nosy_ken_ellis', true, '0298_snapshot.json')]),
    )!;
    const changed = tables.filter((t) => t.status !== 'referenced').map((t) => `${t.name}:${t.status}`).sort();
    expect(changed).toEqual(['document:changed', 'knowledge_connector:changed', 'knowledge_connector_sync_log:changed']);
    const doc = tables.find((t) => t.name === 'document')!;
    expect(doc.columns.find((c) => c.name === 'processing_attempts')).toMatchObject({ type: 'integer', notNull: true, change: 'added' });
    expect(doc.columns.find((c) => c.name === 'id')).toMatchObject({ primaryKey: true });
    expect(doc.columns.find((c) => c.name === 'id')!.change).toBeUndefined();
    const kc = tables.find((t) => t.name === 'knowledge_connector')!;
    expect(kc.columns.filter((c) => c.change === 'added').map((c) => c.name).sort()).toEqual(['sync_lock_lease_at', 'sync_lock_token']);
    // Every foreign key of a touched table points at a table in the diagram.
    const names = new Set(tables.map((t) => t.name));
    for (const t of tables) for (const fk of t.foreignKeys) expect(names.has(fk.table)).toBe(true);
    expect(tables.some((t) => t.status === 'referenced')).toBe(true);
  });

  it('treats every table as added when all migrations are new, and returns undefined when none is', () => {
    const first = touchedTables(set([migration('0000', true, '0000_snapshot.json')]))!;
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((t) => t.status === 'added' || t.status === 'referenced')).toBe(true);
    expect(first.flatMap((t) => t.columns).some((c) => c.change)).toBe(false);
    expect(touchedTables(set([migration('0000', false, '0000_snapshot.json')]))).toBeUndefined();
  });

  it('reports dropped tables and ignores snapshots without a tables map', () => {
    const prev = migration('a', false, '0297_snapshot.json');
    const next = migration('b', true, '0297_snapshot.json');
    const json = structuredClone(next.snapshot!.json!) as { tables: Record<string, unknown> };
    delete json.tables['public.document'];
    next.snapshot!.json = json;
    const tables = touchedTables(set([prev, next]))!;
    expect(tables.filter((t) => t.status !== 'referenced').map((t) => `${t.name}:${t.status}`)).toEqual(['document:dropped']);
    next.snapshot!.json = { version: '8', ddl: [] };
    expect(touchedTables(set([prev, next]))).toBeUndefined();
    // A base snapshot read only by its header cannot be compared: no diagram rather than "every table is new".
    const headerOnly = migration('a', false, '0297_snapshot.json');
    delete headerOnly.snapshot!.json;
    expect(touchedTables(set([headerOnly, migration('b', true, '0298_snapshot.json')]))).toBeUndefined();
  });
});
