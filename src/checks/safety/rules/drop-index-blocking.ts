import { displayName, nameOf } from '../ops.js';
import { safetyRule, type SafetyRule } from './types.js';

export const dropIndexBlocking: SafetyRule = {
  meta: safetyRule({
    id: 'drop-index-blocking',
    defaultSeverity: 'warning',
    description: 'DROP INDEX without CONCURRENTLY: takes an ACCESS EXCLUSIVE lock on the table, queuing every read and write behind running queries.',
    help: 'Use `DROP INDEX CONCURRENTLY IF EXISTS …` in a custom migration of its own: `COMMIT;`, a `--> statement-breakpoint`, then the DROP alone in its chunk (CONCURRENTLY fails inside drizzle\'s transaction and inside a chunk of several statements; see transaction-control for what the COMMIT costs). Or drop it by hand before deploying and keep `IF EXISTS` in the migration.',
  }),
  checkOp(op, state) {
    if (op.kind !== 'drop-index' || op.concurrently || state.isNewIndex(op.index)) return undefined;
    // IF EXISTS on an unqualified name that only another schema has: PostgreSQL looks in public and drops nothing.
    const schemas = op.ifExists && op.unqualified ? state.indexSchemasBefore(nameOf(op.index)) : undefined;
    if (schemas !== undefined && schemas.length > 0 && !schemas.includes('public')) return undefined;
    return `Index ${displayName(op.index)} is dropped without CONCURRENTLY: its table is locked (ACCESS EXCLUSIVE) while it waits and drops.`;
  },
};
