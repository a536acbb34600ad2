import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const dropIndexBlocking: SafetyRule = {
  meta: safetyRule({
    id: 'drop-index-blocking',
    defaultSeverity: 'warning',
    description: 'DROP INDEX without CONCURRENTLY: takes an ACCESS EXCLUSIVE lock on the table, queuing every read and write behind running queries.',
    help: 'Use `DROP INDEX CONCURRENTLY` outside drizzle\'s migration transaction (a custom migration that starts with `COMMIT;`, or by hand), then keep `IF EXISTS` in the migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-index' || op.concurrently || state.isNewIndex(op.index)) return undefined;
    return `Index ${displayName(op.index)} is dropped without CONCURRENTLY: its table is locked (ACCESS EXCLUSIVE) while it waits and drops.`;
  },
};
