import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const dropColumn: SafetyRule = {
  meta: safetyRule({
    id: 'drop-column',
    defaultSeverity: 'error',
    description: 'DROP COLUMN on an existing table: the data is lost and running code that selects or inserts it fails.',
    help: 'Stop using the column first: remove it from the Drizzle schema\'s queries (keep it in the table), deploy, then generate the migration that drops it.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-column' || state.isNewTable(op.table)) return undefined;
    return `Column "${op.column}" of ${displayName(op.table)} is dropped: its data is lost and code still using it breaks.`;
  },
};
