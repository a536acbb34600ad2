import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addForeignKeyValidating: SafetyRule = {
  meta: safetyRule({
    id: 'add-foreign-key-validating',
    defaultSeverity: 'warning',
    description: 'ADD FOREIGN KEY without NOT VALID on an existing table: scans the table while holding a SHARE ROW EXCLUSIVE lock on it and on the referenced table (writes blocked).',
    help: 'Add it with `NOT VALID` (edit the generated SQL or use a custom migration), then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration (not the same one: drizzle runs a migration, and every pending one, in one transaction, and validating there scans under the lock the ADD took): validation alone only takes a SHARE UPDATE EXCLUSIVE lock.',
  }),
  checkOp(op, state) {
    if (op.kind === 'validate-constraint') {
      if (state.notValidInTransaction(op.table, op.name) !== 'foreign' || state.isEmptyTable(op.table)) return undefined;
      return `Constraint "${op.name}" of ${displayName(op.table)} is validated in the same transaction as the ADD … NOT VALID that created it: every row is checked while the SHARE ROW EXCLUSIVE lock it took on both tables is still held, so NOT VALID gains nothing. Validate it in a migration deployed after this one (pending migrations deployed together share one transaction).`;
    }
    if (op.kind !== 'add-constraint' || op.constraint !== 'foreign' || op.notValid || state.isEmptyTable(op.table)) return undefined;
    return `Foreign key ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)} without NOT VALID: every row is checked while writes to both tables are blocked, and the migration fails if a row has no match in the referenced table.`;
  },
};
