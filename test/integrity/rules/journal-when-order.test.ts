import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, copyFixture, findingsOf, readJson, writeJson } from '../../helpers/project.js';

describe('journal-when-order', () => {
  it('reports an entry whose when is not after an earlier one', async () => {
    const findings = await findingsOf(copyFixture('pg-broken'), 'integrity');
    const order = findings.filter((f) => f.ruleId === 'journal-when-order');
    expect(order).toHaveLength(1);
    expect(order[0]).toMatchObject({ severity: 'error', migration: '0001_add_due_date', file: 'drizzle/meta/_journal.json' });
    expect(order[0]!.message).toContain('will silently skip 0001_add_due_date');
  });

  it('treats equal when values as out of order (the migrator compares with <)', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = readJson(file);
    journal.entries[2].when = journal.entries[1].when;
    writeJson(file, journal);
    expect((await findingsOf(dir, 'integrity')).map((f) => f.ruleId)).toEqual(['journal-when-order']);
  });

  it("reports a new migration whose when is not after the base branch's newest", async () => {
    // Base has 0000–0002. The PR branch, cut before 0002 was merged, generated its own 0002 earlier:
    // its journal is in order, but production (at base) already recorded a newer created_at.
    const dir = copyFixture('pg-clean');
    const base = commitAll(dir);
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = readJson(file);
    const entry = journal.entries[2];
    fs.rmSync(path.join(dir, 'drizzle/0002_add_status_done.sql'));
    fs.writeFileSync(path.join(dir, 'drizzle/0002_pr_change.sql'), 'ALTER TABLE "tasks" ADD COLUMN "note" text;');
    Object.assign(entry, { tag: '0002_pr_change', when: journal.entries[1].when + 1 });
    writeJson(file, journal);
    const findings = (await findingsOf(dir, 'integrity', { base })).filter((f) => f.ruleId === 'journal-when-order');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', migration: '0002_pr_change' });
    expect(findings[0]!.message).toContain("not after the base branch's newest 0002_add_status_done");
  });

  it('shows a when that is no date as the number it is', async () => {
    // -1e16 ms is beyond the range of a JavaScript date (±8.64e15): the message keeps the raw value.
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = readJson(file);
    journal.entries[2].when = -1e16;
    writeJson(file, journal);
    const [finding, ...rest] = await findingsOf(dir, 'integrity');
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      `"when" of 0002_add_status_done (-10000000000000000) is not after 0001_add_due_date (${new Date(journal.entries[1].when).toISOString()}): every database that ran 0001_add_due_date will silently skip 0002_add_status_done`,
    );
  });

  it('reports a new migration both out of order and behind the base once', async () => {
    // The PR's new 0003 gets the when of 0001: before 0002 in its own journal and before the base's newest.
    const dir = copyFixture('pg-clean');
    const base = commitAll(dir);
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = readJson(file);
    journal.entries.push({ ...journal.entries[2], idx: 3, tag: '0003_pr_change', when: journal.entries[1].when });
    writeJson(file, journal);
    fs.writeFileSync(path.join(dir, 'drizzle/0003_pr_change.sql'), 'ALTER TABLE "tasks" ADD COLUMN "note" text;');
    fs.copyFileSync(path.join(dir, 'drizzle/meta/0002_snapshot.json'), path.join(dir, 'drizzle/meta/0003_snapshot.json'));
    const order = (await findingsOf(dir, 'integrity', { base })).filter((f) => f.ruleId === 'journal-when-order');
    expect(order.map((f) => [f.migration, f.severity])).toEqual([['0003_pr_change', 'error']]);
    expect(order[0]!.message).toContain('is not after 0002_add_status_done');
  });
});
