// The lint's counts by rule on every PostgreSQL history of ../shared/corpora, before and after issue 12
// (DO/function bodies, transaction-control, the chunk model, VALIDATE in the ADD's transaction, the
// false positives). `before` is what the lint reported at 5c53622; every difference is derived here
// from the SQL text and explained beside it, so a count that moves for another reason fails.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { CORPORA, options } from '../helpers/project.js';

async function countsByRule(folder: string): Promise<Record<string, number>> {
  const report = await runCheck(options(path.join(CORPORA, path.dirname(folder)), { out: path.basename(folder), dialect: 'postgresql', lint: true }));
  const counts: Record<string, number> = {};
  for (const f of report.findings) if (f.category === 'safety') counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

/** The SQL text of every journaled migration (the migrator never runs the others, the lint skips them). */
function journaledSql(folder: string): { file: string; text: string }[] {
  const dir = path.join(CORPORA, folder);
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => ({ file: `${e.tag}.sql`, text: fs.readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8') }));
}

const DO_BLOCK = /\bDO \$\$[\s\S]*?\$\$;/g;
const FOREIGN_KEY = /ALTER TABLE\s+"([^"]+)"\s+ADD CONSTRAINT\s+"[^"]+"\s+FOREIGN KEY[^;]*;/g;

/** Foreign keys added without NOT VALID inside DO blocks, on tables the same file does not create. */
function foreignKeysInDoBlocks(folder: string): number {
  let n = 0;
  for (const { text } of journaledSql(folder)) {
    const created = new Set([...text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/g)].map((m) => m[1]));
    for (const block of text.match(DO_BLOCK) ?? []) {
      for (const fk of block.matchAll(FOREIGN_KEY)) if (!created.has(fk[1]) && !/NOT VALID/.test(fk[0])) n++;
    }
  }
  return n;
}

/** VALIDATE CONSTRAINT of a constraint the same file added NOT VALID, with no COMMIT between. */
function validationsInTheAddsTransaction(folder: string): number {
  let n = 0;
  for (const { text } of journaledSql(folder)) {
    for (const v of text.matchAll(/VALIDATE CONSTRAINT\s+"([^"]+)"/g)) {
      const add = text.search(new RegExp(`ADD CONSTRAINT\\s+"${v[1]}"[^;]*NOT VALID`));
      if (add >= 0 && add < v.index! && !/^COMMIT;/m.test(text.slice(add, v.index))) n++;
    }
  }
  return n;
}

/**
 * UPDATE/DELETE statements without WHERE (update-all-rows, delete-all-rows, added after issue 12) on tables the
 * same file does not create: every one in these corpora is a backfill right after an ADD COLUMN.
 */
function wholeTableDml(folder: string, verb: 'UPDATE' | 'DELETE FROM'): number {
  let n = 0;
  for (const { text } of journaledSql(folder)) {
    const created = new Set([...text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/g)].map((m) => m[1]));
    for (const m of text.matchAll(new RegExp(`^${verb} "([^"]+)"[^;]*;`, 'gm'))) if (!created.has(m[1]) && !/\b(WHERE|FROM|USING)\b/.test(m[0].slice(verb.length))) n++;
  }
  return n;
}

describe('simstudioai__sim', async () => {
  const folder = 'simstudioai__sim/packages/db/migrations';
  const counts = await countsByRule(folder);
  const commits = journaledSql(folder).reduce((n, { text }) => n + (text.match(/^COMMIT;/gm) ?? []).length, 0);
  it('changes only where the SQL says so', () => {
    expect(foreignKeysInDoBlocks(folder)).toBe(3); // 0127 (IF NOT EXISTS … THEN), 0194 (two)
    expect(validationsInTheAddsTransaction(folder)).toBe(3); // 0243, 0272 (two, after DO-wrapped ADD … NOT VALID)
    expect(commits).toBe(24); // SOURCES.md: 24 files end drizzle's transaction with COMMIT;
    expect(counts).toEqual({
      'drop-table': 35,
      'alter-column-type': 13,
      'add-unique-constraint': 3,
      'add-column-required': 1,
      'drop-not-null': 13,
      'drop-column': 64,
      'rename-column': 3,
      'add-foreign-key-validating': 34 + foreignKeysInDoBlocks(folder) + validationsInTheAddsTransaction(folder),
      'create-index-blocking': 170,
      'drop-index-blocking': 65,
      'add-check-validating': 4,
      'drop-and-add-column': 2,
      'set-not-null': 8,
      'add-primary-key': 1,
      'enum-value-removed': 1,
      // New rule: one per COMMIT; (the CREATE/DROP INDEX CONCURRENTLY after them stand alone in their
      // chunks, so concurrently-in-transaction stays at 0).
      'transaction-control': commits,
      'update-all-rows': wholeTableDml(folder, 'UPDATE'), // 0132: status backfilled from level/ended_at
    });
    expect(wholeTableDml(folder, 'UPDATE')).toBe(1);
    expect(wholeTableDml(folder, 'DELETE FROM')).toBe(0);
  });
});

