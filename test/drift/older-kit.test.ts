// Drift with a project pinned to a drizzle-kit older than 0.31.10, as most real projects are: its rename
// prompt does not fail without a terminal, it waits on stdin (closed in the worker), so a drift check that
// let drizzle-kit ask ended with the worker exiting silently (exit 4, schema-load-failed; seen on
// vercel/ai-chatbot with drizzle-kit 0.25). The kit and its drizzle-orm cannot be installed beside this
// project's, so the suite runs when DRIZZLE_GUARD_KIT030_DIR names a folder holding them, e.g.
//   mkdir /tmp/kit030 && cd /tmp/kit030 && npm init -y && npm i drizzle-kit@0.30.6 drizzle-orm@0.38.4
// and is skipped otherwise (CI fails instead: test/helpers/ci-requirements.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { copyFixture, options } from '../helpers/project.js';
import { compiledWorkerSuite } from './worker-build.js';

const KIT030 = process.env.DRIZZLE_GUARD_KIT030_DIR;

describe.skipIf(!KIT030)('a project with drizzle-kit 0.30 (set DRIZZLE_GUARD_KIT030_DIR to run)', () => {
  const temp = compiledWorkerSuite();

  it('reports a renamed column and policy as drift with the questions, never asking drizzle-kit', async () => {
    // fixtures/drift-pg-rename: the snapshot has tasks.label and policy tasks_owner; schema.ts renames both.
    const dir = copyFixture('drift-pg-rename');
    temp.push(dir);
    fs.symlinkSync(path.join(KIT030!, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const report = await runCheck(options(dir, { drift: true }));
    expect(report.notes).toContain("drift: compared with the project's own drizzle-kit 0.30.6");
    expect(report.findings.filter((f) => f.category === 'config')).toEqual([]);
    expect(report.exitCode).toBe(1);
    const found = report.findings.filter((f) => f.category === 'drift');
    expect(found.map((f) => f.ruleId)).toEqual(['schema-drift']);
    expect(found[0]!.message).toContain(
      'will ask before writing SQL: whether column tasks.label was renamed to tasks.title; and whether policy tasks.tasks_owner was renamed to tasks.tasks_owner_read.',
    );
    const sql = found[0]!.sql!.split('\n');
    expect(sql).toContain('ALTER TABLE "tasks" DROP COLUMN "label";');
    expect(sql).toContain('ALTER TABLE "tasks" ADD COLUMN "title" text NOT NULL;');
  });
});
