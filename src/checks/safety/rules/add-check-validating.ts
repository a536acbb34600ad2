import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addCheckValidating: SafetyRule = {
  meta: safetyRule({
    id: 'add-check-validating',
    defaultSeverity: 'warning',
    description: 'ADD CHECK without NOT VALID on an existing table: scans every row under an ACCESS EXCLUSIVE lock.',
    help: 'Add it with `NOT VALID`, then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration — not the same one: drizzle runs every pending migration in one transaction, and validating there scans under the lock the ADD took (validation alone takes a SHARE UPDATE EXCLUSIVE lock only).',
  }),
  checkOp(op, state) {
    if (op.kind === 'validate-constraint') {
      if (state.notValidInTransaction(op.table, op.name) !== 'check' || state.isEmptyTable(op.table)) return undefined;
      return `Constraint "${op.name}" of ${displayName(op.table)} is validated in the same transaction as the ADD … NOT VALID that created it: every row is checked while the ACCESS EXCLUSIVE lock it took is still held, so NOT VALID gains nothing. Validate it in a migration deployed after this one (pending migrations deployed together share one transaction).`;
    }
    if (op.kind !== 'add-constraint' || op.constraint !== 'check' || op.notValid || state.isEmptyTable(op.table)) return undefined;
    return `Check constraint ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)} without NOT VALID: every row is checked under an ACCESS EXCLUSIVE lock, and the migration fails if a row violates it.`;
  },
};
