import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf } from '../../helpers/project.js';

const MiB = 1024 * 1024;

describe('file-too-large', () => {
  it('does not read a SQL file one byte over 16 MiB, and names the size and the limit', async () => {
    const dir = copyFixture('pg-clean');
    // A sparse file: its size is what counts, and it is never read.
    fs.truncateSync(path.join(dir, 'drizzle/0001_add_due_date.sql'), 16 * MiB + 1);
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'file-too-large', severity: 'error', file: 'drizzle/0001_add_due_date.sql', migration: '0001_add_due_date' })]);
    expect(findings[0]!.message).toContain(`${16 * MiB + 1} bytes`);
    expect(findings[0]!.message).toContain('over the 16 MiB limit');
  });

  it('reads a SQL file of exactly 16 MiB', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/0001_add_due_date.sql');
    const sql = fs.readFileSync(file, 'utf8');
    // The real SQL padded with spaces (which change no statement) to the limit.
    fs.writeFileSync(file, sql + ' '.repeat(16 * MiB - Buffer.byteLength(sql)));
    expect(await findingsOf(dir, 'integrity')).toEqual([]);
  });

  it('does not read a journal over 16 MiB or a snapshot over 64 MiB', async () => {
    const dir = copyFixture('pg-clean');
    fs.truncateSync(path.join(dir, 'drizzle/meta/_journal.json'), 16 * MiB + 1);
    fs.truncateSync(path.join(dir, 'drizzle/meta/0001_snapshot.json'), 64 * MiB + 1);
    const findings = await findingsOf(dir, 'integrity');
    expect(findings.map((f) => `${f.ruleId} ${f.file}`).sort()).toEqual([
      'file-too-large drizzle/meta/0001_snapshot.json',
      'file-too-large drizzle/meta/_journal.json',
    ]);
  });
});
