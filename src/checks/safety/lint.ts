// The safety linter: statements → ops (tokens, or the PostgreSQL parse tree for ALTER TABLE) →
// rules, judged against the schema and transaction state built from the statements before.

import { findingOf, type Finding } from '../../findings.js';
import { SourceText, utf16OffsetOfCodePoint, utf16OffsetOfUtf8 } from '../../model/source.js';
import type { Migration } from '../../model/types.js';
import { opsOfAlterTable } from './alter-table.js';
import { classifyPostgres } from './classify.js';
import { createLexicalExtractor } from './dialect-lexical.js';
import { fastAlterOps } from './fast-alter.js';
import { jsonEntryWithMember, jsonMember } from './json-member.js';
import { lexChunk, type Token } from '../../model/sql-lexer.js';
import type { ObjectKey, Op } from './ops.js';
import { parseSql } from './parser.js';
import { parseError, SAFETY_RULES, unusedIgnore } from './rules/index.js';
import type { LintDialect, LintState, RuleHit, SafetyRule } from './rules/types.js';
import { ignoreOf, suppressedBy, unusedParts, type Ignore } from './suppress.js';

export interface LintOptions {
  dialect: LintDialect;
  postgresVersion: number;
  /**
   * True with --base: the linted migrations are the pending batch drizzle's migrator applies in one
   * transaction, so objects they create stay new and the transaction carries from one to the next.
   * False: each migration is judged on its own, starting in a fresh migrator transaction.
   */
  batch: boolean;
  /** Parse every PostgreSQL statement (reporting parse errors), not only those a rule needs a tree for. */
  parseAll: boolean;
}

export interface LintTarget {
  migration: Migration;
  /**
   * The snapshot of the migration just before it (enum values, column types), read on demand: the
   * parsed document if the model has it, else the file's text (only the members asked for are parsed).
   */
  snapshotBefore?: () => Record<string, unknown> | string | undefined;
}

interface StatementOps {
  /** Offsets relative to `base`. */
  tokens: Token[];
  /** File offset token offsets are relative to (the chunk's). */
  base: number;
  /** File offset of the statement's first token. */
  start: number;
  /** Trimmed end of the statement in the file. */
  end: number;
  ops: Op[];
  ignores: Ignore[];
  parseError?: RuleHit;
}

export interface LintStats {
  statements: number;
  parsed: number;
}

export class SafetyLinter {
  private readonly newTables = new Set<ObjectKey>();
  private readonly newTypes = new Set<ObjectKey>();
  private readonly newIndexes = new Set<ObjectKey>();
  private readonly uncommitted = new Map<string, { type: ObjectKey; at: number }>();
  private inTransaction = true;
  readonly stats: LintStats = { statements: 0, parsed: 0 };

  constructor(private readonly options: LintOptions) {}

