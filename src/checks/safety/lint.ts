// The safety linter: statements → ops (tokens, or the PostgreSQL parse tree for ALTER TABLE) →
// rules, judged against the schema and transaction state built from the statements before.

import { findingOf, type Finding } from '../../findings.js';
import { escapeRegExp } from '../../model/quote.js';
import { SourceText, utf16OffsetOfCodePoint, utf16OffsetOfUtf8 } from '../../model/source.js';
import type { Migration } from '../../model/types.js';
import { opsOfAlterTable } from './alter-table.js';
import { classifyPostgres } from './classify.js';
import { createLexicalExtractor } from './dialect-lexical.js';
import { fastAlterOps } from './fast-alter.js';
import { jsonEntryWithMember, jsonMember } from './json-member.js';
import { lexChunk, type Token } from '../../model/sql-lexer.js';
import type { ConstraintKind, ObjectKey, Op } from './ops.js';
import { parseSql } from './parser.js';
import { bodyOf } from './plpgsql.js';
import { parseError, SAFETY_RULES, unusedIgnore } from './rules/index.js';
import type { LintDialect, LintState, RuleHit, SafetyRule } from './rules/types.js';
import { SchemaOverlay } from './schema-overlay.js';
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
   * The snapshot of the nearest earlier migration that has one (enum values, column types), read on
   * demand: the parsed document if the model has it, else the file's text (only the members asked for
   * are parsed).
   */
  snapshotBefore?: () => Record<string, unknown> | string | undefined;
  /**
   * The migrations between that snapshot's and this one, in order (none of them has a snapshot: written
   * by hand and added to the journal): their statements are applied to the snapshot's schema.
   */
  since?: readonly Migration[];
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
  /** Index of the `--> statement-breakpoint` chunk in the migration. */
  chunk: number;
  /** More statements share the chunk: drizzle's migrator sends it as one query, one implicit block. */
  multiStatementChunk: boolean;
  /** From a DO block, or from a function body (judged, but it does not run with the migration). */
  embedded?: 'do' | 'function';
}

export interface LintStats {
  statements: number;
  parsed: number;
}

export class SafetyLinter {
  private readonly newTables = new Set<ObjectKey>();
  private readonly newTypes = new Set<ObjectKey>();
  private readonly newIndexes = new Set<ObjectKey>();
  /** `table\0column` of columns added in this migration or batch. */
  private readonly newColumns = new Set<string>();
  private readonly emptied = new Set<ObjectKey>();
  private readonly uncommitted = new Map<string, { type: ObjectKey; at: number }>();
  /** `table\0name` of NOT VALID constraints added in the open transaction block. */
  private readonly notValid = new Map<string, ConstraintKind>();
  /** drizzle's migrator transaction, or one opened by BEGIN, is open. */
  private inTransaction = true;
  /** The statement being judged shares its chunk with others (an implicit transaction block). */
  private inImplicitBlock = false;
  private before: SnapshotLookups = snapshotLookups(undefined);
  /** The ops of migrations without a snapshot, as extracted when they were linted (or applied for a later one). */
  private readonly opsWithoutSnapshot = new Map<Migration, readonly Op[]>();
  readonly stats: LintStats = { statements: 0, parsed: 0 };
  /**
   * The op each op-level finding judged, with every op of its migration: a check may refine a finding with
   * facts the lint cannot see.
   */
  readonly subjects = new Map<Finding, { op: Op; migrationOps: readonly Op[] }>();

  constructor(private readonly options: LintOptions) {}

