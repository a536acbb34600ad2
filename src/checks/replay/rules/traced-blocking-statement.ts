import type { RuleMeta } from '../../../findings.js';

export const tracedBlockingStatement: RuleMeta = {
  id: 'traced-blocking-statement',
  category: 'safety',
  defaultSeverity: 'warning',
  description:
    'Replayed on tables holding rows, a new statement took a SHARE or stronger lock on a table that existed before and scanned it, rewrote it or built an index on it, and no lint rule explains it (a DO block, a function, an unusual construct).',
  help:
    'Writes to the table wait while the statement runs, for a time that grows with the table. Do the work in a way that does not block writes: ' +
    'CREATE INDEX CONCURRENTLY (after `COMMIT;` in a custom migration), a constraint added NOT VALID then validated in a later migration, ' +
    'a backfill in batches before the schema change.',
};
