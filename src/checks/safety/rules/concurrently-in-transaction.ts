import type { Op } from '../ops.js';
import { safetyRule, type LintState, type SafetyRule } from './types.js';

export const concurrentlyInTransaction: SafetyRule = {
  meta: safetyRule({
    id: 'concurrently-in-transaction',
    defaultSeverity: 'error',
    description:
      "A statement PostgreSQL refuses inside a transaction block (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION … CONCURRENTLY, VACUUM, CREATE DATABASE, …) runs in one: drizzle's migrator runs every pending migration in one transaction, and sends each `--> statement-breakpoint` chunk as one query, which PostgreSQL runs as one implicit transaction block when it holds several statements.",
    help:
      'Give the statement a custom migration of its own (`drizzle-kit generate --custom`): `COMMIT;`, a `--> statement-breakpoint`, then the statement alone in its chunk, written so it can run twice (`CREATE INDEX CONCURRENTLY IF NOT EXISTS …`). The COMMIT ends drizzle\'s transaction early (see transaction-control): the migration is recorded only after its last statement, so if the build fails halfway it runs again on the next deploy — first drop the INVALID index it leaves (`DROP INDEX CONCURRENTLY IF EXISTS …`), which IF NOT EXISTS would keep. On a new or small table, drop CONCURRENTLY instead.',
  }),
  checkOp(op, state) {
    const statement = refusedStatement(op, state);
    if (statement === undefined || !state.inTransaction) return undefined;
    if (state.transactionBlock === 'implicit') {
      return `${statement} shares its chunk with other statements: drizzle's migrator sends a chunk as one query, which PostgreSQL runs as one transaction block (even after a COMMIT in it), and rejects this statement there. Put it alone between breakpoints.`;
    }
    return `${statement} runs inside drizzle's migration transaction (all pending migrations run in one): PostgreSQL rejects it there. End the transaction with a \`COMMIT;\` chunk first and put it alone between breakpoints.`;
  },
};

function refusedStatement(op: Op, state: LintState): string | undefined {
  switch (op.kind) {
    case 'create-index':
      return op.concurrently ? 'CREATE INDEX CONCURRENTLY' : undefined;
    case 'drop-index':
      return op.concurrently ? 'DROP INDEX CONCURRENTLY' : undefined;
    case 'outside-transaction':
      return op.statement;
    case 'add-enum-value':
      // Allowed in a transaction block from PostgreSQL 12.
      return state.postgresVersion < 12 ? 'ALTER TYPE … ADD VALUE (before PostgreSQL 12)' : undefined;
    default:
      return undefined;
  }
}
