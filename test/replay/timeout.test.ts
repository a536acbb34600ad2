// A statement that never returns ends with replay-timeout at that statement, within the limit given.
import { describe, expect, it } from 'vitest';
import { replayCheck } from '../../src/checks/replay/index.js';
import { fixtureContext } from './context.js';

describe('replay time limit', () => {
  it('stops an endless DO loop with replay-timeout at its statement', async () => {
    // fixtures/replay-timeout: 0001_spin.sql line 2 is `DO $$ BEGIN LOOP END LOOP; END $$;`.
    const outcome = await replayCheck.run(fixtureContext('replay-timeout', { fresh: ['0001'], options: { replayTimeout: 2 } }));
    expect(outcome.status).toBe('ran');
    expect(outcome.findings).toEqual([
      expect.objectContaining({ ruleId: 'replay-timeout', category: 'replay', severity: 'error', file: 'drizzle/0001_spin.sql', line: 2 }),
    ]);
    expect(outcome.findings![0]!.message).toContain('did not finish within the replay limit (2 s per statement)');
    // The statement was stopped at the limit, not at the 60 s default (the timer's slack on a loaded machine aside).
    const ran = Number(/after the running step had run ([\d.]+) s/.exec(outcome.status === 'ran' ? (outcome.notes ?? []).join('\n') : '')?.[1]);
    expect(ran).toBeGreaterThanOrEqual(2);
    expect(ran).toBeLessThan(10);
  }, 120_000);
});
