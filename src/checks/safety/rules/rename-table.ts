import { displayName } from '../ops.js';
import { isRebuildRename, isReplacedAfterRename } from '../rebuild.js';
import { safetyRule, type SafetyRule } from './types.js';

export const renameTable: SafetyRule = {
  meta: safetyRule({
    id: 'rename-table',
    defaultSeverity: 'warning',
    description: 'Renaming an existing table: the running (old) code still queries the old name and fails until the new code is deployed.',
    help: 'Create the new table (or a view with the new name), migrate the code to it, then drop the old name in a later migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'rename-table' || state.isNewTable(op.table) || isRebuildRename(state, op.table, op.to, op.at)) return undefined;
    if (isReplacedAfterRename(state, op.table, op.at)) {
      return `Table ${displayName(op.table)} is renamed to ${displayName(op.to)} and re-created empty under its old name, with nothing copying the rows back: code still using ${displayName(op.table)} finds none of its data.`;
    }
    return `Table ${displayName(op.table)} is renamed to ${displayName(op.to)}: code still using the old name breaks.`;
  },
};
