import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const dropNotNull: SafetyRule = {
  meta: safetyRule({
    id: 'drop-not-null',
    defaultSeverity: 'warning',
    description: 'DROP NOT NULL on an existing column: running code that assumes a value may break on the first NULL.',
    help: 'Make sure every reader (and the Drizzle types in the running code) handles NULL before deploying this migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-not-null' || state.isNewTable(op.table)) return undefined;
    return `Column "${op.column}" of ${displayName(op.table)} becomes nullable: code that assumes a value can break.`;
  },
};
