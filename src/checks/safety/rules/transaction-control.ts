import type { Token } from '../../../model/sql-lexer.js';
import { safetyRule, type LintState, type SafetyRule } from './types.js';

export const transactionControl: SafetyRule = {
  meta: safetyRule({
    id: 'transaction-control',
    defaultSeverity: 'warning',
    description:
      "BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / SAVEPOINT in a migration: drizzle's migrator already runs every pending migration in one transaction and records each one in `__drizzle_migrations` after its last statement, so transaction control changes what is atomic and what a failure leaves behind. An error on MySQL, where it protects nothing.",
    help:
      "Keep transaction control out of migrations. If a statement must run outside the transaction (CREATE INDEX CONCURRENTLY), give it a migration of its own: `COMMIT;`, a `--> statement-breakpoint`, then the one statement alone in its chunk, written to run twice (`IF NOT EXISTS` / `IF EXISTS`). If it fails, the migration is left unrecorded and runs again from the top on the next deploy: clean up what it left (an INVALID index: `DROP INDEX CONCURRENTLY IF EXISTS …`) before that.",
  }),
  checkStatement(statement, state) {
    const word = controlWord(statement.tokens);
    if (word === undefined) return [];
    const at = statement.base + statement.tokens[0]!.start;
    if (state.dialect === 'mysql') return [{ at, message: MYSQL, severity: 'error' }];
    if (state.dialect === 'sqlite') return [{ at, message: `${word}: ${SQLITE}` }];
    return [{ at, message: postgresMessage(word, state) }];
  },
};

type ControlWord = 'BEGIN' | 'COMMIT' | 'ROLLBACK' | 'SAVEPOINT';

function controlWord(tokens: readonly Token[]): ControlWord | undefined {
  const [a, b] = tokens;
  if (a?.kind !== 'word') return undefined;
  switch (a.value) {
    case 'BEGIN':
      return 'BEGIN';
    case 'START':
      return b?.kind === 'word' && b.value === 'TRANSACTION' ? 'BEGIN' : undefined;
    case 'COMMIT':
    case 'END':
      // COMMIT PREPARED acts on another transaction.
      return b?.kind === 'word' && b.value === 'PREPARED' ? undefined : 'COMMIT';
    case 'ROLLBACK':
    case 'ABORT':
      if (b?.kind === 'word' && b.value === 'PREPARED') return undefined;
      return b?.kind === 'word' && b.value === 'TO' ? 'SAVEPOINT' : 'ROLLBACK';
    case 'SAVEPOINT':
    case 'RELEASE':
      return 'SAVEPOINT';
    default:
      return undefined;
  }
}

const AFTERWARDS =
  "the rest runs in autocommit, one chunk at a time, and this migration's `__drizzle_migrations` row is inserted only after its last statement: if a later statement fails, the migration is left half-applied and unrecorded, and the next deploy runs it again from the top, so every statement after this one must be idempotent (IF NOT EXISTS / IF EXISTS)";

function postgresMessage(word: ControlWord, state: LintState): string {
  const open = state.transactionBlock === 'explicit';
  switch (word) {
    case 'COMMIT':
      return open
        ? `COMMIT ends drizzle's migration transaction here: everything applied before it is committed (earlier pending migrations and their \`__drizzle_migrations\` rows included); ${AFTERWARDS}.`
        : 'COMMIT with no transaction open (an earlier COMMIT ended drizzle\'s): PostgreSQL only warns, and nothing before it is atomic.';
    case 'BEGIN':
      return open
        ? "BEGIN inside drizzle's migration transaction does nothing (PostgreSQL only warns: transactions do not nest); a later COMMIT still ends drizzle's transaction."
        : "BEGIN opens a transaction again after drizzle's was committed: it lasts until the next COMMIT or the migrator's own COMMIT after the last pending migration, so later migrations and their records join it.";
    case 'ROLLBACK':
      return open
        ? `ROLLBACK undoes everything applied so far in this batch (earlier pending migrations and their \`__drizzle_migrations\` rows included), and ${AFTERWARDS}; the migration is then recorded as applied although what came before the ROLLBACK was undone.`
        : 'ROLLBACK with no transaction open: PostgreSQL only warns; nothing is undone.';
    case 'SAVEPOINT':
      return state.inTransaction
        ? "SAVEPOINT / RELEASE / ROLLBACK TO work here only because drizzle's migrator runs the migration in a transaction; they fail after a COMMIT (\"can only be used in transaction blocks\")."
        : 'SAVEPOINT / RELEASE / ROLLBACK TO outside a transaction block: PostgreSQL rejects it ("can only be used in transaction blocks").';
  }
}

const MYSQL =
  "Transaction control protects nothing in a MySQL migration: MySQL commits implicitly before and after every DDL statement (and START TRANSACTION / BEGIN commits whatever is pending), so drizzle's migration is never atomic there; COMMIT and ROLLBACK act only on data changes since the last DDL statement, and a migration that fails halfway is left half-applied and unrecorded whatever the file says. Remove it and make each statement safe to run again.";

const SQLITE =
  "drizzle's SQLite migrator already runs the pending migrations inside BEGIN … COMMIT, and SQLite does not nest transactions: a BEGIN fails (\"cannot start a transaction within a transaction\"); a COMMIT commits everything so far, the rest runs in autocommit, and the migrator's own COMMIT then fails (\"no transaction is active\"): migrate() throws although the migration was applied and recorded.";
