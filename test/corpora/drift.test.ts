// Drift on real histories from ../shared/corpora: regenerating migration SQL between their own snapshots.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftCheck } from '../../src/checks/drift/index.js';
import { resolveConfig } from '../../src/config/drizzle-config.js';
import { defaultGuardConfig } from '../../src/config/guard-config.js';
import { runCheck } from '../../src/engine.js';
import { readMigrationSet } from '../../src/model/folder.js';
import { workingTree } from '../../src/model/tree.js';
import { useCompiledWorker } from '../drift/worker-build.js';
import { CORPORA, FIXTURES, options } from '../helpers/project.js';

let dropWorker: () => void;
beforeAll(async () => {
  dropWorker = await useCompiledWorker();
});
afterAll(() => dropWorker());

describe('drizzle-kit 1.0 layout', () => {
  it("skips drizzle-kit 1.0's folder layout without drizzle-kit 1.x, saying why", async () => {
    // Real drizzle-kit 1.0 output from drizzle-orm's beta branch; nothing here has drizzle-kit 1.x installed.
    const beta = path.join(CORPORA, 'drizzle-team__drizzle-orm__beta/integration-tests/drizzle2');
    const report = await runCheck(options(beta, { drift: true, out: 'pg-init', dialect: 'postgresql' }));
    expect(report.categories.drift).toBe('skipped');
    expect(report.notes.join('\n')).toContain("drift: the migrations use drizzle-kit 1.0's folder layout, which needs drizzle-kit 1.x installed");
  });
});

describe('regenerating a real history', () => {
  it("finds no hand edit in Zero's 26 unedited migrations, and tells interactive renames apart", async () => {
    // Mail-0/Zero's migrations are drizzle-kit output as generated. Two steps answered a rename question
    // "rename" (their SQL holds RENAME: 0005, 0006) and two answered "create" (0002, 0003: DROP + CREATE).
    const cwd = path.join(CORPORA, 'Mail-0__Zero');
    const config = {
      ...resolveConfig({}, { out: 'packages/db/migrations', dialect: 'postgresql' }, 'drizzle.config.ts'),
      // Any loadable schema will do: only the migrations' own snapshots matter here.
      schema: [path.join(FIXTURES, 'drift-pg/schema.ts')],
    };
    const head = readMigrationSet(workingTree(cwd, cwd), config);
    for (const m of head.migrations) m.isNew = true;
    expect(head.migrations).toHaveLength(26);
    const outcome = await driftCheck.run({ cwd, options: options(cwd, { drift: true }), config, settings: defaultGuardConfig(), head, hasBase: true });
    expect(outcome.status).toBe('ran');
    if (outcome.status !== 'ran') return;
    expect(outcome.findings.filter((f) => f.ruleId === 'migration-sql-mismatch')).toEqual([]);
    const notCompared = (outcome.notes ?? []).filter((n) => n.includes('rename answered interactively')).map((n) => n.split(':')[0]);
    expect(notCompared).toEqual(['0005_mature_lady_deathstrike', '0006_small_unicorn']);
  });

  it('reports a hand-added statement in a step whose rename question was answered "create"', async () => {
    // Dokploy's 0169 replaced schedule.userId by organizationId: drizzle-kit asked (a column removed, one added),
    // the answer was drop+add (the file drops "userId"), and a hand-written UPDATE backfills the new column.
    const cwd = path.join(CORPORA, 'Dokploy__dokploy');
    const config = {
      ...resolveConfig({}, { out: 'apps/dokploy/drizzle', dialect: 'postgresql' }, 'drizzle.config.ts'),
      schema: [path.join(FIXTURES, 'drift-pg/schema.ts')],
    };
    const head = readMigrationSet(workingTree(cwd, cwd), config);
    for (const m of head.migrations) m.isNew = m.tag === '0169_parched_johnny_storm';
    const outcome = await driftCheck.run({ cwd, options: options(cwd, { drift: true }), config, settings: defaultGuardConfig(), head, hasBase: true });
    const mismatches = outcome.status === 'ran' ? outcome.findings.filter((f) => f.ruleId === 'migration-sql-mismatch') : [];
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ severity: 'warning', migration: '0169_parched_johnny_storm' });
    expect(mismatches[0]!.message).toContain('1 statement drizzle-kit does not generate: `UPDATE "schedule" s SET "organizationId"');
    expect(mismatches[0]!.message).not.toContain('missing');
  });
});
