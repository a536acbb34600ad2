// The saved base state on a real history: a one-migration PR on sim (297 applied migrations, 112 tables seeded)
// run twice, the second from the state the first saved, finds exactly the same: seeds, traces, findings.
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { baseStateKey } from '../../src/checks/replay/base-key.js';
import { extensionsCreated } from '../../src/checks/replay/extensions.js';
import type { ReplayJob } from '../../src/checks/replay/protocol.js';
import { runJob } from '../../src/checks/replay/session.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import { CORPORA } from '../helpers/project.js';
import { privateCacheDir } from '../helpers/cache-dir.js';

const TABLE = { schema: 'drizzle', table: '__drizzle_migrations' };
privateCacheDir('dg-sim-base-');

it("replays a PR on sim from the saved base state with the same result as replaying the base", async () => {
  const cwd = path.join(CORPORA, 'simstudioai__sim');
  const set = readMigrationSet(workingTree(cwd, cwd), { dialect: 'postgresql', out: 'packages/db/migrations', breakpoints: true, migrations: { ...TABLE, prefix: 'index' } });
  const base = set.migrations.slice(0, -1);
  const pending = set.migrations.slice(-1);
  const job: ReplayJob = {
    type: 'job',
    base,
    pending,
    extensionNames: extensionsCreated(set.migrations),
    seed: true,
    trace: true,
    migrationsTable: TABLE,
    layout: 'journal',
    // Saved whatever this machine's speed.
    state: { baseKey: baseStateKey(base, TABLE, 'journal', true), saveAfterMs: 0 },
  };
  const first = await runJob(job, () => undefined);
  expect(first.from).not.toBe('saved');
  expect(first.result.failure).toBeUndefined();
  expect(first.result.baseStatements).toBeGreaterThan(1800);
  const second = await runJob(job, () => undefined);
  expect(second.from).toBe('saved');
  expect(second.result).toEqual(first.result);
}, 600_000);
