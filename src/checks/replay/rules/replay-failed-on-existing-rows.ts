import type { RuleMeta } from '../../../findings.js';

export const replayFailedOnExistingRows: RuleMeta = {
  id: 'replay-failed-on-existing-rows',
  category: 'replay',
  defaultSeverity: 'error',
  description: 'A new migration runs on empty tables but fails once the tables hold a row (the replay seeds one row in every table that exists before the new migrations), as it will on a production database.',
  help:
    'Make the change in steps: add the column nullable or with a default, backfill it with an UPDATE (drizzle-kit generate --custom), ' +
    'then set NOT NULL / add the constraint in a later migration; give a type change a USING expression that converts every existing value.',
};
