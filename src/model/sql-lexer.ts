// A small SQL lexer: splits a chunk into statements on top-level `;` and yields the tokens a cheap
// classification needs. It knows quotes, E'' strings, dollar quotes, nested block comments and the
// BEGIN … END bodies of MySQL/SQLite triggers, so a `;` inside any of them never splits. Offsets are
// UTF-16 offsets in the text given (the caller adds the chunk's offset in the file).

import type { Dialect, Statement } from './types.js';

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Words: upper-cased keyword text. Quoted identifiers: the name. Strings: the value. */
  value: string;
  start: number;
  end: number;
}

export interface Comment {
  /** Text after `--` (line comments) or between `/*` and `*\/`. */
  text: string;
  start: number;
  line: boolean;
}

export interface SqlStatement {
  /** Offset of the first token (leading comments and white space excluded). */
  start: number;
  /** Offset just after the terminating `;`, or the end of the last token. */
  end: number;
  tokens: Token[];
  /** Comments between the previous statement and this one. */
  leadingComments: Comment[];
}

export interface LexResult {
  statements: SqlStatement[];
  /** Every comment of the text, in order (for file-level suppressions). */
  comments: Comment[];
}

export type LexDialect = 'postgresql' | 'mysql' | 'sqlite';

export interface LexOptions {
  /** MySQL/SQLite: backtick identifiers and trigger bodies; MySQL also backslash escapes in strings and `#` comments. */
  dialect?: LexDialect;
}

/** The lexical family of a drizzle dialect. */
export function lexDialect(dialect: Dialect): LexDialect {
  if (dialect === 'mysql' || dialect === 'singlestore') return 'mysql';
  if (dialect === 'sqlite' || dialect === 'turso') return 'sqlite';
  return 'postgresql';
}

const lexed = new WeakMap<Statement, Partial<Record<LexDialect, LexResult>>>();

/** Lexes a migration chunk once, however many checks ask (integrity and the SQL lint both do). */
export function lexChunk(statement: Statement, dialect: LexDialect): LexResult {
  let byDialect = lexed.get(statement);
  if (!byDialect) lexed.set(statement, (byDialect = {}));
  return (byDialect[dialect] ??= lexStatements(statement.text, { dialect }));
}

export function lexStatements(text: string, options: LexOptions = {}): LexResult {
  const mysql = options.dialect === 'mysql';
  const backticks = options.dialect === 'mysql' || options.dialect === 'sqlite';
  // Depth of trigger bodies, and of CASE … END inside them (whose END does not close the body).
  let triggerDepth = 0;
  let caseDepth = 0;
  const statements: SqlStatement[] = [];
  const comments: Comment[] = [];
  let tokens: Token[] = [];
  let leading: Comment[] = [];
  const n = text.length;
  let i = 0;

  const finish = (end: number): void => {
    if (tokens.length > 0) statements.push({ start: tokens[0]!.start, end, tokens, leadingComments: leading });
    tokens = [];
    leading = [];
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // white space (the regex engine skips runs fast, even before the JIT warms up)
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      SPACE.lastIndex = i;
      SPACE.test(text);
      i = SPACE.lastIndex;
      continue;
    }
    // -- line comment (and # in MySQL)
    if ((c === 45 && text.charCodeAt(i + 1) === 45) || (mysql && c === 35)) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      const comment: Comment = { text: text.slice(c === 35 ? i + 1 : i + 2, j), start: i, line: true };
      comments.push(comment);
      if (tokens.length === 0) leading.push(comment);
      i = j;
      continue;
    }
    // /* block comment */ (nests in PostgreSQL)
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
          depth++;
          j += 2;
        } else if (text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47) {
          depth--;
          j += 2;
        } else j++;
      }
      const comment: Comment = { text: text.slice(i + 2, Math.max(i + 2, j - 2)), start: i, line: false };
      comments.push(comment);
      if (tokens.length === 0) leading.push(comment);
      i = j;
      continue;
    }
    if (c === 59) {
      // ; (inside a trigger body it separates the body's statements)
      if (triggerDepth > 0) tokens.push({ kind: 'punct', value: ';', start: i, end: i + 1 });
      else finish(i + 1);
      i++;
      continue;
    }
    // 'string', E'string', N'', B'', X'', U&''
    if (c === 39 || ((c === 69 || c === 101) && text.charCodeAt(i + 1) === 39)) {
      const open = c === 39 ? i : i + 1;
      const escapes = c !== 39 || mysql;
      const [value, end] = readQuoted(text, open, 39, escapes);
      tokens.push({ kind: 'string', value, start: i, end });
      i = end;
      continue;
    }
    // "identifier" (`identifier` in MySQL and SQLite)
    if (c === 34 || (backticks && c === 96)) {
      const [value, end] = readQuoted(text, i, c, false);
      tokens.push({ kind: 'ident', value, start: i, end });
      i = end;
      continue;
    }
    // $tag$ ... $tag$ (or a positional parameter $1)
    if (c === 36) {
      const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64));
      if (m) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
        const end = close < 0 ? n : close + tag.length;
        tokens.push({ kind: 'string', value: text.slice(i + tag.length, close < 0 ? n : close), start: i, end });
        i = end;
        continue;
      }
    }
    if (isWordStart(c)) {
      WORD_REST.lastIndex = i + 1;
      WORD_REST.test(text);
      const j = WORD_REST.lastIndex;
      const word = text.slice(i, j).toUpperCase();
      if (backticks) {
        if (word === 'BEGIN' && tokens.some((t) => t.kind === 'word' && t.value === 'TRIGGER')) triggerDepth++;
        else if (word === 'CASE' && triggerDepth > 0) caseDepth++;
        else if (word === 'END' && caseDepth > 0) caseDepth--;
        else if (word === 'END' && triggerDepth > 0) triggerDepth--;
      }
      tokens.push({ kind: 'word', value: word, start: i, end: j });
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && /[0-9.eE_]/.test(text[j]!)) j++;
      tokens.push({ kind: 'number', value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    tokens.push({ kind: 'punct', value: text[i]!, start: i, end: i + 1 });
    i++;
  }
  finish(tokens.length > 0 ? tokens[tokens.length - 1]!.end : n);
  return { statements, comments };
}

const SPACE = /[ \t\n\r\f]*/y;
const WORD_REST = /[A-Za-z0-9_$\u0080-\uffff]*/y;

/** Reads a quoted token starting at `open` (the quote); doubled quotes escape, and backslashes when asked. */
function readQuoted(text: string, open: number, quote: number, backslash: boolean): [string, number] {
  if (!backslash) {
    // Fast path: jump from quote to quote.
    const q = String.fromCharCode(quote);
    let value = '';
    let from = open + 1;
    for (;;) {
      const close = text.indexOf(q, from);
      if (close < 0) return [value + text.slice(from), text.length];
      if (text.charCodeAt(close + 1) === quote) {
        value += text.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      return [value + text.slice(from, close), close + 1];
    }
  }
  let value = '';
  let j = open + 1;
  let from = j;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (backslash && c === 92) {
      value += text.slice(from, j) + text.slice(j + 1, j + 2);
      j += 2;
      from = j;
      continue;
    }
    if (c === quote) {
      if (text.charCodeAt(j + 1) === quote) {
        value += text.slice(from, j + 1);
        j += 2;
        from = j;
        continue;
      }
      return [value + text.slice(from, j), j + 1];
    }
    j++;
  }
  return [value + text.slice(from), text.length];
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}

