// What a safety rule is: metadata plus a pure function of one op (or one statement) and the
// schema/transaction state just before it.

import type { RuleMeta } from '../../../findings.js';
import type { LexDialect, Token } from '../../../model/sql-lexer.js';
import type { ObjectKey, Op } from '../ops.js';

export type LintDialect = LexDialect;

export interface LintState {
  readonly dialect: LintDialect;
  /** PostgreSQL major version the migrations run on (guard config `postgresVersion`). */
  readonly postgresVersion: number;
  /** Whether the next statement runs inside a transaction block (drizzle's migrator opens one). */
  readonly inTransaction: boolean;
  /** Created in this migration, or in an earlier new migration of this check: new and empty. */
  isNewTable(table: ObjectKey): boolean;
  isNewType(type: ObjectKey): boolean;
  /** An index built in this migration or batch (on a new table, or one that is still being built). */
  isNewIndex(index: ObjectKey): boolean;
  /** Every op of the migration being linted, in order (for rules that look at the whole file). */
  readonly migrationOps: readonly Op[];
  /** Every statement of the migration being linted, in order. */
  readonly migrationStatements: readonly StatementView[];
  /** Enum values added in the still-open transaction, by value. */
  readonly uncommittedEnumValues: ReadonlyMap<string, { type: ObjectKey; at: number }>;
  /** Enum values and column types from the snapshot before this migration, when known. */
  enumValuesBefore(type: ObjectKey): string[] | undefined;
  columnTypeBefore(table: ObjectKey, column: string): string | undefined;
}

export interface StatementView {
  tokens: readonly Token[];
  /** File offset of the statement text (token offsets are relative to it). */
  base: number;
}

export interface RuleHit {
  at: number;
  message: string;
}

export interface SafetyRule {
  meta: RuleMeta;
  /** Judges one op; returns the finding message, or nothing. */
  checkOp?(op: Op, state: LintState): string | undefined;
  /** Judges a whole statement (before its ops change the state). */
  checkStatement?(statement: StatementView, state: LintState): RuleHit[];
}

/** Rule metadata with the safety category filled in. */
export function safetyRule(meta: Omit<RuleMeta, 'category'>): RuleMeta {
  return { ...meta, category: 'safety' };
}
