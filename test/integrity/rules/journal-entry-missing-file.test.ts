import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf } from '../../helpers/project.js';

describe('journal-entry-missing-file', () => {
  it('reports a journaled migration whose SQL file is gone, at its journal entry', async () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle/0001_add_due_date.sql'));
    const journalLines = fs.readFileSync(path.join(dir, 'drizzle/meta/_journal.json'), 'utf8').split('\n');
    const tagLine = journalLines.findIndex((l) => l.includes('"tag": "0001_add_due_date"')) + 1;
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'journal-entry-missing-file',
      severity: 'error',
      file: 'drizzle/meta/_journal.json',
      line: tagLine,
      migration: '0001_add_due_date',
    });
  });
});
