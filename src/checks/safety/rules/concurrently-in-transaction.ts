import { safetyRule, type SafetyRule } from './types.js';

export const concurrentlyInTransaction: SafetyRule = {
  meta: safetyRule({
    id: 'concurrently-in-transaction',
    defaultSeverity: 'error',
    description: "CREATE/DROP INDEX CONCURRENTLY inside a transaction block: PostgreSQL refuses it, and drizzle's migrator runs every pending migration in one transaction.",
    help: 'End the migrator\'s transaction first (`COMMIT;` before the statement, in a custom migration that holds nothing else), or drop CONCURRENTLY if the table is new or small.',
  }),
  checkOp(op, state) {
    if ((op.kind !== 'create-index' && op.kind !== 'drop-index') || !op.concurrently || !state.inTransaction) return undefined;
    const what = op.kind === 'create-index' ? 'CREATE INDEX' : 'DROP INDEX';
    return `${what} CONCURRENTLY runs inside a transaction block (drizzle's migrator wraps all pending migrations in one): PostgreSQL rejects it.`;
  },
};
