// The schema a migration is judged against when the migrations before it have no snapshot: the nearest
// earlier snapshot with their statements applied (SchemaOverlay), through the whole linter.

import { describe, expect, test } from 'vitest';
import { SafetyLinter, snapshotLookups } from '../../src/checks/safety/lint.js';
import { SchemaOverlay } from '../../src/checks/safety/schema-overlay.js';
import type { Migration } from '../../src/model/types.js';
import { migrationOf } from './helpers.js';

const BP = '--> statement-breakpoint';
const guarded = (sql: string) => `DO $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't') THEN\n    ${sql}\n  END IF;\nEND $$;`;

/** Rule ids for `sql`, judged against `snapshot` with the migrations `since` (no snapshot, not linted) applied. */
async function ids(snapshot: Record<string, unknown> | undefined, since: (string | Migration)[], sql: string): Promise<string[]> {
  const between = since.map((s, i) => (typeof s === 'string' ? migrationOf(s, `000${i + 1}_hand_written`) : s));
  const linter = new SafetyLinter({ dialect: 'postgresql', postgresVersion: 15, batch: true, parseAll: true });
  const findings = await linter.lint([{ migration: { ...migrationOf(sql, '0009_new'), isNew: true }, snapshotBefore: () => snapshot, since: between }]);
  return findings.map((f) => f.ruleId);
}

const snapshot = {
  tables: {
    'public.t': { columns: { a: { type: 'integer', notNull: false }, b: { type: 'text', notNull: false }, c: { type: 'text', notNull: false } } },
  },
  enums: { 'public.mood': { values: ['sad'] } },
};

describe('a migration after hand-written ones without a snapshot', () => {
  test('a guarded rename of a column they already renamed does not run; unguarded, the rename stands', async () => {
    const renamed = 'ALTER TABLE "t" RENAME COLUMN "a" TO "z";';
    expect(await ids(snapshot, [guarded(renamed)], guarded(renamed))).toEqual([]);
    // Without that migration the column is still there.
    expect(await ids(snapshot, [], guarded(renamed))).toEqual(['rename-column']);
    // Unguarded it would fail on a missing column: the schema known is what is wrong, the finding stays.
    expect(await ids(snapshot, [renamed], renamed)).toEqual(['rename-column']);
    // Added back earlier in the same migration: it exists when the guarded rename runs.
    expect(await ids(snapshot, [renamed], `ALTER TABLE "t" ADD COLUMN "a" integer;${BP}\n${guarded(renamed)}`)).toEqual(['rename-column']);
  });
  test('types, NOT NULL and drops they made are the state before', async () => {
    // "a" became text: text → varchar rewrites nothing; from the snapshot's integer it would.
    expect(await ids(snapshot, ['ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE text;'], 'ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE varchar;')).toEqual([]);
    expect(await ids(snapshot, [], 'ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE varchar;')).toEqual(['alter-column-type']);
    // Renamed, the column keeps its type.
    expect(await ids(snapshot, ['ALTER TABLE "t" RENAME COLUMN "b" TO "bb";'], 'ALTER TABLE "t" ALTER COLUMN "bb" SET DATA TYPE varchar;')).toEqual([]);
    // Already NOT NULL: no scan.
    expect(await ids(snapshot, ['ALTER TABLE "t" ALTER COLUMN "b" SET NOT NULL;'], 'ALTER TABLE "t" ALTER COLUMN "b" SET NOT NULL;')).toEqual([]);
    // Already dropped: DROP COLUMN IF EXISTS is a no-op.
    expect(await ids(snapshot, ['ALTER TABLE "t" DROP COLUMN "c";'], 'ALTER TABLE "t" DROP COLUMN IF EXISTS "c";')).toEqual([]);
    expect(await ids(snapshot, [], 'ALTER TABLE "t" DROP COLUMN IF EXISTS "c";')).toEqual(['drop-column']);
  });
  test('what they do not say stays unknown', async () => {
    // A table they created: its columns are not known, so the column may exist.
    expect(await ids(snapshot, ['CREATE TABLE "u" ("id" int);'], 'ALTER TABLE "u" DROP COLUMN IF EXISTS "x";')).toEqual(['drop-column']);
    // One of them unreadable: nothing is known.
    const unreadable: Migration = { ...migrationOf('', '0001_unreadable'), sql: undefined, unreadable: 'binary' };
    expect(await ids(snapshot, ['ALTER TABLE "t" DROP COLUMN "c";', unreadable], 'ALTER TABLE "t" DROP COLUMN IF EXISTS "c";')).toEqual(['drop-column']);
  });
});

