// Cheap keyword classification of a PostgreSQL statement from its tokens. Fixed-shape statements
// (CREATE TABLE/INDEX/TYPE, DROP …, TRUNCATE, ALTER TYPE … ADD VALUE, transaction control) become
// ops right here; ALTER TABLE is left to the real parser (its sub-commands carry expressions).

import type { Token } from '../../model/sql-lexer.js';
import type { ObjectKey, Op } from './ops.js';

export type Classification =
  | { kind: 'ops'; ops: Op[] }
  /**
   * ALTER TABLE: needs the parse tree. `table` lets the caller skip it when the table is new;
   * `clauses` are its comma-separated sub-commands (their offsets locate findings: the tree has none).
   */
  | {
      kind: 'alter-table';
      table: ObjectKey;
      renames: boolean;
      /** DETACH PARTITION … CONCURRENTLY: refused in a transaction block even on a new table. */
      concurrently: boolean;
      clauses: TokenCursor[];
    }
  | { kind: 'other' };

/** Reads tokens left to right; `base` is added to offsets to make them file offsets. */
export class TokenCursor {
  pos = 0;
  /**
   * `identifierBytes`: PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes (so does its
   * parse tree); names read here must match.
   */
  constructor(
    readonly tokens: Token[],
    readonly base: number,
    readonly identifierBytes?: number,
  ) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.pos + k];
  }

  /** True when the next tokens are exactly these keywords (not consumed). */
  at(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) {
      const t = this.tokens[this.pos + k];
      if (t === undefined || t.kind !== 'word' || t.value !== words[k]) return false;
    }
    return true;
  }

  /** Consumes the keywords if they come next. */
  accept(...words: string[]): boolean {
    if (!this.at(...words)) return false;
    this.pos += words.length;
    return true;
  }

  acceptPunct(p: string): boolean {
    if (this.peek()?.kind === 'punct' && this.peek()!.value === p) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** File offset of the next token (or of the last one at the end). */
  offset(): number {
    const t = this.peek() ?? this.tokens[this.tokens.length - 1];
    return this.base + (t?.start ?? 0);
  }

  /** An identifier (quoted keeps case; unquoted folds to lower case), or undefined. */
  name(): string | undefined {
    const t = this.peek();
    if (!t || (t.kind !== 'ident' && t.kind !== 'word')) return undefined;
    this.pos++;
    const name = t.kind === 'ident' ? t.value : t.value.toLowerCase();
    return this.identifierBytes === undefined ? name : truncateUtf8(name, this.identifierBytes);
  }

  /** `name` or `schema.name`, keyed with `defaultSchema` when unqualified (none: the bare name). */
  qualifiedName(defaultSchema: string | undefined): ObjectKey | undefined {
    const first = this.name();
    if (first === undefined) return undefined;
    if (this.peek()?.value === '.' && this.peek()?.kind === 'punct') {
      this.pos++;
      const second = this.name();
      if (second !== undefined) return `${first}.${second}`;
    }
    return defaultSchema === undefined ? first : `${defaultSchema}.${first}`;
  }

  /** Comma-separated qualified names. */
  nameList(defaultSchema: string | undefined): { key: ObjectKey; at: number }[] {
    const out: { key: ObjectKey; at: number }[] = [];
    for (;;) {
      const at = this.offset();
      const key = this.qualifiedName(defaultSchema);
      if (key === undefined) break;
      out.push({ key, at });
      this.acceptPunct('*');
      if (!this.acceptPunct(',')) break;
    }
    return out;
  }

  /** Comma-separated string literals inside parentheses: `('a', 'b')`. */
  stringList(): string[] {
    const out: string[] = [];
    if (!this.acceptPunct('(')) return out;
    while (this.peek()?.kind === 'string') {
      out.push(this.peek()!.value);
      this.pos++;
      if (!this.acceptPunct(',')) break;
    }
    return out;
  }
}

function truncateUtf8(name: string, max: number): string {
  if (name.length * 3 <= max) return name;
  let bytes = 0;
  let i = 0;
  while (i < name.length) {
    const cp = name.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > max) break;
    bytes += size;
    i += cp > 0xffff ? 2 : 1;
  }
  return name.slice(0, i);
}

const PUBLIC = 'public';
const PG_IDENTIFIER_BYTES = 63;