  async lint(targets: readonly LintTarget[]): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const target of targets) findings.push(...(await this.lintMigration(target)));
    return findings;
  }

  private async lintMigration({ migration, snapshotBefore }: LintTarget): Promise<Finding[]> {
    if (migration.sql === undefined) return [];
    if (!this.options.batch) {
      this.newTables.clear();
      this.newTypes.clear();
      this.newIndexes.clear();
      this.uncommitted.clear();
      this.inTransaction = true;
    }
    const source = new SourceText(migration.sql);
    const before = snapshotLookups(snapshotBefore);
    const { statements, fileIgnores } = await this.extract(migration, before.columnsOf);
    const migrationOps = statements.flatMap((s) => s.ops);
    const linter = this;
    const state: LintState = {
      dialect: this.options.dialect,
      postgresVersion: this.options.postgresVersion,
      get inTransaction() {
        return linter.inTransaction;
      },
      isNewTable: (t) => this.newTables.has(t),
      isNewType: (t) => this.newTypes.has(t),
      isNewIndex: (i) => this.newIndexes.has(i),
      migrationOps,
      migrationStatements: statements,
      uncommittedEnumValues: this.uncommitted,
      enumValuesBefore: before.enumValues,
      columnTypeBefore: before.columnType,
    };

    const findings: Finding[] = [];
    const report = (rule: SafetyRule, hit: RuleHit, stmt: StatementOps | undefined, ignores: readonly Ignore[]) => {
      if (rule !== unusedIgnore && suppressedBy(rule.meta.id, ignores)) return;
      const start = source.positionAt(hit.at);
      const end = stmt ? source.positionAt(stmt.end) : start;
      findings.push(
        findingOf(rule.meta, {
          message: hit.message,
          file: migration.file,
          migration: migration.tag,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
        }),
      );
    };

    for (const stmt of statements) {
      const ignores = [...stmt.ignores, ...fileIgnores];
      if (stmt.parseError) report(parseError, stmt.parseError, stmt, ignores);
      for (const rule of SAFETY_RULES) {
        for (const hit of rule.checkStatement?.(stmt, state) ?? []) report(rule, hit, stmt, ignores);
      }
      for (const op of stmt.ops) {
        for (const rule of SAFETY_RULES) {
          const message = rule.checkOp?.(op, state);
          if (message !== undefined) report(rule, { at: op.at, message }, stmt, ignores);
        }
        this.apply(op);
      }
    }
    for (const ignore of [...statements.flatMap((s) => s.ignores), ...fileIgnores]) {
      const unused = unusedParts(ignore);
      if (unused.length === 0) continue;
      const what = unused[0] === '*' ? 'silences no finding' : `does not silence ${unused.map((r) => `\`${r}\``).join(', ')}`;
      report(unusedIgnore, { at: ignore.at, message: `This drizzle-guard-ignore${ignore.file ? '-file' : ''} comment ${what}.` }, undefined, []);
    }
    return findings;
  }

  /** Lexes every chunk, classifies each statement and parses those that need a tree. */
  private async extract(
    migration: Migration,
    columnsBefore: (table: ObjectKey) => string[] | undefined,
  ): Promise<{ statements: StatementOps[]; fileIgnores: Ignore[] }> {
    const { dialect } = this.options;
    const statements: StatementOps[] = [];
    const fileIgnores: Ignore[] = [];
    const lexical = dialect === 'postgresql' ? undefined : createLexicalExtractor(dialect, columnsBefore);
    // Tables created so far in this migration (the state itself changes only when rules run).
    const createdHere = new Set<ObjectKey>();
    for (const chunk of migration.statements) {
      const { statements: lexed, comments } = lexChunk(chunk, dialect);
      for (const comment of comments) {
        const ignore = ignoreOf(comment, chunk.offset);
        if (ignore?.file) fileIgnores.push(ignore);
      }
      for (const s of lexed) {
        this.stats.statements++;
        const stmt: StatementOps = {
          tokens: s.tokens,
          base: chunk.offset,
          start: chunk.offset + s.start,
          end: chunk.offset + s.end - 1,
          ops: [],
          ignores: s.leadingComments.map((c) => ignoreOf(c, chunk.offset)).filter((i): i is Ignore => i !== undefined && !i.file),
        };
        if (lexical) stmt.ops = lexical(stmt.tokens, stmt.base);
        else await this.extractPostgres(chunk.text.slice(s.start, s.end), stmt, createdHere);
        statements.push(stmt);
      }
    }
    return { statements, fileIgnores };
  }

  private async extractPostgres(text: string, stmt: StatementOps, createdHere: Set<ObjectKey>): Promise<void> {
    const cls = classifyPostgres(stmt.tokens, stmt.base);
    if (cls.kind === 'ops') {
      stmt.ops = cls.ops;
      for (const op of cls.ops) if (op.kind === 'create-table') createdHere.add(op.table);
    }
    const isNew = (t: ObjectKey) => createdHere.has(t) || this.newTables.has(t);
    // Before the fast path moves the clause cursors.
    const clauseStarts = cls.kind === 'alter-table' ? cls.clauses.map((c) => c.offset()) : [];
    if (!this.options.parseAll) {
      if (cls.kind !== 'alter-table' || (isNew(cls.table) && !cls.renames)) return;
      const fast = fastAlterOps(cls.clauses, cls.table);
      if (fast) {
        stmt.ops = fast;
        return;
      }
    }
    this.stats.parsed++;
    const result = await parseSql(text);
    const ascii = isAscii(text);
    const toFile = (byte: number) => stmt.start + (ascii ? byte : utf16OffsetOfUtf8(text, byte));
    if (!result.ok) {
      stmt.parseError = {
        at: result.codePointOffset === undefined ? stmt.start : stmt.start + (ascii ? result.codePointOffset : utf16OffsetOfCodePoint(text, result.codePointOffset)),
        message: `PostgreSQL cannot parse this statement: ${result.message}.`,
      };
      return;
    }
    if (cls.kind !== 'alter-table') return;
    for (const parsed of result.statements) {
      stmt.ops.push(
        ...opsOfAlterTable(
          parsed.stmt,
          (loc) => toFile(loc ?? parsed.location),
          (i) => clauseStarts[i] ?? stmt.start,
        ),
      );
    }
  }

  private apply(op: Op): void {
    switch (op.kind) {
      case 'create-table':
        this.newTables.add(op.table);
        break;
      case 'drop-table':
        this.newTables.delete(op.table);
        break;
      case 'rename-table':
        if (this.newTables.delete(op.table)) this.newTables.add(op.to);
        break;
      case 'create-index':
        if (op.index !== undefined) this.newIndexes.add(op.index);
        break;
      case 'drop-index':
        this.newIndexes.delete(op.index);
        break;
      case 'create-enum':
        this.newTypes.add(op.type);
        break;
      case 'drop-type':
        this.newTypes.delete(op.type);
        break;
      case 'add-enum-value': {
        // Outside a transaction block the statement commits at once. A value added to a type created
        // in the same transaction is usable on PostgreSQL 18 and fails on 15 (both verified, see
        // test/safety/postgres-truth.test.ts); versions between are assumed to fail.
        const usable = this.newTypes.has(op.type) && this.options.postgresVersion >= 18;
        if (this.inTransaction && !usable) this.uncommitted.set(op.value, { type: op.type, at: op.at });
        break;
      }
      case 'begin':
        this.inTransaction = true;
        break;
      case 'commit':
      case 'rollback':
        this.inTransaction = false;
        this.uncommitted.clear();
        break;
      default:
        break;
    }
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

interface SnapshotLookups {
  enumValues(type: ObjectKey): string[] | undefined;
  columnType(table: ObjectKey, column: string): string | undefined;
  columnsOf(table: ObjectKey): string[] | undefined;
}

/** Reads enums and columns from a drizzle-kit snapshot (v5–v7: keys `schema.name` or `name`). */
function snapshotLookups(load: (() => Record<string, unknown> | string | undefined) | undefined): SnapshotLookups {
  let doc: Record<string, unknown> | string | undefined;
  let loaded = false;
  const member = (group: 'tables' | 'enums', key: string): unknown => {
    if (!loaded) {
      doc = load?.();
      loaded = true;
    }
    if (typeof doc === 'string') return jsonEntryWithMember(doc, key, group === 'tables' ? 'columns' : 'values') ?? jsonMember(doc, [group, key]);
    const all = doc?.[group];
    return all && typeof all === 'object' ? (all as Record<string, unknown>)[key] : undefined;
  };
  const entry = (group: 'tables' | 'enums', key: ObjectKey): Record<string, any> | undefined => {
    const bare = key.startsWith('public.') ? key.slice('public.'.length) : key;
    const found = member(group, key) ?? (bare !== key ? member(group, bare) : undefined);
    return found && typeof found === 'object' ? (found as Record<string, any>) : undefined;
  };
  const columns = (table: ObjectKey): Record<string, any> | undefined => {
    const c = entry('tables', table)?.columns;
    return c && typeof c === 'object' ? c : undefined;
  };
  return {
    enumValues(type) {
      const values = entry('enums', type)?.values;
      if (Array.isArray(values)) return values.map(String);
      return values && typeof values === 'object' ? Object.values(values).map(String) : undefined;
    },
    columnType(table, column) {
      const type = columns(table)?.[column]?.type;
      return typeof type === 'string' ? type : undefined;
    },
    columnsOf(table) {
      const c = columns(table);
      return c ? Object.keys(c) : undefined;
    },
  };
}
