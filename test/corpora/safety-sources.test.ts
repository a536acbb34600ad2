// The lint facts SOURCES.md lists for the corpora, with expected counts taken from the SQL text itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import type { Finding } from '../../src/findings.js';
import { CORPORA, options } from '../helpers/project.js';

async function safety(corpus: string, out: string): Promise<Finding[]> {
  const report = await runCheck(options(path.join(CORPORA, corpus), { out, dialect: 'postgresql', lint: true }));
  return report.findings.filter((f) => f.category === 'safety');
}

describe('simstudioai__sim, whole history', async () => {
  const out = 'packages/db/migrations';
  const dir = path.join(CORPORA, 'simstudioai__sim', out);
  const findings = await safety('simstudioai__sim', out);
  // The migrator never runs the unjournaled 0091_backfill_user_stats.sql, so it is not linted.
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql') && f !== '0091_backfill_user_stats.sql');
  const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const occurrences = (re: RegExp) => texts.reduce((n, t) => n + (t.match(re) ?? []).length, 0);
  const count = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).length;

  it('reports every DROP COLUMN', () => expect(count('drop-column')).toBe(occurrences(/DROP COLUMN/g)));

  it('reports every DROP TABLE but the temp table 0192 creates for itself', () => {
    expect(occurrences(/CREATE TEMP TABLE "_ws_invitation_id_map"/g)).toBe(1);
    expect(count('drop-table')).toBe(occurrences(/DROP TABLE/g) - 1);
  });

  it('reports all 13 column type changes', () => expect(count('alter-column-type')).toBe(occurrences(/SET DATA TYPE/g)));

  it("accepts CREATE INDEX CONCURRENTLY after a COMMIT; that leaves drizzle's transaction", () => {
    // 24 files end the migrator's transaction with COMMIT; (SOURCES.md); 23 of them then create or drop
    // indexes concurrently (0276's COMMIT closes a data migration; 0234 and 0274 name CONCURRENTLY only in comments).
    expect(texts.filter((t) => /^COMMIT;/m.test(t))).toHaveLength(24);
    expect(texts.filter((t) => /^COMMIT;/m.test(t) && /^(CREATE (UNIQUE )?|DROP )INDEX CONCURRENTLY/m.test(t))).toHaveLength(23);
    expect(count('concurrently-in-transaction')).toBe(0);
  });
});

describe('Mail-0__Zero', () => {
  it('finds the NOT NULL column without a default that 0005_mature_lady_deathstrike adds to an existing table', async () => {
    const findings = await safety('Mail-0__Zero', 'packages/db/migrations');
    expect(findings.filter((f) => f.ruleId === 'add-column-required')).toEqual([
      expect.objectContaining({ severity: 'error', migration: '0005_mature_lady_deathstrike', line: 4 }),
    ]);
  });
});
