import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const setNotNull: SafetyRule = {
  meta: safetyRule({
    id: 'set-not-null',
    defaultSeverity: 'warning',
    description: 'SET NOT NULL on an existing column: scans the whole table under an ACCESS EXCLUSIVE lock, and fails if a row holds NULL.',
    help: 'Backfill NULLs first; then (PostgreSQL ≥ 12) add `CHECK ("col" IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` in a later migration, and only then SET NOT NULL (it uses the check and skips the scan) and drop the check.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'set-not-null' || state.isEmptyTable(op.table)) return undefined;
    // Already NOT NULL in the snapshot, and not relaxed since: PostgreSQL does nothing.
    const relaxed = state.migrationOps.some((o) => o.kind === 'drop-not-null' && o.table === op.table && o.column === op.column && o.at < op.at);
    if (!relaxed && state.columnNotNullBefore(op.table, op.column) === true) return undefined;
    return `Column "${op.column}" of ${displayName(op.table)} becomes NOT NULL: the whole table is scanned under an ACCESS EXCLUSIVE lock, and the migration fails if a row holds NULL.`;
  },
};
