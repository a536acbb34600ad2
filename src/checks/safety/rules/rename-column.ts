import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const renameColumn: SafetyRule = {
  meta: safetyRule({
    id: 'rename-column',
    defaultSeverity: 'warning',
    description: 'Renaming a column of an existing table: the running (old) code still uses the old name and fails until the new code is deployed.',
    help: 'Add the new column, write both, backfill, switch reads to the new one, then drop the old column; or accept a short outage and deploy code and migration together.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'rename-column' || state.isNewTable(op.table)) return undefined;
    return `Column "${op.column}" of ${displayName(op.table)} is renamed to "${op.to}": code still using the old name breaks.`;
  },
};
