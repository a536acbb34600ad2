// drop-column with --base, end to end: the last step of expand/contract generated in a pull request after an
// earlier, merged one removed the column from the TypeScript schema only (vercel/ai-chatbot: lastContext left
// lib/db/schema.ts in 7942e970, its DROP COLUMN came a month later in 9d5d8a3e). The history is built in git
// from fixtures/lint-pg-contract (real drizzle-kit output); the base's schema is loaded by the real worker.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { ROOT, commitAll, copyFixture, git, options, readJson, writeJson } from '../helpers/project.js';
import { compiledWorkerSuite } from '../drift/worker-build.js';

const temp = compiledWorkerSuite();

const DROP = 'drizzle/0001_drop_legacy.sql';

/**
 * A repository whose base commit has migration 0000 only (its snapshot still holds users.legacy) and
 * `baseSchema` as schema.ts; HEAD adds the generated 0001 that drops the column, with the final schema.
 */
function history(baseSchema: string, appendToDrop = ''): { dir: string; base: string } {
  const dir = copyFixture('lint-pg-contract');
  temp.push(dir);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  const finalSchema = fs.readFileSync(path.join(dir, 'schema.ts'), 'utf8');
  const journalFile = path.join(dir, 'drizzle/meta/_journal.json');
  const journal = readJson(journalFile);
  const held = [DROP, 'drizzle/meta/0001_snapshot.json'].map((f) => [f, fs.readFileSync(path.join(dir, f))] as const);
  for (const [f] of held) fs.rmSync(path.join(dir, f));
  writeJson(journalFile, { ...journal, entries: journal.entries.slice(0, 1) });
  fs.writeFileSync(path.join(dir, 'schema.ts'), baseSchema);
  const base = commitAll(dir, 'base');
  for (const [f, bytes] of held) fs.writeFileSync(path.join(dir, f), f === DROP ? bytes + appendToDrop : bytes);
  writeJson(journalFile, journal);
  fs.writeFileSync(path.join(dir, 'schema.ts'), finalSchema);
  commitAll(dir, 'generate the drop');
  return { dir, base };
}

const step = (n: string) => fs.readFileSync(path.join(ROOT, 'fixtures/lint-pg-contract/steps', n), 'utf8');

async function check(dir: string, base: string, extra = {}) {
  const report = await runCheck(options(dir, { base, lint: true, drift: true, ...extra }));
  return { report, drops: report.findings.filter((f) => f.ruleId === 'drop-column') };
}

const baseCopies = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('drizzle-guard-base-')));

describe('drop-column against the base commit', () => {
  it("is a warning saying why when the base's TypeScript schema no longer declares the column", async () => {
    // steps/02.ts is the schema without users.legacy: the earlier change removed it, no migration dropped it.
    const { dir, base } = history(step('02.ts'));
    const before = baseCopies();
    const { report, drops } = await check(dir, base);
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ severity: 'warning', file: DROP, line: 1, migration: '0001_drop_legacy' });
    expect(drops[0]!.message).toContain(`Column "legacy" of "users" is dropped: the TypeScript schema at the base ${base} no longer declares it`);
    expect(drops[0]!.message).toContain("so the base's snapshot still has it");
    expect(drops[0]!.message).toContain('the code running at the base does not read or write it');
    // Nothing else: the schema matches 0001's snapshot, and a warning fails nothing.
    expect(report.findings.filter((f) => f.severity !== 'info')).toHaveLength(1);
    expect(report.exitCode).toBe(0);
    // The base's files were copied to a temporary folder outside the repository, and it is gone.
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect([...baseCopies()].filter((n) => !before.has(n))).toEqual([]);
  });

  it('stays an error when the base still declares the column (the pull request removes it and drops it at once)', async () => {
    const { dir, base } = history(step('01.ts'));
    const { report, drops } = await check(dir, base);
    expect(drops.map((f) => [f.severity, f.message])).toEqual([['error', 'Column "legacy" of "users" is dropped: its data is lost and code still using it breaks.']]);
    expect(report.exitCode).toBe(5);
    expect(report.notes.join('\n')).not.toContain('was not checked');
  });

  it('stays an error for a column renamed earlier in the migration: the data dropped is the old column\'s', async () => {
    // Lines: 1 drops legacy, 2 a breakpoint, 3 the rename, 4 the drop. The base's schema has users.name and no
    // users.nickname; dropping nickname loses name's data.
    const renameThenDrop = '\n--> statement-breakpoint\nALTER TABLE "users" RENAME COLUMN "name" TO "nickname";--> statement-breakpoint\nALTER TABLE "users" DROP COLUMN "nickname";';
    const { dir, base } = history(step('02.ts'), renameThenDrop);
    const { drops } = await check(dir, base);
    expect(drops.map((f) => [f.severity, f.line])).toEqual([
      ['warning', 1],
      ['error', 4],
    ]);
  });

  it("keeps the error and says why when the base's schema cannot be loaded", async () => {
    const { dir, base } = history(`${step('02.ts')}\nthrow new Error('POSTGRES_URL is not set');\n`);
    const { report, drops } = await check(dir, base);
    expect(drops.map((f) => f.severity)).toEqual(['error']);
    expect(report.exitCode).toBe(5);
    const note = report.notes.find((n) => n.startsWith('drop-column:'));
    expect(note).toContain('whether the TypeScript schema at the base still declares "users"."legacy" was not checked, so the error stands');
    expect(note).toContain('POSTGRES_URL is not set');
    expect(note).not.toContain(os.tmpdir());
  });

  it('keeps the error with --no-drift, which loads no TypeScript schema', async () => {
    const { dir, base } = history(step('02.ts'));
    const { report, drops } = await check(dir, base, { drift: false });
    expect(drops.map((f) => f.severity)).toEqual(['error']);
    expect(report.notes.find((n) => n.startsWith('drop-column:'))).toContain('with --no-drift no TypeScript schema is loaded');
  });
});
