import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const createIndexBlocking: SafetyRule = {
  meta: safetyRule({
    id: 'create-index-blocking',
    defaultSeverity: 'warning',
    description: 'CREATE INDEX without CONCURRENTLY on an existing table: blocks every write to the table while the index builds.',
    help: 'Build it with `CREATE INDEX CONCURRENTLY` outside drizzle\'s migration transaction (CONCURRENTLY fails inside it): e.g. a custom migration (`drizzle-kit generate --custom`) that starts with `COMMIT;`, or run it by hand before deploying and use `IF NOT EXISTS` in the migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'create-index' || op.concurrently || state.isNewTable(op.table)) return undefined;
    return `An index is built on ${displayName(op.table)} without CONCURRENTLY: writes to the table are blocked until it is built.`;
  },
};
