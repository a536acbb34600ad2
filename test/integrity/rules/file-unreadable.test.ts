import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, copyFixture, findingsOf } from '../../helpers/project.js';

describe('file-unreadable', () => {
  it('reports a binary migration file', async () => {
    const dir = copyFixture('pg-clean');
    fs.writeFileSync(path.join(dir, 'drizzle/0001_add_due_date.sql'), Buffer.from([0x41, 0x00, 0x42]));
    expect(await findingsOf(dir, 'integrity')).toEqual([
      expect.objectContaining({ ruleId: 'file-unreadable', severity: 'error', file: 'drizzle/0001_add_due_date.sql' }),
    ]);
  });

  it('does not follow a symlink leading outside the repository', async () => {
    const dir = copyFixture('pg-clean');
    commitAll(dir);
    const secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dg-outside-')), 'secret.sql');
    fs.writeFileSync(secret, 'SELECT 1;');
    fs.rmSync(path.join(dir, 'drizzle/0001_add_due_date.sql'));
    fs.symlinkSync(secret, path.join(dir, 'drizzle/0001_add_due_date.sql'));
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'file-unreadable', file: 'drizzle/0001_add_due_date.sql' })]);
    expect(findings[0]!.message).toContain('symlink leading outside the repository');
  });
});
