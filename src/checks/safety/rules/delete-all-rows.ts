import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const deleteAllRows: SafetyRule = {
  meta: safetyRule({
    id: 'delete-all-rows',
    defaultSeverity: 'error',
    description: 'DELETE without WHERE on an existing table in a migration: every row is deleted, on every environment the migration reaches.',
    help: 'Add the WHERE that selects the rows to delete. If emptying the table is intended, say so with `-- drizzle-guard-ignore delete-all-rows -- <reason>`; on a large table delete in batches outside the migration, since drizzle\'s migrator keeps every deleted row locked until its whole batch commits.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'delete-all' || state.isEmptyTable(op.table)) return undefined;
    return `Every row of ${displayName(op.table)} is deleted (DELETE without WHERE).`;
  },
};
