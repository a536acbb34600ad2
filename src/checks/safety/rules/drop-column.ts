import { displayName, type Op, type OpOf } from '../ops.js';
import { safetyRule, type LintState, type SafetyRule } from './types.js';

export const dropColumn: SafetyRule = {
  meta: safetyRule({
    id: 'drop-column',
    defaultSeverity: 'error',
    description: 'DROP COLUMN on an existing table: the data is lost and running code that selects or inserts it fails.',
    help: 'Stop using the column first: remove it from the Drizzle schema\'s queries (keep it in the table), deploy, then generate the migration that drops it.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-column' || isNoDataDrop(op, state)) return undefined;
    // Expand/contract's last step: the column left the Drizzle schema (and the snapshot) in an earlier
    // migration, so code built from that schema no longer reads or writes it.
    if (state.hasColumnBefore(op.table, op.column) === false && !isRenamedEarlier(op, state.migrationOps)) {
      return {
        severity: 'warning',
        message: `Column "${op.column}" of ${displayName(op.table)} is dropped: it is no longer in the previous snapshot (the Drizzle schema dropped it earlier, as the last step of expand/contract does), so running code does not use it — but its data is lost.`,
      };
    }
    return `Column "${op.column}" of ${displayName(op.table)} is dropped: its data is lost and code still using it breaks.`;
  },
};

/** The column got its name from a rename earlier in the migration: the data dropped is the old column's. */
export function isRenamedEarlier(op: OpOf<'drop-column'>, migrationOps: readonly Op[]): boolean {
  return migrationOps.some((o) => o.kind === 'rename-column' && o.table === op.table && o.to === op.column && o.at < op.at);
}

/**
 * With `--base`, a drop this rule reported as an error whose column the base's TypeScript schema no longer
 * declares: an earlier, merged change removed it from the Drizzle schema without generating the drop (so the
 * base's snapshot still has it), and the code running at the base neither reads nor writes it.
 */
export function droppedFromBaseSchema(op: OpOf<'drop-column'>, baseRef: string): { severity: 'warning'; message: string } {
  return {
    severity: 'warning',
    message:
      `Column "${op.column}" of ${displayName(op.table)} is dropped: the TypeScript schema at the base ${baseRef} no longer declares it ` +
      `(an earlier change removed it from the Drizzle schema without generating the drop, so the base's snapshot still has it), ` +
      `so the code running at the base does not read or write it — the last step of expand/contract — but its data is lost.`,
  };
}

/**
 * A drop that loses no data: on a new table, of a column added earlier in the migration, or
 * `IF EXISTS` of a column the previous snapshot does not have (a no-op).
 */
export function isNoDataDrop(op: OpOf<'drop-column'>, state: LintState): boolean {
  return state.isNewTable(op.table) || state.isNewColumn(op.table, op.column) || (op.ifExists === true && state.hasColumnBefore(op.table, op.column) === false);
}
