import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf } from '../../helpers/project.js';

describe('journal-invalid', () => {
  it('points at the line of a merge-conflict marker in the journal', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.splice(3, 0, '<<<<<<< HEAD'); // becomes line 4
    fs.writeFileSync(file, lines.join('\n'));
    const [f, ...rest] = await findingsOf(dir, 'integrity');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'journal-invalid', severity: 'error', file: 'drizzle/meta/_journal.json', line: 4, column: 1 });
  });

  it('reports an entry without a tag at that entry', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete journal.entries[1].tag;
    fs.writeFileSync(file, JSON.stringify(journal, null, 2));
    const findings = await findingsOf(dir, 'integrity');
    expect(findings.map((f) => f.ruleId)).toEqual(['journal-invalid']);
    expect(findings[0]!.message).toContain('entry 1: "tag" must be a non-empty string');
  });

  it('reports an empty journal', async () => {
    const dir = copyFixture('pg-clean');
    fs.writeFileSync(path.join(dir, 'drizzle/meta/_journal.json'), '');
    const findings = await findingsOf(dir, 'integrity');
    expect(findings[0]).toMatchObject({ ruleId: 'journal-invalid' });
    expect(findings[0]!.message).toContain('empty');
  });

  it('reports a missing journal when the folder still holds SQL files, on the journal\'s path', async () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle/meta/_journal.json'));
    const findings = await findingsOf(dir, 'integrity');
    // pg-clean has three migrations: their SQL files are now in no journal (each one a file-not-in-journal), and
    // the missing journal itself is the cause, reported once on the path drizzle-kit writes it to.
    expect(findings.map((f) => [f.ruleId, f.file]).sort()).toEqual([
      ['file-not-in-journal', 'drizzle/0000_init.sql'],
      ['file-not-in-journal', 'drizzle/0001_add_due_date.sql'],
      ['file-not-in-journal', 'drizzle/0002_add_status_done.sql'],
      ['journal-invalid', 'drizzle/meta/_journal.json'],
    ]);
    expect(findings.find((f) => f.ruleId === 'journal-invalid')!.message).toBe('drizzle/meta/_journal.json is missing but the folder holds 3 SQL file(s): none of them will ever run');
  });

  it('is silent on a folder with neither a journal nor SQL files (nothing generated yet)', async () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'drizzle/meta'), { recursive: true });
    expect((await findingsOf(dir, 'integrity')).map((f) => f.ruleId)).toEqual([]);
  });

  it('is silent on drizzle-kit output', async () => {
    expect(await findingsOf(copyFixture('pg-clean'), 'integrity')).toEqual([]);
  });
});
