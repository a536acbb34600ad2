// One finding per problem, and the trace's word on the lint: the safety check and the replay check run on
// the same fixture, then the replay reconciles the two lists as the engine does.
import { describe, expect, it } from 'vitest';
import { replayCheck } from '../../src/checks/replay/index.js';
import { safetyCheck } from '../../src/checks/safety/index.js';
import type { Finding } from '../../src/findings.js';
import { fixtureContext, type FixtureContext } from './context.js';

async function checked(name: string, spec: FixtureContext): Promise<Finding[]> {
  const ctx = fixtureContext(name, { ...spec, options: { lint: true, replaySeed: true, ...spec.options } });
  const [lint, replay] = await Promise.all([safetyCheck.run(ctx), replayCheck.run(ctx)]);
  if (lint.status !== 'ran' || replay.status !== 'ran') throw new Error('a check did not run');
  const all = [...lint.findings, ...replay.findings];
  return replay.reconcile ? replay.reconcile(all, (added) => added) : all;
}

describe('replay reconciled with the lint', () => {
  it('reports an enum value used in the batch that adds it once: the lint finding, with PostgreSQL\'s error as evidence', async () => {
    // fixtures/replay-enum 0002_use_mood.sql line 2 uses 'sad', added by 0001 in the same transaction.
    const findings = await checked('replay-enum', { fresh: ['0001', '0002'] });
    const atUse = findings.filter((f) => f.file === 'drizzle/0002_use_mood.sql');
    expect(atUse).toHaveLength(1);
    expect(atUse[0]).toMatchObject({
      ruleId: 'enum-value-used-in-same-transaction',
      severity: 'error',
      line: 2,
      evidence: { sqlstate: '55P04', message: 'unsafe use of new value "sad" of enum type mood' },
    });
    expect(findings.some((f) => f.category === 'replay')).toBe(false);
  }, 240_000);

  it('confirms, refutes and completes the lint with what the traced replay observed on seeded tables', async () => {
    const findings = await checked('replay-trace', { fresh: ['0001', '0002', '0003'] });
    const at = (file: string, line: number) => findings.filter((f) => f.file === `drizzle/${file}.sql` && f.line === line);
    // 0001 line 7: timestamp → timestamptz. The lint expects a rewrite; under TimeZone UTC there is none.
    expect(at('0001_evolve', 7)).toEqual([
      expect.objectContaining({ ruleId: 'alter-column-type', severity: 'info', message: expect.stringContaining("depends on the server's TimeZone") }),
    ]);
    // 0001 line 8: a volatile default rewrites the table (confirmed).
    expect(at('0001_evolve', 8)).toEqual([
      expect.objectContaining({ ruleId: 'add-column-volatile-default', evidence: { message: expect.stringMatching(/ACCESS EXCLUSIVE on public\.users.*table rewritten/) } }),
    ]);
    // 0001 line 10: an index on users, which holds a row (confirmed). The ACCESS EXCLUSIVE lock line 6 took is
    // still held (until the batch commits): the evidence says so rather than that this statement took it.
    expect(at('0001_evolve', 10)).toEqual([
      expect.objectContaining({ ruleId: 'create-index-blocking', evidence: { message: 'observed: ACCESS EXCLUSIVE on public.users (held since an earlier statement), index built' } }),
    ]);
    // 0001 line 9: an index on "tags", created in the same migration: nothing to say.
    expect(at('0001_evolve', 9)).toEqual([]);
    // 0002 line 3: the foreign key inside drizzle-kit's DO $$ wrapper. The lint reads the block's body and flags
    // it where the ALTER stands; the trace confirms the scan of orders (it holds a row) under SHARE ROW
    // EXCLUSIVE, so the lint finding carries that, and no traced-blocking-statement repeats it.
    expect(at('0002_legacy_fk', 2)).toEqual([]);
    expect(at('0002_legacy_fk', 3)).toEqual([
      expect.objectContaining({ ruleId: 'add-foreign-key-validating', evidence: { message: expect.stringContaining('SHARE ROW EXCLUSIVE on public.orders') } }),
    ]);
    // 0003 line 3: an index built by EXECUTE inside a DO block, a string no lint rule reads. The trace saw a
    // lock that blocks writes and an index built on orders, which holds a row: traced-blocking-statement.
    expect(findings.filter((f) => f.file === 'drizzle/0003_dynamic_index.sql')).toEqual([
      expect.objectContaining({ ruleId: 'traced-blocking-statement', severity: 'warning', line: 3, message: expect.stringContaining('on public.orders') }),
    ]);
  }, 240_000);
});
