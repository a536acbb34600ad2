import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const addColumnRequired: SafetyRule = {
  meta: safetyRule({
    id: 'add-column-required',
    defaultSeverity: 'error',
    description: 'ADD COLUMN … NOT NULL without a default on an existing table: fails as soon as the table has a row.',
    help: 'Give the column a `.default(…)` in the Drizzle schema, or add it nullable, backfill it, then make it `.notNull()` in a later migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'add-column' || !op.notNull || op.default !== undefined || op.rewrite !== undefined) return undefined;
    if (state.isEmptyTable(op.table)) return undefined;
    return `Column "${op.column}" is added to ${displayName(op.table)} as NOT NULL without a default: the migration fails if the table has any row.`;
  },
};
