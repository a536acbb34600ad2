// Drift the base already had does not fail a pull request that did not cause it (kaneo 23f8bf4f05 failed on
// the drift its previous PR left). Built in git from fixtures/lint-pg-contract (real drizzle-kit output: the
// schema matches its last snapshot); the base's schema is loaded by the real worker from the base commit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { ROOT, commitAll, copyFixture, options } from '../helpers/project.js';
import { compiledWorkerSuite } from './worker-build.js';

const temp = compiledWorkerSuite();

/** The fixture with a column added to the schema and no migration generated for it, committed as the base. */
function driftingBase(): { dir: string; base: string; schema: string } {
  const dir = copyFixture('lint-pg-contract');
  temp.push(dir);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  const schema = path.join(dir, 'schema.ts');
  fs.writeFileSync(schema, fs.readFileSync(schema, 'utf8').replace("name: text('name'),", "name: text('name'),\n  email: text('email'),"));
  return { dir, base: commitAll(dir, 'base with drift'), schema };
}

const driftOf = async (dir: string, base: string) => {
  const report = await runCheck(options(dir, { base, drift: true }));
  return { report, drift: report.findings.filter((f) => f.ruleId === 'schema-drift') };
};

describe('schema drift against the base', () => {
  it('is one severity lower when the base had exactly the same drift', async () => {
    const { dir, base } = driftingBase();
    fs.writeFileSync(path.join(dir, 'README.md'), 'unrelated change\n');
    commitAll(dir, 'unrelated');
    const { report, drift } = await driftOf(dir, base);
    expect(drift).toEqual([
      expect.objectContaining({ severity: 'warning', preExisting: true, sql: 'ALTER TABLE "users" ADD COLUMN "email" text;', message: expect.stringContaining('(already present at the base)') }),
    ]);
    expect(report.exitCode).toBe(0);
  });

  it('stays an error when the pull request adds drift of its own', async () => {
    const { dir, base, schema } = driftingBase();
    fs.writeFileSync(schema, fs.readFileSync(schema, 'utf8').replace("email: text('email'),", "email: text('email'),\n  nickname: text('nickname'),"));
    commitAll(dir, 'more drift');
    const { report, drift } = await driftOf(dir, base);
    expect(drift).toEqual([expect.objectContaining({ severity: 'error', sql: 'ALTER TABLE "users" ADD COLUMN "email" text;\nALTER TABLE "users" ADD COLUMN "nickname" text;' })]);
    expect(drift[0]!.preExisting).toBeUndefined();
    expect(report.exitCode).toBe(1);
  });
});
