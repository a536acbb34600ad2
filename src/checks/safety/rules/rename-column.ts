import { displayName, type Op, type OpOf } from '../ops.js';
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
    // A rename guarded in a DO block (IF EXISTS …) of a column the schema before no longer has: an earlier
    // migration already renamed it (kaneo's hand-written 0006, repeated by 0007), so this one does not run.
    // Unguarded, the rename would fail if the column were gone: the schema known before is what is wrong.
    if (state.inDoBlock(op.at) && state.hasColumnBefore(op.table, op.column) === false && !isMadeEarlier(op, state.migrationOps)) return undefined;
    return `Column "${op.column}" of ${displayName(op.table)} is renamed to "${op.to}": code still using the old name breaks.`;
  },
};

/** The column was added, or got its name from a rename, earlier in the migration: it exists when this rename runs. */
function isMadeEarlier(op: OpOf<'rename-column'>, migrationOps: readonly Op[]): boolean {
  return migrationOps.some(
    (o) =>
      o.at < op.at &&
      ((o.kind === 'add-column' && o.table === op.table && o.column === op.column) || (o.kind === 'rename-column' && o.table === op.table && o.to === op.column)),
  );
}
