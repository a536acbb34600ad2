import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf } from '../../helpers/project.js';

describe('file-not-in-journal', () => {
  it('reports a SQL file the journal does not list', async () => {
    const findings = await findingsOf(path.join(copyFixture('pg-broken')), 'integrity');
    expect(findings.filter((f) => f.ruleId === 'file-not-in-journal')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'drizzle/0001_other_branch.sql', line: 1, migration: '0001_other_branch' }),
    ]);
  });

  it('ignores non-SQL files and the journal backup beside the migrations', async () => {
    const dir = copyFixture('pg-clean');
    fs.writeFileSync(path.join(dir, 'drizzle/0003_backfill.ts'), 'export {};\n');
    fs.copyFileSync(path.join(dir, 'drizzle/meta/_journal.json'), path.join(dir, 'drizzle/meta/_journal.json.backup'));
    expect(await findingsOf(dir, 'integrity')).toEqual([]);
  });
});
