import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addUniqueConstraint: SafetyRule = {
  meta: safetyRule({
    id: 'add-unique-constraint',
    defaultSeverity: 'warning',
    description: 'ADD UNIQUE on an existing table: builds the index under an ACCESS EXCLUSIVE lock (reads and writes blocked), and fails on duplicates.',
    help: 'Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` outside the migrator\'s transaction, then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …`.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'add-constraint' || op.constraint !== 'unique' || op.usingIndex || state.isEmptyTable(op.table)) return undefined;
    return `Unique constraint ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)}: its index is built under an ACCESS EXCLUSIVE lock, and the migration fails on duplicate rows.`;
  },
};
