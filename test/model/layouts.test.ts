import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { copyFixture, FIXTURES, options, readJson, writeJson } from '../helpers/project.js';

/** fixtures/pg-folders: drizzle-kit 1.0.0-rc.5's folder layout, three migrations in a line (see its fixture.json). */
const FOLDERS = fs.readdirSync(path.join(FIXTURES, 'pg-folders/drizzle')).sort();

describe('migration folder layouts', () => {
  it('reads drizzle-kit output with prefix timestamp without findings', async () => {
    const report = await runCheck(options(path.join(FIXTURES, 'pg-prefix-timestamp')));
    expect(report.findings).toEqual([]);
    expect(report.migrations.map((m) => m.statements)).toEqual([5, 1]);
  });

  it('reports prefix none, whose ignored _snapshot.json made drizzle-kit emit the whole schema twice', async () => {
    const report = await runCheck(options(path.join(FIXTURES, 'pg-prefix-none')));
    // The real second migration re-creates the enum, both tables, the FK and the index.
    expect(report.migrations.map((m) => [m.tag, m.statements])).toEqual([
      ['_init', 5],
      ['_add_due_date', 5],
    ]);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'snapshot-missing', severity: 'error', migration: '_add_due_date' })]);
  });

  it('reads drizzle-kit 1.x folders (no journal) without findings, integrity and lint', async () => {
    const report = await runCheck(options(path.join(FIXTURES, 'pg-folders'), { lint: true }));
    expect(report.findings).toEqual([]);
    // Folder names start with drizzle-kit's timestamp, so their order is the history's; the SQL files hold one
    // CREATE TABLE, then CREATE TABLE + ADD CONSTRAINT (a breakpoint between them), then one ADD COLUMN.
    expect(FOLDERS).toHaveLength(3);
    expect(report.migrations.map((m) => [m.tag, m.file, m.statements])).toEqual([
      [FOLDERS[0], `drizzle/${FOLDERS[0]}/migration.sql`, 1],
      [FOLDERS[1], `drizzle/${FOLDERS[1]}/migration.sql`, 2],
      [FOLDERS[2], `drizzle/${FOLDERS[2]}/migration.sql`, 1],
    ]);
  });

  it('reports two unmerged heads of a 1.x history as snapshot-chain-fork, and is silent once a migration merges them', async () => {
    const dir = copyFixture('pg-folders');
    const drizzle = path.join(dir, 'drizzle');
    const [, second, third] = FOLDERS as [string, string, string];
    // Another branch generated its own third migration from the same second one: same prevIds, its own id.
    // The copy's name sorts after the original's, so the original is the first head and the copy the second.
    const other = `${third.slice(0, 14)}_zz_other_branch`;
    expect(other > third).toBe(true);
    fs.cpSync(path.join(drizzle, third), path.join(drizzle, other), { recursive: true });
    const otherSnapshot = readJson(path.join(drizzle, other, 'snapshot.json'));
    expect(otherSnapshot.prevIds).toEqual([readJson(path.join(drizzle, second, 'snapshot.json')).id]);
    otherSnapshot.id = '11111111-2222-4333-8444-555555555555';
    writeJson(path.join(drizzle, other, 'snapshot.json'), otherSnapshot);

    const forked = await runCheck(options(dir));
    expect(forked.findings.map((f) => [f.ruleId, f.severity, f.file, f.migration])).toEqual([
      ['snapshot-chain-fork', 'error', `drizzle/${other}/snapshot.json`, other],
    ]);
    expect(forked.findings[0]!.message).toContain(`besides drizzle/${third}/snapshot.json`);

    // drizzle-kit 1.x resolves such a fork with a migration whose prevIds name both heads: one head again.
    const merge = `${third.slice(0, 13)}9_merge`;
    fs.cpSync(path.join(drizzle, other), path.join(drizzle, merge), { recursive: true });
    fs.writeFileSync(path.join(drizzle, merge, 'migration.sql'), 'SELECT 1;');
    writeJson(path.join(drizzle, merge, 'snapshot.json'), {
      ...otherSnapshot,
      id: '99999999-2222-4333-8444-555555555555',
      prevIds: [readJson(path.join(drizzle, third, 'snapshot.json')).id, otherSnapshot.id],
    });
    expect((await runCheck(options(dir))).findings).toEqual([]);
  });

  it('skips drift on 1.x folders when the project has no drizzle-kit 1.x, saying why', async () => {
    // Only drizzle-kit 1.x can replay its diff snapshots; the copy sits in the temp folder, with no node_modules
    // above it, so no drizzle-kit is found (test/drift/kit1.test.ts runs drift with a 1.x kit).
    const report = await runCheck(options(copyFixture('pg-folders'), { drift: true }));
    expect(report.findings).toEqual([]);
    expect(report.categories.drift).toBe('skipped');
    expect(report.notes).toContain(
      "drift: the migrations use drizzle-kit 1.0's folder layout, which needs drizzle-kit 1.x installed in the project to rebuild the latest schema (found no drizzle-kit); run npm ci before this step",
    );
  });
});
