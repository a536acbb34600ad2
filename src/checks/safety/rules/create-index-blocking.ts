import { displayName } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const createIndexBlocking: SafetyRule = {
  meta: safetyRule({
    id: 'create-index-blocking',
    defaultSeverity: 'warning',
    description: 'CREATE INDEX without CONCURRENTLY on an existing table: blocks every write to the table while the index builds.',
    help: 'Build it with `CREATE INDEX CONCURRENTLY IF NOT EXISTS …` in a custom migration of its own (`drizzle-kit generate --custom`): `COMMIT;`, a `--> statement-breakpoint`, then the CREATE alone in its chunk (CONCURRENTLY fails inside drizzle\'s transaction and inside a chunk of several statements). The COMMIT ends drizzle\'s transaction early (see transaction-control); if the build fails it leaves an INVALID index and the migration unrecorded: drop the index (`DROP INDEX CONCURRENTLY IF EXISTS …`) before the next deploy runs it again. Or build it by hand before deploying and keep `IF NOT EXISTS` in the migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'create-index' || op.concurrently || state.isEmptyTable(op.table)) return undefined;
    return `An index is built on ${displayName(op.table)} without CONCURRENTLY: writes to the table are blocked until it is built.`;
  },
};
