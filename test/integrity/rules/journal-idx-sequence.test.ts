import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf, readJson, writeJson } from '../../helpers/project.js';

function withIdx(idx: number[]): string {
  const dir = copyFixture('pg-clean');
  const file = path.join(dir, 'drizzle/meta/_journal.json');
  const journal = readJson(file);
  journal.entries.forEach((e: { idx: number }, i: number) => (e.idx = idx[i]!));
  writeJson(file, journal);
  return dir;
}

describe('journal-idx-sequence', () => {
  it('reports a gap, naming the missing idx', async () => {
    const findings = await findingsOf(withIdx([0, 1, 3]), 'integrity');
    const gap = findings.filter((f) => f.ruleId === 'journal-idx-sequence');
    expect(gap[0]).toMatchObject({ severity: 'warning', migration: '0002_add_status_done' });
    expect(gap[0]!.message).toContain('idx 2 is missing');
    // 0002_add_status_done now also disagrees with its tag prefix.
    expect(gap.map((f) => f.message)).toContain('0002_add_status_done has idx 3 but its tag prefix says 2');
  });

  it('reports a duplicated idx', async () => {
    const findings = await findingsOf(withIdx([0, 1, 1]), 'integrity');
    expect(findings.some((f) => f.ruleId === 'journal-idx-sequence' && f.message.includes('not greater than the previous idx 1'))).toBe(true);
  });
});
