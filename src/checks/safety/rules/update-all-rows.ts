import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const updateAllRows: SafetyRule = {
  meta: safetyRule({
    id: 'update-all-rows',
    defaultSeverity: 'warning',
    description: "UPDATE without WHERE on an existing table in a migration: a backfill that writes a new version of every row and keeps each one locked until drizzle's whole batch of pending migrations commits.",
    help: 'Backfill outside the migration, in batches of a few thousand rows (`UPDATE … WHERE id IN (SELECT id … LIMIT 5000)`, repeated), or give the UPDATE a WHERE that bounds it; keep the schema change and the backfill in separate migrations.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'update-all' || state.isEmptyTable(op.table)) return undefined;
    return `Every row of ${displayName(op.table)} is updated (UPDATE without WHERE): each row is rewritten and stays locked against other writes until the migration batch commits.`;
  },
};