/** The rest of an ALTER TABLE after the table name, split on top-level commas. */
export function splitClauses(c: TokenCursor): TokenCursor[] {
  const clauses: TokenCursor[] = [];
  let depth = 0;
  let from = c.pos;
  for (let i = c.pos; i <= c.tokens.length; i++) {
    const t = c.tokens[i];
    if (t?.kind === 'punct' && t.value === '(') depth++;
    if (t?.kind === 'punct' && t.value === ')') depth--;
    if (t === undefined || (depth === 0 && t.kind === 'punct' && t.value === ',')) {
      if (i > from) clauses.push(new TokenCursor(c.tokens.slice(from, i), c.base, c.identifierBytes));
      from = i + 1;
    }
  }
  return clauses;
}

export function classifyPostgres(tokens: Token[], base: number): Classification {
  const c = new TokenCursor(tokens, base, PG_IDENTIFIER_BYTES);
  const at = c.offset();
  if (c.accept('BEGIN') || c.accept('START', 'TRANSACTION')) return { kind: 'ops', ops: [{ kind: 'begin', at }] };
  if (c.accept('COMMIT') || c.accept('END')) {
    // COMMIT PREPARED acts on another transaction.
    return c.at('PREPARED') ? { kind: 'other' } : { kind: 'ops', ops: [{ kind: 'commit', at }] };
  }
  if (c.accept('ROLLBACK') || c.accept('ABORT')) {
    return c.at('TO') || c.at('PREPARED') ? { kind: 'other' } : { kind: 'ops', ops: [{ kind: 'rollback', at }] };
  }
  const refused = refusedInTransactionBlock(c, tokens);
  if (refused) return { kind: 'ops', ops: [{ kind: 'outside-transaction', statement: refused, at }] };
  if (c.accept('CREATE')) return classifyCreate(c, at);
  if (c.accept('DROP')) return classifyDrop(c);
  if (c.accept('TRUNCATE')) {
    c.accept('TABLE');
    c.accept('ONLY');
    const names = c.nameList(PUBLIC);
    const cascade = tokens.some((t) => t.kind === 'word' && t.value === 'CASCADE');
    return { kind: 'ops', ops: names.map((n) => ({ kind: 'truncate', table: n.key, cascade, at: n.at })) };
  }
  // Without WHERE every row is deleted or written (a USING or FROM join could match fewer: not judged).
  if (c.accept('DELETE', 'FROM')) return wholeTable(c, tokens, at, 'delete-all', 'USING');
  if (c.accept('UPDATE')) return wholeTable(c, tokens, at, 'update-all', 'FROM');
  if (c.accept('INSERT', 'INTO') || c.accept('COPY')) {
    const table = c.qualifiedName(PUBLIC);
    return table ? { kind: 'ops', ops: [{ kind: 'insert', table, at }] } : { kind: 'other' };
  }
  if (c.accept('ALTER', 'TYPE')) {
    const type = c.qualifiedName(PUBLIC);
    if (type && c.accept('ADD', 'VALUE')) {
      c.accept('IF', 'NOT', 'EXISTS');
      const value = c.peek();
      if (value?.kind === 'string') return { kind: 'ops', ops: [{ kind: 'add-enum-value', type, value: value.value, at }] };
    }
    return { kind: 'other' };
  }
  if (c.accept('ALTER', 'TABLE')) {
    c.accept('IF', 'EXISTS');
    c.accept('ONLY');
    const table = c.qualifiedName(PUBLIC);
    if (table === undefined) return { kind: 'other' };
    const renames = tokens.some((t) => t.kind === 'word' && t.value === 'RENAME');
    const concurrently = tokens.some((t) => t.kind === 'word' && t.value === 'CONCURRENTLY');
    return { kind: 'alter-table', table, renames, concurrently, clauses: splitClauses(c) };
  }
  return { kind: 'other' };
}

