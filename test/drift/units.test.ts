// The drift check's pure pieces: snapshot normalization, rename questions, SQL comparison, schema globs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KIT_VERSION } from '../../src/checks/drift/protocol.js';
import { findSchemaFiles } from '../../src/checks/drift/schema-files.js';
import { dropOnlyBridge, normalizeSnapshot, pruneToChangedTables, renameCandidates } from '../../src/checks/drift/snapshot.js';
import { compareSql, comparableStatements, differingPart } from '../../src/checks/drift/sql-compare.js';
import { FIXTURES, ROOT, readJson } from '../helpers/project.js';

const snapshot = (n: string) => readJson(path.join(FIXTURES, 'drift-pg/drizzle/meta', `${n}_snapshot.json`));

describe('normalizeSnapshot', () => {
  it('ignores id, prevId, _meta and key order but not content', () => {
    // 0002 is the custom migration: drizzle-kit copied 0001's schema under a new id and prevId.
    const [a, b] = [snapshot('0001'), snapshot('0002')];
    expect(a.id).not.toBe(b.id);
    expect(normalizeSnapshot(a)).toBe(normalizeSnapshot(b));
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    expect(normalizeSnapshot(reordered)).toBe(normalizeSnapshot(a));
    expect(normalizeSnapshot(snapshot('0000'))).not.toBe(normalizeSnapshot(a));
  });
});

describe('renameCandidates', () => {
  it('names the removed and added columns of a table, and tables removed and added', () => {
    const prev = snapshot('0001');
    const cur = structuredClone(prev);
    const tasks = cur.tables['public.tasks'];
    tasks.columns.title = { ...tasks.columns.label, name: 'title' };
    delete tasks.columns.label;
    cur.tables['public.todos'] = { ...cur.tables['public.users'], name: 'todos' };
    delete cur.tables['public.users'];
    expect(renameCandidates(prev, cur)).toEqual([
      'whether table users was renamed to todos',
      'whether column tasks.label was renamed to tasks.title',
    ]);
    // The bridge keeps only what survives on both sides, so each diff step is either drops or adds.
    const bridge = dropOnlyBridge(prev, cur);
    expect(Object.keys(bridge.tables as object)).toEqual(['public.tasks']);
    expect(Object.keys((bridge.tables as any)['public.tasks'].columns)).toEqual(['id', 'status', 'user_id']);
  });
});

describe('pruneToChangedTables', () => {
  const tableKeys = (s: Record<string, unknown>) => Object.keys(s.tables as object).sort();

  it('keeps the changed tables and their foreign-key neighbours, when only tables differ', () => {
    const prev = snapshot('0001');
    prev.tables['public.extra'] = { ...structuredClone(prev.tables['public.users']), name: 'extra' };
    const cur = structuredClone(prev);
    cur.tables['public.users'].columns.email = { name: 'email', type: 'text', primaryKey: false, notNull: false };
    const [a, b] = pruneToChangedTables(prev, cur);
    // users changed; tasks has a foreign key to users; extra is unrelated.
    expect([tableKeys(a), tableKeys(b)]).toEqual([['public.tasks', 'public.users'], ['public.tasks', 'public.users']]);
  });

  it('keeps everything when something besides tables differs', () => {
    const prev = snapshot('0001');
    const cur = structuredClone(prev);
    cur.enums['public.status'].values.push('archived');
    const [a, b] = pruneToChangedTables(prev, cur);
    expect([a, b]).toEqual([prev, cur]);
  });
});

