import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingsOf, readJson, writeJson } from '../../helpers/project.js';

describe('snapshot-chain-broken', () => {
  it('reports a prevId that no snapshot has, at the prevId line', async () => {
    const dir = copyFixture('pg-clean');
    const file = path.join(dir, 'drizzle/meta/0002_snapshot.json');
    const snapshot = readJson(file);
    snapshot.prevId = '9c5c2b2e-0000-4000-8000-000000000000';
    writeJson(file, snapshot);
    const prevIdLine = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"prevId"')) + 1;
    const findings = await findingsOf(dir, 'integrity');
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'snapshot-chain-broken', severity: 'warning', file: 'drizzle/meta/0002_snapshot.json', line: prevIdLine }),
    ]);
  });
});

describe('snapshot-chain-fork', () => {
  it('reports two snapshots following the same parent', async () => {
    const findings = await findingsOf(copyFixture('pg-broken'), 'integrity');
    // 0001b_snapshot.json is 0001_snapshot.json with a new id (pg-broken's postprocess.mjs): both follow 0000's id.
    // The one sorting second is reported, at its "prevId" key (line 3), naming the first.
    expect(findings.filter((f) => f.ruleId === 'snapshot-chain-fork')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'drizzle/meta/0001b_snapshot.json', line: 3, column: 3 }),
    ]);
    expect(findings.find((f) => f.ruleId === 'snapshot-chain-fork')!.message).toBe(
      'follows snapshot 34c4782a-951a-4ced-a668-068b95a89748, as drizzle/meta/0001_snapshot.json does: the history forked',
    );
  });
});

describe('snapshot-duplicate-id', () => {
  it('reports a copied snapshot', async () => {
    const dir = copyFixture('pg-clean');
    // Copy 0001's snapshot over 0002's, as a hand-resolved merge does: same id, and 0002's parent is now 0000.
    fs.copyFileSync(path.join(dir, 'drizzle/meta/0001_snapshot.json'), path.join(dir, 'drizzle/meta/0002_snapshot.json'));
    // Both snapshots now follow 0000 with the same id: one state, not a fork; the second file is the duplicate.
    expect((await findingsOf(dir, 'integrity')).map((f) => [f.ruleId, f.file])).toEqual([['snapshot-duplicate-id', 'drizzle/meta/0002_snapshot.json']]);
  });
});
