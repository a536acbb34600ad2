// Replay against drizzle-orm's own migrator on the real histories: where drizzle-orm's PGlite migrator
// applies a corpus, the replay ends in the same database (schema, drizzle's table and its rows).
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionsCreated, isAvailable, loadExtensions } from '../../src/checks/replay/extensions.js';
import { startPglite } from '../../src/checks/replay/pglite.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import { migratorMigrations } from '../../src/checks/replay/index.js';
import { expectSameEndState, kit1Migrator, type Migrator } from '../replay/parity.js';
import { CORPORA } from '../helpers/project.js';

const TABLE = { schema: 'drizzle', table: '__drizzle_migrations' };

// drizzle-orm's PGlite driver sends each chunk as a prepared statement, so a chunk holding several statements
// (no breakpoint between them) fails there with "cannot insert multiple commands into a prepared statement",
// while node-postgres (simple query) and the replay run it: such corpora (sim, dokploy, onlook) cannot be
// compared on PGlite.
const CORPUS = [
  { name: 'homarr-labs__homarr', out: 'packages/db/migrations/postgresql' },
  { name: 'Mail-0__Zero', out: 'packages/db/migrations' },
];

describe('replay ends where drizzle-orm\'s migrator ends, on real histories', () => {
  it.each(CORPUS)('$name', async ({ name, out }) => {
    const cwd = path.join(CORPORA, name);
    const set = readMigrationSet(workingTree(cwd, cwd), { dialect: 'postgresql', out, breakpoints: true, migrations: { ...TABLE, prefix: 'index' } });
    const extensions = await loadExtensions(extensionsCreated(set.migrations).filter(isAvailable));
    const [ours, theirs] = (await Promise.all([startPglite(extensions), startPglite(extensions)])).map((s) => s.db);
    try {
      const result = await expectSameEndState(ours!, theirs!, path.join(cwd, out), set.migrations, TABLE);
      expect(result.failure).toBeUndefined();
    } finally {
      await Promise.all([ours!.close(), theirs!.close()]);
    }
  }, 600_000);
});

// drizzle-orm 1.x's migrator (from DRIZZLE_GUARD_KIT1_DIR, see test/replay/migrator-orm1.test.ts) on drizzle-orm's
// own folder-layout PostgreSQL sets (branch beta, integration-tests/drizzle2), which it applies cleanly on PGlite
// (pg/ holds two folders of the same second). The cockroach sets are CockroachDB SQL: both fail alike on PostgreSQL.
const KIT1 = process.env.DRIZZLE_GUARD_KIT1_DIR;
const BETA = path.join(CORPORA, 'drizzle-team__drizzle-orm__beta/integration-tests/drizzle2');
const BETA_SETS = ['pg', 'pg-init', 'pg-proxy/first', 'pg-proxy/second'];

describe.skipIf(!KIT1)("replay ends where drizzle-orm 1.x's migrator ends, on drizzle-orm's folder-layout sets (set DRIZZLE_GUARD_KIT1_DIR to run)", () => {
  let migrator: Migrator;
  let cleanup = () => {};
  beforeAll(async () => void ({ migrator, cleanup } = await kit1Migrator(KIT1!)), 240_000);
  afterAll(() => cleanup());

  it.each(BETA_SETS)('%s', async (set) => {
    const cwd = path.join(BETA, set);
    const folders = readMigrationSet(workingTree(cwd, cwd), { dialect: 'postgresql', out: '.', breakpoints: true, migrations: { ...TABLE, prefix: 'index' } });
    expect(folders.layout).toBe('folders');
    const [ours, theirs] = (await Promise.all([startPglite({}), startPglite({})])).map((s) => s.db);
    try {
      const result = await expectSameEndState(ours!, theirs!, cwd, migratorMigrations(folders), TABLE, { layout: 'folders', migrator });
      expect(result.failure).toBeUndefined();
    } finally {
      await Promise.all([ours!.close(), theirs!.close()]);
    }
  }, 600_000);
});
