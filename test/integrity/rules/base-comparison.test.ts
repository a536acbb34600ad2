import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/engine.js';
import { commitAll, copyFixture, findingsOf, git, options } from '../../helpers/project.js';

describe('migration-modified', () => {
  it('reports an edit to a migration that exists at the base', async () => {
    const dir = copyFixture('pg-clean');
    const base = commitAll(dir);
    fs.appendFileSync(path.join(dir, 'drizzle/0001_add_due_date.sql'), '--> statement-breakpoint\nUPDATE "tasks" SET "due_date" = now();');
    const findings = await findingsOf(dir, 'integrity', { base });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'migration-modified', severity: 'error', file: 'drizzle/0001_add_due_date.sql', line: 1 })]);
    // The message names the base by its short sha, so a reviewer can look the original up.
    expect(findings[0]!.message).toBe(
      `changed after it was merged (base ${base.slice(0, 12)}): databases that already applied 0001_add_due_date will never run the change`,
    );
  });

  it('reports an edit of white space or comments only as a warning that says so', async () => {
    // Editors add a final newline; a comment changes nothing a database runs either. The statements (and
    // their breakpoints) are the same, so no database diverges: a warning, not an error.
    for (const edit of ['\n', '\n-- reviewed by the DBA\n']) {
      const dir = copyFixture('pg-clean');
      const base = commitAll(dir);
      fs.appendFileSync(path.join(dir, 'drizzle/0001_add_due_date.sql'), edit);
      const findings = await findingsOf(dir, 'integrity', { base });
      expect(findings).toEqual([expect.objectContaining({ ruleId: 'migration-modified', severity: 'warning', file: 'drizzle/0001_add_due_date.sql' })]);
      expect(findings[0]!.message).toContain('only in white space or comments');
    }
  });

  it('treats a migration the base had only as an unjournaled file as new: linted, never migration-modified (srcbook #493)', async () => {
    const dir = copyFixture('pg-clean');
    // At the base, 0003 exists but is not in the journal: drizzle's migrator never ran it anywhere.
    const orphan = path.join(dir, 'drizzle/0003_drop_due_date.sql');
    fs.writeFileSync(orphan, 'ALTER TABLE "tasks" DROP COLUMN "due_date";');
    const base = commitAll(dir);
    // The PR journals it (and touches the file).
    fs.appendFileSync(orphan, '\n');
    const journalFile = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries.push({ idx: 3, version: '7', when: journal.entries[2].when + 1000, tag: '0003_drop_due_date', breakpoints: true });
    fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    const report = await runCheck(options(dir, { base, lint: true }));
    expect(report.migrations.find((m) => m.tag === '0003_drop_due_date')).toMatchObject({ new: true });
    expect(report.findings.map((f) => f.ruleId)).not.toContain('migration-modified');
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'drop-column', file: 'drizzle/0003_drop_due_date.sql' }));
    expect(report.exitCode).not.toBe(0);
  });

  it('stays silent without an edit', async () => {
    const dir = copyFixture('pg-clean');
    expect(await findingsOf(dir, 'integrity', { base: commitAll(dir) })).toEqual([]);
  });
});

describe('migration-deleted', () => {
  it('reports a migration removed since the base (with its journal entry)', async () => {
    const dir = copyFixture('pg-clean');
    const base = commitAll(dir);
    fs.rmSync(path.join(dir, 'drizzle/0002_add_status_done.sql'));
    fs.rmSync(path.join(dir, 'drizzle/meta/0002_snapshot.json'));
    const journalFile = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries.pop();
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const findings = await findingsOf(dir, 'integrity', { base });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'migration-deleted', severity: 'error', file: 'drizzle/0002_add_status_done.sql', migration: '0002_add_status_done' })]);
  });
});

describe('migration-deleted (drizzle-kit 1.x folders)', () => {
  it('names a deleted folder migration by its folder, the name drizzle records it under', async () => {
    const dir = copyFixture('pg-folders');
    const base = commitAll(dir);
    const newest = fs.readdirSync(path.join(dir, 'drizzle')).sort().at(-1)!;
    // The newest folder goes with its snapshot: what is left is a consistent two-migration history.
    fs.rmSync(path.join(dir, 'drizzle', newest), { recursive: true });
    const findings = await findingsOf(dir, 'integrity', { base });
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.migration])).toEqual([
      ['migration-deleted', 'error', `drizzle/${newest}/migration.sql`, newest],
    ]);
  });
});

describe('--base', () => {
  it('marks only migrations added since the base as new', async () => {
    const dir = copyFixture('pg-clean');
    const base = commitAll(dir);
    fs.writeFileSync(path.join(dir, 'drizzle/0003_extra.sql'), 'SELECT 1;');
    const report = await runCheck(options(dir, { base }));
    expect(report.migrations.map((m) => [m.tag, m.new])).toEqual([
      ['0000_init', false],
      ['0001_add_due_date', false],
      ['0002_add_status_done', false],
    ]);
    // The unjournaled file is the PR's own defect: full severity.
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'file-not-in-journal', severity: 'error' })]);
  });

  it('reports a defect already present at the base one severity lower', async () => {
    const dir = copyFixture('pg-broken');
    const base = commitAll(dir);
    const report = await runCheck(options(dir, { base }));
    // pg-broken's three integrity errors (see its postprocess.mjs), all committed at the base: each a warning now.
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.severity]).sort()).toEqual([
      ['file-not-in-journal', 'drizzle/0001_other_branch.sql', 1, 'warning'],
      ['journal-when-order', 'drizzle/meta/_journal.json', 16, 'warning'],
      ['snapshot-chain-fork', 'drizzle/meta/0001b_snapshot.json', 3, 'warning'],
    ]);
    expect(report.findings.every((f) => f.message.endsWith('(already present at the base)'))).toBe(true);
    expect(report.exitCode).toBe(0);
  });

  it('is a configuration error naming the fetch command when the commit is missing', async () => {
    const dir = copyFixture('pg-clean');
    commitAll(dir);
    const report = await runCheck(options(dir, { base: 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef' }));
    expect(report.exitCode).toBe(4);
    expect(report.findings[0]!.message).toContain('git fetch --depth=1 origin deadbeefdeadbeefdeadbeefdeadbeefdeadbeef');
  });
});

describe('--base in a shallow clone', () => {
  it('works when only the base commit was fetched, as actions/checkout leaves it', async () => {
    const origin = copyFixture('pg-clean');
    const base = commitAll(origin);
    fs.appendFileSync(path.join(origin, 'drizzle/0001_add_due_date.sql'), '--> statement-breakpoint\nSELECT 1;');
    commitAll(origin, 'pr');
    const clone = fs.mkdtempSync(path.join(path.dirname(origin), 'dg-shallow-'));
    git(clone, 'clone', '-q', '--depth=1', `file://${origin}`, '.');
    const missing = await runCheck(options(clone, { base }));
    expect(missing.exitCode).toBe(4);
    git(clone, 'fetch', '-q', '--depth=1', 'origin', base);
    const findings = await findingsOf(clone, 'integrity', { base });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'migration-modified', file: 'drizzle/0001_add_due_date.sql' })]);
  });
});
