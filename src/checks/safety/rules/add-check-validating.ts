import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addCheckValidating: SafetyRule = {
  meta: safetyRule({
    id: 'add-check-validating',
    defaultSeverity: 'warning',
    description: 'ADD CHECK without NOT VALID on an existing table: scans every row under an ACCESS EXCLUSIVE lock.',
    help: 'Add it with `NOT VALID`, then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration (SHARE UPDATE EXCLUSIVE lock only).',
  }),
  checkOp(op, state) {
    if (op.kind !== 'add-constraint' || op.constraint !== 'check' || op.notValid || state.isNewTable(op.table)) return undefined;
    return `Check constraint ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)} without NOT VALID: every row is checked under an ACCESS EXCLUSIVE lock.`;
  },
};
