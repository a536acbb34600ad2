// Every defect SOURCES.md lists for the real corpora is found; the consistent folders have no integrity error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import type { Finding } from '../../src/findings.js';
import type { Dialect } from '../../src/model/types.js';
import { CORPORA, options } from '../helpers/project.js';

async function integrity(corpus: string, out: string, dialect: Dialect): Promise<{ findings: Finding[]; migrations: number }> {
  const report = await runCheck(options(path.join(CORPORA, corpus), { out, dialect }));
  expect(report.categories.config).toBe('pass');
  return { findings: report.findings.filter((f) => f.category === 'integrity'), migrations: report.migrations.length };
}

const basenames = (findings: Finding[], ruleId: string) =>
  findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => path.posix.basename(f.file!))
    .sort();

describe('simstudioai__sim', async () => {
  const out = 'packages/db/migrations';
  const { findings, migrations } = await integrity('simstudioai__sim', out, 'postgresql');

  it('reads all 298 journal entries', () => expect(migrations).toBe(298));

  it('finds the unjournaled 0091_backfill_user_stats.sql', () => {
    expect(findings.filter((f) => f.ruleId === 'file-not-in-journal')).toEqual([
      expect.objectContaining({ severity: 'error', file: `${out}/0091_backfill_user_stats.sql` }),
    ]);
  });

  it('finds the missing idx 29', () => {
    expect(findings.filter((f) => f.ruleId === 'journal-idx-sequence').map((f) => f.message)).toEqual([
      expect.stringContaining('jumps from 28 to 30 (0030_happy_joseph): idx 29 is missing'),
    ]);
  });

  it('finds the missing 0207 snapshot', () => {
    expect(findings.filter((f) => f.ruleId === 'snapshot-missing').map((f) => f.migration)).toEqual(['0207_colorful_secret_warriors']);
  });

  it('finds exactly the broken chains at 0009, 0030, 0041 and 0101', () => {
    expect(basenames(findings, 'snapshot-chain-broken')).toEqual(['0009_snapshot.json', '0030_snapshot.json', '0041_snapshot.json', '0101_snapshot.json']);
  });

  it('accepts the old root snapshot and the hand-set round when values', () => {
    expect(findings.filter((f) => ['snapshot-invalid', 'snapshot-chain-fork', 'snapshot-duplicate-id', 'journal-when-order'].includes(f.ruleId))).toEqual([]);
  });
});

describe('Dokploy__dokploy', async () => {
  const out = 'apps/dokploy/drizzle';
  const { findings, migrations } = await integrity('Dokploy__dokploy', out, 'postgresql');

  it('reads the legacy v5 "pg" journal and ignores _journal.json.backup', () => {
    expect(migrations).toBe(186);
    expect(findings.filter((f) => f.ruleId === 'journal-invalid')).toEqual([]);
  });

  it('finds the unjournaled 0130_abandoned_dagger.sql', () => {
    expect(basenames(findings, 'file-not-in-journal')).toEqual(['0130_abandoned_dagger.sql']);
  });

  it("finds 0066's dangling prevId", () => {
    expect(basenames(findings, 'snapshot-chain-broken')).toEqual(['0066_snapshot.json']);
  });

  it('finds the statements without breakpoints in 0093, 0102 and 0132', () => {
    const files = new Set(basenames(findings, 'statements-without-breakpoint'));
    for (const tag of ['0093_nice_gorilla_man.sql', '0102_opposite_grandmaster.sql', '0132_clean_layla_miller.sql']) expect(files).toContain(tag);
  });
});

describe('Mail-0__Zero', async () => {
  const { findings } = await integrity('Mail-0__Zero', 'packages/db/migrations', 'postgresql');
  it('finds the unjournaled 0025_far_echo.sql', () => {
    expect(basenames(findings, 'file-not-in-journal')).toEqual(['0025_far_echo.sql']);
  });
});

describe('homarr-labs__homarr mysql', async () => {
  const { findings } = await integrity('homarr-labs__homarr', 'packages/db/migrations/mysql', 'mysql');
  it("finds 0003's copied snapshot: the id of 0002 and a dangling prevId", () => {
    expect(basenames(findings, 'snapshot-duplicate-id')).toEqual(['0003_snapshot.json']);
    expect(basenames(findings, 'snapshot-chain-broken')).toEqual(['0003_snapshot.json']);
  });
  it('accepts the comment-only 0023_fix_on_delete_actions.sql', () => {
    expect(findings.filter((f) => f.migration === '0023_fix_on_delete_actions')).toEqual([]);
  });
});

describe('consistent folders have no integrity error', () => {
  const beta = 'drizzle-team__drizzle-orm__beta/integration-tests/drizzle2';
  const betaSets = fs
    .readdirSync(path.join(CORPORA, beta), { recursive: true })
    .map(String)
    .filter((p) => /(^|\/)\d{14}_[^/]+$/.test(p))
    .map((p) => path.posix.dirname(p))
    .filter((v, i, all) => all.indexOf(v) === i)
    .sort();

  const cases: [string, string, Dialect][] = [
    ['onlook-dev__onlook', 'apps/backend/supabase/migrations', 'postgresql'],
    ['homarr-labs__homarr', 'packages/db/migrations/postgresql', 'postgresql'],
    ['homarr-labs__homarr', 'packages/db/migrations/sqlite', 'sqlite'],
    // Integrity does not depend on the SQL dialect: the 1.0 sets for engines we do not lint are read as postgresql.
    ...betaSets.map((set): [string, string, Dialect] => [beta, set, /mysql|planetscale/.test(set) ? 'mysql' : /sqlite/.test(set) ? 'sqlite' : /singlestore/.test(set) ? 'singlestore' : 'postgresql']),
  ];

  it('finds the 16 drizzle-kit 1.0 sets', () => expect(betaSets).toHaveLength(16));

  it.each(cases)('%s %s', async (corpus, out, dialect) => {
    const { findings, migrations } = await integrity(corpus, out, dialect);
    expect(migrations).toBeGreaterThan(0);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
