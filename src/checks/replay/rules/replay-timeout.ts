import type { RuleMeta } from '../../../findings.js';

export const replayTimeout: RuleMeta = {
  id: 'replay-timeout',
  category: 'replay',
  defaultSeverity: 'error',
  description: 'A migration statement did not finish within the replay time limit (--replay-timeout, default 60 s per statement): an endless loop or a sleep, or far more work than a migration should do.',
  help:
    'Look at the statement named: a DO block or function that loops, pg_sleep, or a data migration heavy enough to hold its locks for minutes. ' +
    'If it is legitimately slow on the embedded PostgreSQL, raise --replay-timeout (action input replay-timeout).',
};
