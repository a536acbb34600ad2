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

  it('is silent on drizzle-kit output', async () => {
    expect(await findingsOf(copyFixture('pg-clean'), 'integrity')).toEqual([]);
  });
});