describe('SQL comparison', () => {
  it('splits on breakpoints and line-ending semicolons, drops comment lines and white space', () => {
    const file = '-- Custom SQL migration file, put your code below! --\nUPDATE "users"\n   SET "name" = \'x\';\nSELECT 1;--> statement-breakpoint\nSELECT  2';
    expect(comparableStatements(file)).toEqual(['UPDATE "users" SET "name" = \'x\'', 'SELECT 1', 'SELECT 2']);
  });

  it('keeps dollar-quoted bodies whole', () => {
    const file = 'DO $$ BEGIN\n  CREATE TYPE "mood" AS ENUM(\'a\');\nEXCEPTION\n  WHEN duplicate_object THEN null;\nEND $$;\nSELECT 1;';
    expect(comparableStatements(file)).toEqual([
      'DO $$ BEGIN CREATE TYPE "mood" AS ENUM(\'a\'); EXCEPTION WHEN duplicate_object THEN null; END $$',
      'SELECT 1',
    ]);
  });

  it('lists statements missing from and added to the committed file, ignoring order', () => {
    const expected = ['CREATE TABLE "a" (\n\t"id" integer\n);\n', 'ALTER TABLE "a" ADD COLUMN "b" text;'];
    expect(compareSql(expected, 'ALTER TABLE "a" ADD COLUMN "b" text;--> statement-breakpoint\nCREATE TABLE "a" ("id" integer, "c" text);')).toEqual({
      missing: ['CREATE TABLE "a" ( "id" integer )'],
      added: ['CREATE TABLE "a" ("id" integer, "c" text)'],
    });
    expect(compareSql(expected, 'ALTER TABLE "a" ADD COLUMN "b" text;\nCREATE TABLE "a" (\n"id" integer\n);')).toEqual({ missing: [], added: [] });
  });

  it('ignores what does not change the schema: white space inside a statement, comments, IF [NOT] EXISTS', () => {
    // Each committed statement makes the same change as the generated one; only its spelling differs.
    const expected = ['CREATE TABLE "a" (\n\t"id" integer\n);', 'DROP INDEX "a_idx";', 'ALTER TABLE "a" ADD COLUMN "b" text;'];
    const committed = 'CREATE TABLE IF NOT EXISTS "a" ("id" integer); -- the table\nDROP INDEX IF EXISTS "a_idx";\nALTER TABLE "a" /* why */ ADD COLUMN "b" text;';
    expect(compareSql(expected, committed)).toEqual({ missing: [], added: [] });
    // IF EXISTS on another object is still a difference.
    expect(compareSql(['DROP INDEX "a_idx";'], 'DROP INDEX IF EXISTS "b_idx";').missing).toHaveLength(1);
  });

  it('shows the differing part of two versions of a statement, not two truncated lines', () => {
    const generated =
      'ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action';
    const committed = 'ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action';
    // They share everything up to ON DELETE and from ON UPDATE on: cascade vs no action, with three words either side.
    expect(differingPart(generated, committed)).toEqual({
      generated: '… "public"."users"("id") ON DELETE [cascade] ON UPDATE no …',
      committed: '… "public"."users"("id") ON DELETE [no action] ON UPDATE no …',
    });
    expect(differingPart('CREATE INDEX "x" ON "t" ("a")', 'ALTER TABLE "t" ADD COLUMN "a" text')).toBeUndefined();
  });
});

describe('findSchemaFiles', () => {
  it('takes files, folders (their files only) and globs like drizzle-kit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-glob-'));
    try {
      for (const f of ['db/a.ts', 'db/b.mts', 'db/types.d.ts', 'db/readme.md', 'db/nested/c.ts', 'other/d.js', 'node_modules/x/e.ts', '.hidden/f.ts']) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '');
      }
      const rel = (patterns: string[]) => findSchemaFiles(dir, patterns).map((f) => path.relative(dir, f));
      expect(rel(['./db'])).toEqual(['db/a.ts', 'db/b.mts']);
      expect(rel(['db/**/*.ts'])).toEqual(['db/a.ts', 'db/nested/c.ts']);
      expect(rel(['**/*.{ts,js}'])).toEqual(['db/a.ts', 'db/nested/c.ts', 'other/d.js']);
      expect(rel(['./other/d.js', 'db/a.ts', 'db/a.ts'])).toEqual(['other/d.js', 'db/a.ts']);
      expect(rel(['./missing.ts', 'nope/*.ts'])).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('names the drizzle-kit version that is installed (and bundled)', () => {
  expect(readJson(path.join(ROOT, 'node_modules/drizzle-kit/package.json')).version).toBe(BUNDLED_KIT_VERSION);
});
