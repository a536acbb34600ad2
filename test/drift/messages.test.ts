// What drift findings tell the user: a fix that can work (where the command is printed, with the
// project's package manager) and, for drift no regeneration can fix, the column and the real fix.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { commitAll, FIXTURES, options, ROOT } from '../helpers/project.js';
import { useCompiledWorker } from './worker-build.js';

let dropWorker: () => void;
beforeAll(async () => {
  dropWorker = await useCompiledWorker();
});
afterAll(() => dropWorker());

/** drift-pg (real drizzle-kit output) at `sub` inside a fresh repository root holding `rootFiles`. */
function repoWithProject(sub: string, rootFiles: Record<string, string> = {}): { root: string; dir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-mono-'));
  const dir = path.join(root, sub);
  fs.cpSync(path.join(FIXTURES, 'drift-pg'), dir, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(rootFiles)) fs.writeFileSync(path.join(root, name), text);
  commitAll(root);
  return { root, dir };
}

function addColumn(dir: string, column: string): void {
  const file = path.join(dir, 'schema.ts');
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace("label: text('label').notNull(),", `label: text('label').notNull(),\n  ${column}`);
  expect(next).not.toBe(text);
  fs.writeFileSync(file, next);
}

describe('drift fix commands', () => {
  it('run from the repository root: cd into the project, with the package manager of the lock file, no absolute path', async () => {
    const { root, dir } = repoWithProject('packages/db', { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" });
    addColumn(dir, "note: text('note'),");
    const report = await runCheck(options(dir, { drift: true }));
    const [finding] = report.findings.filter((f) => f.ruleId === 'schema-drift');
    expect(finding!.help).toContain('Run `cd packages/db && pnpm drizzle-kit generate` locally');
    expect(JSON.stringify(report)).not.toContain(root);
  });
});

describe('drift regenerating cannot fix', () => {
  it('names the table and column whose default is computed when the schema loads, and the fix', async () => {
    const { dir } = repoWithProject('.');
    // A new value on every load, as `.default(randomid())` in srcbook: every generate writes a new default.
    addColumn(dir, "token: text('token').default(Math.random().toString(36)),");
    const report = await runCheck(options(dir, { drift: true }));
    const [finding] = report.findings.filter((f) => f.ruleId === 'schema-drift');
    expect(finding!.message).toContain('the default of tasks.token is computed when the schema loads');
    expect(finding!.help).toContain('.$defaultFn(() => …)');
  });
});