function classifyCreate(c: TokenCursor, at: number): Classification {
  c.accept('OR', 'REPLACE');
  if (!c.accept('GLOBAL')) c.accept('LOCAL');
  if (!c.accept('TEMP') && !c.accept('TEMPORARY')) c.accept('UNLOGGED');
  if (c.accept('TABLE')) {
    c.accept('IF', 'NOT', 'EXISTS');
    const table = c.qualifiedName(PUBLIC);
    return table ? { kind: 'ops', ops: [{ kind: 'create-table', table, at }] } : { kind: 'other' };
  }
  c.accept('UNIQUE');
  if (c.accept('INDEX')) {
    const concurrently = c.accept('CONCURRENTLY');
    c.accept('IF', 'NOT', 'EXISTS');
    const name = c.at('ON') ? undefined : c.name();
    if (!c.accept('ON')) return { kind: 'other' };
    c.accept('ONLY');
    const table = c.qualifiedName(PUBLIC);
    if (!table) return { kind: 'other' };
    // An index lives in its table's schema.
    const index = name === undefined ? undefined : `${table.slice(0, table.indexOf('.'))}.${name}`;
    return { kind: 'ops', ops: [{ kind: 'create-index', table, concurrently, ...(index ? { index } : {}), at }] };
  }
  if (c.accept('TYPE')) {
    const type = c.qualifiedName(PUBLIC);
    if (type && c.accept('AS', 'ENUM')) return { kind: 'ops', ops: [{ kind: 'create-enum', type, values: c.stringList(), at }] };
  }
  return { kind: 'other' };
}

function classifyDrop(c: TokenCursor): Classification {
  const object = c.accept('TABLE')
    ? 'table'
    : c.accept('INDEX')
      ? 'index'
      : c.accept('SCHEMA')
        ? 'schema'
        : c.accept('TYPE')
          ? 'type'
          : undefined;
  if (object === undefined) return { kind: 'other' };
  const concurrently = object === 'index' && c.accept('CONCURRENTLY');
  const ifExists = c.accept('IF', 'EXISTS');
  const first = c.pos;
  const names = c.nameList(object === 'schema' ? undefined : PUBLIC);
  const unqualified = !c.tokens.slice(first, c.pos).some((t) => t.kind === 'punct' && t.value === '.');
  const ops: Op[] = names.map(({ key, at }): Op => {
    switch (object) {
      case 'table':
        return { kind: 'drop-table', table: key, at };
      case 'index':
        return { kind: 'drop-index', index: key, concurrently, ...(ifExists ? { ifExists } : {}), ...(unqualified ? { unqualified } : {}), at };
      case 'schema':
        return { kind: 'drop-schema', schema: key, at };
      case 'type':
        return { kind: 'drop-type', type: key, at };
    }
  });
  return { kind: 'ops', ops };
}

/**
 * The statements PostgreSQL refuses inside a transaction block (PreventInTransactionBlock), named
 * for the message; CREATE/DROP INDEX CONCURRENTLY are ops of their own and ALTER TABLE … DETACH
 * PARTITION … CONCURRENTLY comes from the parse tree.
 */
/** DELETE or UPDATE of [ONLY] a table: an op when nothing (WHERE, or the join keyword) can narrow the rows. */
function wholeTable(c: TokenCursor, tokens: Token[], at: number, kind: 'delete-all' | 'update-all', join: 'USING' | 'FROM'): Classification {
  c.accept('ONLY');
  const table = c.qualifiedName(PUBLIC);
  const filtered = tokens.some((t) => t.kind === 'word' && (t.value === 'WHERE' || t.value === join));
  return table && !filtered ? { kind: 'ops', ops: [{ kind, table, at }] } : { kind: 'other' };
}

function refusedInTransactionBlock(c: TokenCursor, tokens: Token[]): string | undefined {
  if (c.at('VACUUM')) return 'VACUUM';
  if (c.at('REINDEX')) {
    if (tokens.some((t) => t.kind === 'word' && t.value === 'CONCURRENTLY')) return 'REINDEX CONCURRENTLY';
    return c.at('REINDEX', 'DATABASE') || c.at('REINDEX', 'SYSTEM') ? `REINDEX ${c.peek(1)!.value}` : undefined;
  }
  const second = c.peek(1);
  const pair = second?.kind === 'word' ? `${c.peek()!.value} ${second.value}` : undefined;
  return pair !== undefined && REFUSED_IN_BLOCK.has(pair) ? pair : undefined;
}

const REFUSED_IN_BLOCK = new Set([
  'CREATE DATABASE',
  'DROP DATABASE',
  'CREATE TABLESPACE',
  'DROP TABLESPACE',
  'ALTER SYSTEM',
  'CREATE SUBSCRIPTION',
  'DROP SUBSCRIPTION',
]);
