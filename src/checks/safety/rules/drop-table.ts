import { displayName } from '../ops.js';
import { isRebuildOldCopy } from '../rebuild.js';
import { safetyRule, type SafetyRule } from './types.js';

export const dropTable: SafetyRule = {
  meta: safetyRule({
    id: 'drop-table',
    defaultSeverity: 'error',
    description: 'DROP TABLE of an existing table: its data is lost and running code that still reads it fails.',
    help: 'Remove every use of the table from the code and deploy that first; drop the table in a later migration (keep a backup if the data may be needed).',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-table' || state.isNewTable(op.table) || isRebuildOldCopy(state, op.table, op.at)) return undefined;
    return `Table ${displayName(op.table)} is dropped: its rows are lost and code still reading it breaks.`;
  },
};
