import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf, readJson, writeJson } from '../../helpers/project.js';

describe('snapshot-missing', () => {
  it('warns for a missing snapshot in the middle of the history', async () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle/meta/0001_snapshot.json'));
    const findings = await findingsOf(dir, 'integrity');
    // 0002's prevId now points at no snapshot: the chain is broken as well.
    expect(findings.map((f) => [f.ruleId, f.severity, f.migration])).toEqual([
      ['snapshot-missing', 'warning', '0001_add_due_date'],
      ['snapshot-chain-broken', 'warning', '0002_add_status_done'],
    ]);
  });

  it('is an error for the newest migration: the next generate would emit its changes again', async () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle/meta/0002_snapshot.json'));
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'snapshot-missing', severity: 'error', migration: '0002_add_status_done' })]);
  });

  it('with prefix "none", is silent while there is one migration (its snapshot is still the one to diff against)', async () => {
    // fixtures/pg-prefix-none without its second migration: one migration, one meta/_snapshot.json written for it.
    const dir = copyFixture('pg-prefix-none');
    fs.rmSync(path.join(dir, 'drizzle/_add_due_date.sql'));
    const file = path.join(dir, 'drizzle/meta/_journal.json');
    const journal = readJson(file);
    journal.entries.pop();
    writeJson(file, journal);
    expect(await findingsOf(dir, 'integrity')).toEqual([]);
  });
});