describe('Dokploy__dokploy', async () => {
  const folder = 'Dokploy__dokploy/apps/dokploy/drizzle';
  const counts = await countsByRule(folder);
  it('changes only where the SQL says so', () => {
    // drizzle-kit 0.2x wrapped every foreign key in DO $$ BEGIN … EXCEPTION WHEN duplicate_object …
    expect(foreignKeysInDoBlocks(folder)).toBe(29);
    expect(counts).toEqual({
      'drop-column': 47,
      'set-not-null': 33,
      'add-column-required': 1,
      'drop-not-null': 5,
      'drop-and-add-column': 1,
      'alter-column-type': 24,
      'rename-column': 11,
      'add-foreign-key-validating': 62 + foreignKeysInDoBlocks(folder),
      'create-index-blocking': 8,
      'drop-table': 4,
      'add-unique-constraint': 3,
      'rename-table': 2,
      'update-all-rows': wholeTableDml(folder, 'UPDATE'), // 0060, 0089, 0102: backfills
    });
    expect(wholeTableDml(folder, 'UPDATE')).toBe(3);
    expect(wholeTableDml(folder, 'DELETE FROM')).toBe(0);
  });
});

describe('onlook-dev__onlook', async () => {
  const folder = 'onlook-dev__onlook/apps/backend/supabase/migrations';
  const counts = await countsByRule(folder);
  it('changes only where the SQL says so', () => {
    // 0009_project_img_path drops three columns IF EXISTS that 0008's snapshot does not have and no
    // earlier SQL created: no-ops, no longer reported.
    const before = JSON.parse(fs.readFileSync(path.join(CORPORA, folder, 'meta/0008_snapshot.json'), 'utf8')).tables['public.projects'].columns;
    const dropped = [...journaledSql(folder).find((m) => m.file.startsWith('0009_'))!.text.matchAll(/DROP COLUMN IF EXISTS "([^"]+)"/g)].map((m) => m[1]!);
    expect(dropped.filter((c) => !(c in before))).toHaveLength(3);
    expect(counts).toEqual({
      'drop-column': 10 - 3,
      'set-not-null': 1,
      'add-unique-constraint': 2,
      'alter-column-type': 2,
      'drop-table': 1,
      'rename-column': 2,
      'enum-value-removed': 1,
      'add-column-required': 4,
      'add-foreign-key-validating': 5,
      'drop-not-null': 5,
      'create-index-blocking': 2,
    });
  });
});

describe('homarr-labs__homarr (one backfill), Mail-0__Zero (unchanged)', () => {
  it('homarr', async () => {
    const folder = 'homarr-labs__homarr/packages/db/migrations/postgresql';
    // 0007_merge_custom_widget_url backfills url from base_url || endpoint: update-all-rows (added after issue 12).
    expect(wholeTableDml(folder, 'UPDATE')).toBe(1);
    expect(await countsByRule(folder)).toEqual({ 'add-foreign-key-validating': 1, 'drop-column': 4, 'set-not-null': 1, 'update-all-rows': 1 });
  });
  it('Zero', async () => {
    expect(await countsByRule('Mail-0__Zero/packages/db/migrations')).toEqual({
      'drop-table': 3,
      'rename-table': 1,
      'add-column-required': 1,
      'add-foreign-key-validating': 3,
      'add-unique-constraint': 2,
      'rename-column': 1,
      'drop-column': 4,
      'alter-column-type': 1,
      'drop-not-null': 1,
    });
  });
});