  async lint(targets: readonly LintTarget[]): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const target of targets) findings.push(...(await this.lintMigration(target)));
    return findings;
  }

  private async lintMigration({ migration, snapshotBefore, since = [] }: LintTarget): Promise<Finding[]> {
    if (migration.sql === undefined) return [];
    if (!this.options.batch) {
      this.newTables.clear();
      this.newTypes.clear();
      this.newIndexes.clear();
      this.newColumns.clear();
      this.emptied.clear();
      this.uncommitted.clear();
      this.notValid.clear();
      this.inTransaction = true;
    }
    const source = new SourceText(migration.sql);
    const before = await this.schemaBefore(snapshotBefore, since);
    this.before = before;
    const { statements, fileIgnores } = await this.extract(migration, (t) => before.columnsOf(t));
    const migrationOps = statements.flatMap((s) => s.ops);
    if (!migration.snapshot) this.opsWithoutSnapshot.set(migration, opsRun(statements));
    const linter = this;
    const state: LintState = {
      dialect: this.options.dialect,
      postgresVersion: this.options.postgresVersion,
      get inTransaction() {
        return linter.inTransaction || linter.inImplicitBlock;
      },
      get transactionBlock() {
        return linter.inTransaction ? 'explicit' : linter.inImplicitBlock ? 'implicit' : undefined;
      },
      isNewTable: (t) => this.newTables.has(t),
      isEmptyTable: (t) => this.newTables.has(t) || this.emptied.has(t),
      isNewColumn: (t, c) => this.newColumns.has(`${t}\0${c}`),
      notValidInTransaction: (t, name) => this.notValid.get(`${t}\0${name}`),
      isNewType: (t) => this.newTypes.has(t),
      isNewIndex: (i) => this.newIndexes.has(i),
      migrationOps,
      migrationStatements: statements,
      inDoBlock: (at) => statements.some((s) => s.embedded === 'do' && s.start <= at && at <= s.end),
      uncommittedEnumValues: this.uncommitted,
      enumValuesBefore: (t) => before.enumValues(t),
      columnTypeBefore: (t, c) => before.columnType(t, c),
      columnNotNullBefore: (t, c) => before.columnNotNull(t, c),
      hasColumnBefore: (t, c) => before.hasColumn(t, c),
      indexSchemasBefore: (i) => before.indexSchemas(i),
      indexesUsingBefore: (t, c) => before.indexesUsing(t, c),
    };

    const findings: Finding[] = [];
    const report = (rule: SafetyRule, hit: RuleHit, stmt: StatementOps | undefined, ignores: readonly Ignore[], op?: Op) => {
      if (rule !== unusedIgnore && suppressedBy(rule.meta.id, ignores)) return;
      const start = source.positionAt(hit.at);
      const end = stmt ? source.positionAt(stmt.end) : start;
      const inFunction = stmt?.embedded === 'function' ? ' (In a function body: this runs when the function is called, not when the migration runs.)' : '';
      const finding = findingOf(rule.meta, {
        message: hit.message + inFunction,
        ...(hit.severity ? { severity: hit.severity } : {}),
        file: migration.file,
        migration: migration.tag,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
      findings.push(finding);
      if (op) this.subjects.set(finding, { op, migrationOps });
    };

    let chunk = -1;
    for (const stmt of statements) {
      if (stmt.chunk !== chunk) {
        this.endChunk();
        chunk = stmt.chunk;
      }
      this.inImplicitBlock = stmt.multiStatementChunk;
      const ignores = [...stmt.ignores, ...fileIgnores];
      if (stmt.parseError) report(parseError, stmt.parseError, stmt, ignores);
      for (const rule of SAFETY_RULES) {
        for (const hit of rule.checkStatement?.(stmt, state) ?? []) report(rule, hit, stmt, ignores);
      }
      for (const op of stmt.ops) {
        for (const rule of SAFETY_RULES) {
          const verdict = rule.checkOp?.(op, state);
          if (verdict !== undefined) report(rule, typeof verdict === 'string' ? { at: op.at, message: verdict } : { at: op.at, ...verdict }, stmt, ignores, op);
        }
        // A function body's statements run later, when it is called: they change nothing now.
        if (stmt.embedded !== 'function') this.apply(op);
      }
    }
    this.endChunk();
    for (const ignore of [...statements.flatMap((s) => s.ignores), ...fileIgnores]) {
      const unused = unusedParts(ignore);
      if (unused.length === 0) continue;
      const what = unused[0] === '*' ? 'silences no finding' : `does not silence ${unused.map((r) => `\`${r}\``).join(', ')}`;
      report(unusedIgnore, { at: ignore.at, message: `This drizzle-guard-ignore${ignore.file ? '-file' : ''} comment ${what}.` }, undefined, []);
    }
    return findings;
  }

  /**
   * The schema before a migration: the nearest earlier snapshot, with the statements of the migrations
   * since then (which have none) applied. One of them unreadable: what it did is unknown, and so is the schema.
   */
  private async schemaBefore(snapshotBefore: LintTarget['snapshotBefore'], since: readonly Migration[]): Promise<SnapshotLookups> {
    const snapshot = snapshotLookups(snapshotBefore);
    if (since.length === 0) return snapshot;
    const overlay = new SchemaOverlay(snapshot);
    for (const migration of since) {
      if (migration.sql === undefined) return snapshotLookups(undefined);
      let ops = this.opsWithoutSnapshot.get(migration);
      if (!ops) {
        ops = opsRun((await this.extract(migration, (t) => overlay.columnsOf(t))).statements);
        this.opsWithoutSnapshot.set(migration, ops);
      }
      for (const op of ops) overlay.apply(op);
    }
    return overlay;
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
    const pending: { stmt: StatementOps; text: string }[] = [];
    migration.statements.forEach((chunk, chunkIndex) => {
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
          chunk: chunkIndex,
          multiStatementChunk: lexed.length > 1,
        };
        pending.push({ stmt, text: chunk.text.slice(s.start, s.end) });
        if (lexical) continue;
        const body = bodyOf(s.tokens, chunk.text, chunk.offset);
        for (const e of body?.statements ?? []) {
          const inner: StatementOps = {
            tokens: e.tokens,
            base: e.base,
            start: e.base + e.start,
            end: e.base + e.end - 1,
            ops: [],
            ignores: stmt.ignores,
            chunk: chunkIndex,
            multiStatementChunk: stmt.multiStatementChunk,
            embedded: body!.kind,
          };
          pending.push({ stmt: inner, text: e.body.slice(e.start, e.end) });
        }
      }
    });
    for (const { stmt, text } of pending) {
      if (lexical) stmt.ops = lexical(stmt.tokens, stmt.base);
      // A function's statements do not create anything now.
      else await this.extractPostgres(text, stmt, stmt.embedded === 'function' ? new Set() : createdHere);
      statements.push(stmt);
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
    if (!this.options.parseAll || stmt.embedded) {
      if (cls.kind !== 'alter-table' || (isNew(cls.table) && !cls.renames && !cls.concurrently)) return;
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
      // PL/pgSQL variables and the way its statements are cut out may not parse as plain SQL.
      if (stmt.embedded) return;
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

  /** At a chunk's end: an implicit block commits (what it held is no longer uncommitted). */
  private endChunk(): void {
    if (this.inImplicitBlock && !this.inTransaction) {
      this.uncommitted.clear();
      this.notValid.clear();
    }
    this.inImplicitBlock = false;
  }

  /** The table holds no rows now; TRUNCATE … CASCADE also empties the tables referencing it. */
  private empty(table: ObjectKey, cascade: boolean): void {
    const todo = [table];
    while (todo.length > 0) {
      const t = todo.pop()!;
      if (this.emptied.has(t)) continue;
      this.emptied.add(t);
      if (cascade) todo.push(...this.before.referencingTables(t));
    }
  }

  private apply(op: Op): void {
    switch (op.kind) {
      case 'create-table':
        this.newTables.add(op.table);
        break;
      case 'drop-table':
        this.newTables.delete(op.table);
        this.emptied.delete(op.table);
        break;
      case 'add-column':
        this.newColumns.add(`${op.table}\0${op.column}`);
        break;
      case 'truncate':
        this.empty(op.table, op.cascade === true);
        break;
      case 'delete-all':
        this.empty(op.table, false);
        break;
      case 'insert':
        this.emptied.delete(op.table);
        break;
      case 'add-constraint':
        if (op.notValid && op.name !== undefined && (this.inTransaction || this.inImplicitBlock)) this.notValid.set(`${op.table}\0${op.name}`, op.constraint);
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
        if ((this.inTransaction || this.inImplicitBlock) && !usable) this.uncommitted.set(op.value, { type: op.type, at: op.at });
        break;
      }
      case 'begin':
        this.inTransaction = true;
        break;
      case 'commit':
      case 'rollback':
        this.inTransaction = false;
        this.uncommitted.clear();
        this.notValid.clear();
        break;
      default:
        break;
    }
  }
}

/**
 * Schemas of the tables holding an index of this name, read from the snapshot's text without parsing
 * it all (snapshots of long histories are megabytes): an index entry `"name": {` sits in its table's
 * `indexes`, after the table's own `"schema": "…"` (columns and indexes have no `schema` member).
 */
function indexSchemasInText(text: string, index: string): string[] {
  const needle = JSON.stringify(index);
  const schemas = new Set<string>();
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    if (!/^\s*:\s*\{/.test(text.slice(at + needle.length, at + needle.length + 8))) continue;
    const member = text.lastIndexOf('"schema"', at);
    const value = member < 0 ? undefined : /^"schema"\s*:\s*"([^"]*)"/.exec(text.slice(member, member + 200));
    if (value) schemas.add(value[1] || 'public');
  }
  return [...schemas];
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** The ops that run with the migration (a function body's run when it is called). */
function opsRun(statements: readonly StatementOps[]): Op[] {
  return statements.filter((s) => s.embedded !== 'function').flatMap((s) => s.ops);
}

export interface SnapshotLookups {
  enumValues(type: ObjectKey): string[] | undefined;
  columnType(table: ObjectKey, column: string): string | undefined;
  columnNotNull(table: ObjectKey, column: string): boolean | undefined;
  hasColumn(table: ObjectKey, column: string): boolean | undefined;
  columnsOf(table: ObjectKey): string[] | undefined;
  /** Tables with a foreign key to `table`. */
  referencingTables(table: ObjectKey): ObjectKey[];
  indexSchemas(index: string): string[] | undefined;
  /**
   * Partial or expression indexes of the table that use the column (as a key, in an expression or in the
   * predicate): PostgreSQL rebuilds those even when the column's new type is binary-coercible.
   */
  indexesUsing(table: ObjectKey, column: string): string[];
}

/** Reads enums and columns from a drizzle-kit snapshot (v5–v7: keys `schema.name` or `name`). */
export function snapshotLookups(load: (() => Record<string, unknown> | string | undefined) | undefined): SnapshotLookups {
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
  // Questions about every table (rare: TRUNCATE … CASCADE, DROP INDEX) read the whole document.
  let tables: [ObjectKey, Record<string, any>][] | undefined;
  const allTables = (): [ObjectKey, Record<string, any>][] => {
    if (tables) return tables;
    if (!loaded) {
      doc = load?.();
      loaded = true;
    }
    let full: unknown = doc;
    if (typeof doc === 'string') {
      try {
        full = JSON.parse(doc);
      } catch {
        full = undefined;
      }
    }
    const group = full && typeof full === 'object' ? (full as Record<string, any>).tables : undefined;
    tables = group && typeof group === 'object'
      ? Object.entries(group as Record<string, any>).map(([key, t]): [ObjectKey, Record<string, any>] => [key.includes('.') ? key : `${t?.schema || 'public'}.${key}`, t ?? {}])
      : [];
    return tables;
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
    columnNotNull(table, column) {
      const notNull = columns(table)?.[column]?.notNull;
      return typeof notNull === 'boolean' ? notNull : undefined;
    },
    hasColumn(table, column) {
      const c = columns(table);
      return c ? Object.hasOwn(c, column) : undefined;
    },
    columnsOf(table) {
      const c = columns(table);
      return c ? Object.keys(c) : undefined;
    },
    referencingTables(table) {
      return allTables()
        .filter(([, t]) =>
          Object.values((t.foreignKeys ?? {}) as Record<string, any>).some((fk) => `${fk?.schemaTo || 'public'}.${fk?.tableTo}` === table),
        )
        .map(([key]) => key);
    },
    indexesUsing(table, column) {
      const indexes = entry('tables', table)?.indexes;
      if (!indexes || typeof indexes !== 'object') return [];
      const uses = new RegExp(`(^|[^\\w$])"?${escapeRegExp(column)}"?($|[^\\w$])`);
      return Object.entries(indexes as Record<string, any>)
        .filter(([, ix]) => {
          // v7 keys are { expression, isExpression }; older snapshots list column names.
          const keys: { expression: string; isExpression: boolean }[] = (Array.isArray(ix?.columns) ? ix.columns : []).map((k: any) =>
            typeof k === 'string' ? { expression: k, isExpression: false } : { expression: String(k?.expression ?? ''), isExpression: Boolean(k?.isExpression) },
          );
          const where = typeof ix?.where === 'string' ? ix.where : '';
          const usesColumn = uses.test(where) || keys.some((k) => (k.isExpression ? uses.test(k.expression) : k.expression === column));
          return usesColumn && (where !== '' || keys.some((k) => k.isExpression));
        })
        .map(([name]) => name);
    },
    indexSchemas(index) {
      if (!loaded) {
        doc = load?.();
        loaded = true;
      }
      if (doc === undefined) return undefined;
      if (typeof doc === 'string') return indexSchemasInText(doc, index);
      const all = allTables();
      return [...new Set(all.filter(([, t]) => Object.hasOwn(t.indexes ?? {}, index)).map(([key]) => key.slice(0, key.indexOf('.'))))];
    },
  };
}
