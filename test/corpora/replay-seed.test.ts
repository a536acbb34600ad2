// Seeding on a real history: every table of sim's schema (foreign keys, enums, CHECK constraints on
// statuses, lengths, bounds and conditional NOT NULLs, each satisfiable) gets its row before the newest
// migration is replayed as a PR's.
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { extensionsCreated, isAvailable, loadExtensions } from '../../src/checks/replay/extensions.js';
import { startPglite } from '../../src/checks/replay/pglite.js';
import { replay } from '../../src/checks/replay/replay.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import { CORPORA } from '../helpers/project.js';

const TABLE = { schema: 'drizzle', table: '__drizzle_migrations' };

it("seeds a row in every table of sim's history", async () => {
  const cwd = path.join(CORPORA, 'simstudioai__sim');
  const set = readMigrationSet(workingTree(cwd, cwd), { dialect: 'postgresql', out: 'packages/db/migrations', breakpoints: true, migrations: { ...TABLE, prefix: 'index' } });
  const extensions = await loadExtensions(extensionsCreated(set.migrations).filter(isAvailable));
  const { db } = await startPglite(extensions);
  try {
    const result = await replay(db, set.migrations.slice(0, -1), set.migrations.slice(-1), { seed: true, trace: false, migrationsTable: TABLE, layout: 'journal' });
    expect(result.failure).toBeUndefined();
    expect(result.seed?.failed).toEqual([]);
    const tables = (await db.query<{ n: number }>(`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = 'public'`)).rows[0]!.n;
    expect(result.seed?.seeded).toHaveLength(tables);
  } finally {
    await db.close();
  }
}, 600_000);