describe('SchemaOverlay', () => {
  const apply = (ops: Parameters<SchemaOverlay['apply']>[0][]) => {
    const overlay = new SchemaOverlay(
      snapshotLookups(() => ({
        tables: {
          'public.users': { columns: { id: { type: 'integer', notNull: true }, email: { type: 'text', notNull: false } }, indexes: { users_email_idx: { columns: ['email'], where: 'deleted_at IS NULL' } } },
          'public.posts': { columns: { id: { type: 'integer' } }, foreignKeys: { posts_user_fk: { tableTo: 'users', schemaTo: 'public' } } },
        },
        enums: { 'public.mood': { values: ['sad'] } },
      })),
    );
    for (const op of ops) overlay.apply(op);
    return overlay;
  };
  test('a renamed table keeps its columns, indexes and the tables referencing it; the old name is gone', () => {
    const o = apply([
      { kind: 'rename-table', table: 'public.users', to: 'public.members', at: 0 },
      { kind: 'rename-table', table: 'public.posts', to: 'public.articles', at: 1 },
    ]);
    expect(o.hasColumn('public.members', 'email')).toBe(true);
    expect(o.columnType('public.members', 'id')).toBe('integer');
    expect(o.columnsOf('public.members')).toEqual(['id', 'email']);
    expect(o.indexesUsing('public.members', 'email')).toEqual(['users_email_idx']);
    expect(o.referencingTables('public.members')).toEqual(['public.articles']);
    expect(o.hasColumn('public.users', 'email')).toBeUndefined();
  });
  test('columns added, renamed and dropped', () => {
    const o = apply([
      { kind: 'add-column', table: 'public.users', column: 'name', type: 'varchar(20)', notNull: true, at: 0 },
      { kind: 'rename-column', table: 'public.users', column: 'email', to: 'mail', at: 1 },
      { kind: 'drop-column', table: 'public.users', column: 'id', at: 2 },
    ]);
    expect(o.columnsOf('public.users')).toEqual(['name', 'mail']);
    expect(o.columnType('public.users', 'name')).toBe('varchar(20)');
    expect(o.columnNotNull('public.users', 'name')).toBe(true);
    expect(o.columnType('public.users', 'mail')).toBe('text');
    expect(o.hasColumn('public.users', 'email')).toBe(false);
    expect(o.hasColumn('public.users', 'id')).toBe(false);
    expect(o.indexesUsing('public.users', 'mail')).toEqual(['users_email_idx']);
  });
  test('enum values and indexes', () => {
    const o = apply([
      { kind: 'add-enum-value', type: 'public.mood', value: 'happy', at: 0 },
      { kind: 'create-enum', type: 'public.color', values: ['red'], at: 1 },
      { kind: 'drop-index', index: 'public.users_email_idx', concurrently: false, at: 2 },
      { kind: 'create-index', table: 'public.posts', index: 'auth.posts_idx', concurrently: false, at: 3 },
    ]);
    expect(o.enumValues('public.mood')).toEqual(['sad', 'happy']);
    expect(o.enumValues('public.color')).toEqual(['red']);
    expect(o.indexSchemas('users_email_idx')).toEqual([]);
    expect(o.indexSchemas('posts_idx')).toEqual(['auth']);
    expect(o.indexesUsing('public.users', 'email')).toEqual([]);
  });
});
