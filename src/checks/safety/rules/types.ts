// What a safety rule is: metadata plus a pure function of one op (or one statement) and the
// schema/transaction state just before it.

import type { RuleMeta, Severity } from '../../../findings.js';
import type { LexDialect, Token } from '../../../model/sql-lexer.js';
import type { ConstraintKind, ObjectKey, Op } from '../ops.js';

export type LintDialect = LexDialect;

export interface LintState {
  readonly dialect: LintDialect;
  /** PostgreSQL major version the migrations run on (guard config `postgresVersion`). */
  readonly postgresVersion: number;
  /** Whether the next statement runs inside a transaction block, explicit or implicit. */
  readonly inTransaction: boolean;
  /**
   * Which block: `explicit` is drizzle's migrator transaction (or one a BEGIN opened); `implicit` is
   * the block PostgreSQL runs a multi-statement query in — drizzle's migrator sends each
   * `--> statement-breakpoint` chunk as one query, so a chunk of several statements is one block,
   * even after a COMMIT inside it.
   */
  readonly transactionBlock: 'explicit' | 'implicit' | undefined;
  /** Created in this migration, or in an earlier new migration of this check: new and empty. */
  isNewTable(table: ObjectKey): boolean;
  /** New, or emptied earlier (TRUNCATE, DELETE without WHERE) and not written to since: no rows. */
  isEmptyTable(table: ObjectKey): boolean;
  /** A column added earlier in this migration (or batch). */
  isNewColumn(table: ObjectKey, column: string): boolean;
  /** The kind of the NOT VALID constraint of this name added in the still-open transaction block. */
  notValidInTransaction(table: ObjectKey, name: string): ConstraintKind | undefined;
  isNewType(type: ObjectKey): boolean;
  /** An index built in this migration or batch (on a new table, or one that is still being built). */
  isNewIndex(index: ObjectKey): boolean;
  /** Every op of the migration being linted, in order (for rules that look at the whole file). */
  readonly migrationOps: readonly Op[];
  /** Every statement of the migration being linted, in order. */
  readonly migrationStatements: readonly StatementView[];
  /** Whether the offset lies in a DO block's body, where PL/pgSQL around a statement (IF …, EXCEPTION) may skip it. */
  inDoBlock(at: number): boolean;
  /** Enum values added in the still-open transaction, by value. */
  readonly uncommittedEnumValues: ReadonlyMap<string, { type: ObjectKey; at: number }>;
  /**
   * The schema before this migration: the nearest earlier snapshot, with the statements of the migrations
   * since then applied (they have no snapshot). Enum values and column types, when known.
   */
  enumValuesBefore(type: ObjectKey): string[] | undefined;
  columnTypeBefore(table: ObjectKey, column: string): string | undefined;
  /** Whether the snapshot before has the column NOT NULL; undefined when it does not know the column. */
  columnNotNullBefore(table: ObjectKey, column: string): boolean | undefined;
  /** Whether the snapshot before has the column; undefined when it does not know the table. */
  hasColumnBefore(table: ObjectKey, column: string): boolean | undefined;
  /** Schemas whose tables hold an index of this name in the snapshot before (undefined: no snapshot). */
  indexSchemasBefore(index: string): string[] | undefined;
  /** Partial or expression indexes of the table in the snapshot before that use the column (rebuilt by a type change). */
  indexesUsingBefore(table: ObjectKey, column: string): string[];
}

export interface StatementView {
  tokens: readonly Token[];
  /** File offset of the statement text (token offsets are relative to it). */
  base: number;
}

export interface RuleHit {
  at: number;
  message: string;
  /** Overrides the rule's default severity (e.g. per dialect). */
  severity?: Severity;
}

export interface SafetyRule {
  meta: RuleMeta;
  /** Judges one op; returns the finding message (with a severity when not the default), or nothing. */
  checkOp?(op: Op, state: LintState): string | { message: string; severity: Severity } | undefined;
  /** Judges a whole statement (before its ops change the state). */
  checkStatement?(statement: StatementView, state: LintState): RuleHit[];
}

/** Rule metadata with the safety category filled in. */
export function safetyRule(meta: Omit<RuleMeta, 'category'>): RuleMeta {
  return { ...meta, category: 'safety' };
}
