// The folder layout (drizzle-kit 1.x) is applied by drizzle-orm 1.x's migrator, which differs from 0.x's: its
// table has `name` (the folder's name, what it compares to decide what runs) and `applied_at`, it applies the
// folders in localeCompare order, and it passes over a folder without migration.sql. Replay must end where
// drizzle-orm 1.0.0-rc.5's own PGlite migrator ends: same schema, same table, same rows. drizzle-orm 1.x cannot
// be installed beside this project's 0.x: DRIZZLE_GUARD_KIT1_DIR names a folder holding it (see
// test/drift/kit1.test.ts); without it the suite is skipped locally and fails on CI (test/helpers/ci-requirements.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratorMigrations, replayCheck } from '../../src/checks/replay/index.js';
import { startPglite } from '../../src/checks/replay/pglite.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import { FIXTURES, fixtureContext, PG_CONFIG } from './context.js';
import { expectSameEndState, kit1Migrator, type Migrator } from './parity.js';

const KIT1 = process.env.DRIZZLE_GUARD_KIT1_DIR;
const TABLE = { schema: 'drizzle', table: '__drizzle_migrations' };

/** Fixtures in the folder layout: a migrations folder without a journal whose subfolders hold migration.sql. */
const FOLDER_FIXTURES = fs.readdirSync(FIXTURES).filter((name) => {
  const out = path.join(FIXTURES, name, 'drizzle');
  return fs.existsSync(out) && !fs.existsSync(path.join(out, 'meta/_journal.json')) && fs.readdirSync(out).some((d) => fs.existsSync(path.join(out, d, 'migration.sql')));
});

describe.skipIf(!KIT1)("end state equals drizzle-orm 1.x's own migrator on the folder layout (set DRIZZLE_GUARD_KIT1_DIR to run)", () => {
  let ours: PGlite;
  let theirs: PGlite;
  let migrator: Migrator;
  let cleanup = () => {};
  let scratch = '';
  beforeAll(async () => {
    ({ migrator, cleanup } = await kit1Migrator(KIT1!));
    [ours, theirs] = (await Promise.all([startPglite({}), startPglite({})])).map((s) => s.db) as [PGlite, PGlite];
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-folders-'));
  }, 240_000);
  afterAll(async () => {
    await ours?.close();
    await theirs?.close();
    cleanup();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const parity = async (cwd: string) => {
    const set = readMigrationSet(workingTree(cwd, cwd), PG_CONFIG);
    expect(set.layout).toBe('folders');
    return expectSameEndState(ours, theirs, path.join(cwd, 'drizzle'), migratorMigrations(set), TABLE, { layout: 'folders', migrator });
  };

  it('covers the folder-layout fixtures', () => expect(FOLDER_FIXTURES).toContain('pg-folders'));

  it.each(FOLDER_FIXTURES)('%s', async (name) => {
    const result = await parity(path.join(FIXTURES, name));
    expect(result.failure).toBeUndefined();
    // The table as drizzle-orm 1.x creates it, each folder recorded under its name (what decides what runs).
    const rows = (await ours.query<{ name: string }>(`select name from drizzle.__drizzle_migrations order by id`)).rows.map((r) => r.name);
    expect(rows).toEqual(fs.readdirSync(path.join(FIXTURES, name, 'drizzle')).sort());
  }, 120_000);

  it('applies folders of the same second in localeCompare order, and passes over a folder without migration.sql', async () => {
    // localeCompare puts "…_a_create" before "…_B_alter" (a < b whatever the case); code-point order would
    // put "B" (66) before "a" (97) and alter a table that does not exist yet. The snapshot-only folder is
    // not a migration to drizzle-orm 1.x's readMigrationFiles.
    const cwd = path.join(scratch, 'order');
    const folder = (name: string, sql?: string) => {
      fs.mkdirSync(path.join(cwd, 'drizzle', name), { recursive: true });
      if (sql !== undefined) fs.writeFileSync(path.join(cwd, 'drizzle', name, 'migration.sql'), sql);
      fs.writeFileSync(path.join(cwd, 'drizzle', name, 'snapshot.json'), '{}');
    };
    folder('20260101000000_a_create', 'CREATE TABLE "t" ("id" integer);');
    folder('20260101000000_B_alter', 'ALTER TABLE "t" ADD COLUMN "note" text;');
    folder('20260101000001_snapshot_only');
    const result = await parity(cwd);
    expect(result.failure).toBeUndefined();
    expect((await ours.query(`select name from drizzle.__drizzle_migrations order by id`)).rows).toEqual([{ name: '20260101000000_a_create' }, { name: '20260101000000_B_alter' }]);
    // The check replays that folder too (a folder without migration.sql does not stop it).
    const outcome = await replayCheck.run({ ...fixtureContext('pg-folders'), cwd, head: readMigrationSet(workingTree(cwd, cwd), PG_CONFIG) });
    expect(outcome).toMatchObject({ status: 'ran', findings: [] });
  }, 120_000);
});
