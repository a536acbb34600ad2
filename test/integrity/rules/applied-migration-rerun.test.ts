import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, copyFixture, findingsOf, readJson, writeJson } from '../../helpers/project.js';

/** pg-clean with its journal at the base, then the `when` of one merged entry changed in the working tree. */
async function withMovedWhen(tag: string, when: (journal: any) => number) {
  const dir = copyFixture('pg-clean');
  const base = commitAll(dir);
  const file = path.join(dir, 'drizzle/meta/_journal.json');
  const journal = readJson(file);
  const entry = journal.entries.find((e: { tag: string }) => e.tag === tag);
  entry.when = when(journal);
  writeJson(file, journal);
  return (await findingsOf(dir, 'integrity', { base })).map((f) => ({ ruleId: f.ruleId, migration: f.migration, severity: f.severity }));
}

describe('applied-migration-rerun', () => {
  it('reports a merged migration whose when moved after the base branch newest (the migrator runs it again)', async () => {
    // 0000 (the oldest) regenerated: its when now follows 0002's. A database at the base holds 0002's when as its
    // newest created_at, so 0000 runs again there. The journal is also out of order now: 0001 and 0002 are not
    // after 0000 (journal-when-order, one per entry).
    const findings = await withMovedWhen('0000_init', (j) => j.entries[2].when + 60_000);
    expect(findings).toEqual(
      expect.arrayContaining([
        { ruleId: 'applied-migration-rerun', migration: '0000_init', severity: 'error' },
        { ruleId: 'journal-when-order', migration: '0001_add_due_date', severity: 'error' },
        { ruleId: 'journal-when-order', migration: '0002_add_status_done', severity: 'error' },
      ]),
    );
    expect(findings).toHaveLength(3);
  });

  it('reports the newest merged migration moved later (every database at the base runs it again)', async () => {
    const findings = await withMovedWhen('0002_add_status_done', (j) => j.entries[2].when + 1);
    expect(findings).toEqual([{ ruleId: 'applied-migration-rerun', migration: '0002_add_status_done', severity: 'error' }]);
  });

  it('stays silent when the when moved but not past the base newest (the migrator skips it as before)', async () => {
    // 0001 moved 1 ms earlier: still after 0000 and before 0002, so the journal stays in order too.
    expect(await withMovedWhen('0001_add_due_date', (j) => j.entries[1].when - 1)).toEqual([]);
  });
});
