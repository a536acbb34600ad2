import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addForeignKeyValidating: SafetyRule = {
  meta: safetyRule({
    id: 'add-foreign-key-validating',
    defaultSeverity: 'warning',
    description: 'ADD FOREIGN KEY without NOT VALID on an existing table: scans the table while holding a SHARE ROW EXCLUSIVE lock on it and on the referenced table (writes blocked).',
    help: 'Add it with `NOT VALID` (edit the generated SQL or use a custom migration), then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration: validation only takes a SHARE UPDATE EXCLUSIVE lock.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'add-constraint' || op.constraint !== 'foreign' || op.notValid || state.isNewTable(op.table)) return undefined;
    return `Foreign key ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)} without NOT VALID: every row is checked while writes to both tables are blocked.`;
  },
};
