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

const integrity = async (idx: number[]) => (await findingsOf(withIdx(idx), 'integrity')).map((f) => [f.ruleId, f.severity, f.migration, f.message]);

describe('journal-idx-sequence', () => {
  it('reports a gap, naming the missing idx', async () => {
    // pg-clean's entries 0000, 0001, 0002 renumbered 0, 1, 3: a jump after 1, and 0002's tag prefix disagrees.
    expect(await integrity([0, 1, 3])).toEqual([
      ['journal-idx-sequence', 'warning', '0002_add_status_done', 'journal idx jumps from 1 to 3 (0002_add_status_done): idx 2 is missing, a migration was probably deleted'],
      ['journal-idx-sequence', 'warning', '0002_add_status_done', '0002_add_status_done has idx 3 but its tag prefix says 2'],
    ]);
  });

  it('names a range of missing idx values', async () => {
    expect((await integrity([0, 1, 4]))[0]![3]).toBe('journal idx jumps from 1 to 4 (0002_add_status_done): idx 2–3 are missing, a migration was probably deleted');
  });

  it('reports a duplicated idx', async () => {
    expect(await integrity([0, 1, 1])).toEqual([
      ['journal-idx-sequence', 'warning', '0002_add_status_done', 'journal idx 1 of 0002_add_status_done is not greater than the previous idx 1: entries were duplicated or reordered by a merge'],
      ['journal-idx-sequence', 'warning', '0002_add_status_done', '0002_add_status_done has idx 1 but its tag prefix says 2'],
    ]);
  });

  it('compares with the highest idx so far, so one stray value is reported once', async () => {
    // 5 is out of order once (0001 jumps from 0 to 5); 0002's idx 2 is then below 5, a reorder.
    expect((await integrity([0, 5, 2])).map(([, , migration, message]) => [migration, message])).toEqual([
      ['0001_add_due_date', 'journal idx jumps from 0 to 5 (0001_add_due_date): idx 1–4 are missing, a migration was probably deleted'],
      ['0001_add_due_date', '0001_add_due_date has idx 5 but its tag prefix says 1'],
      ['0002_add_status_done', 'journal idx 2 of 0002_add_status_done is not greater than the previous idx 5: entries were duplicated or reordered by a merge'],
    ]);
  });

  it('is silent on drizzle-kit\'s own numbering', async () => {
    expect(await integrity([0, 1, 2])).toEqual([]);
  });
});
