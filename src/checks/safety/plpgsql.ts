// SQL statements inside PL/pgSQL bodies: `DO $$ … $$` blocks (drizzle-kit before 0.21 wrapped every
// foreign key and enum in one: `DO $$ BEGIN ALTER TABLE … ADD CONSTRAINT …; EXCEPTION WHEN
// duplicate_object THEN null; END $$;`) and CREATE FUNCTION / PROCEDURE bodies. The body is lexed
// like any SQL; the PL/pgSQL control words in front of a statement (BEGIN, EXCEPTION WHEN … THEN,
// IF … THEN, LOOP, END …) are stepped over, and what starts with a SQL command word is judged as if
// it stood alone. Dynamic SQL (EXECUTE '…'), assignments and PERFORM are left alone.

import { lexStatements, type Token } from '../../model/sql-lexer.js';

export interface EmbeddedStatement {
  /** Tokens of the statement, offsets relative to `base`. */
  tokens: Token[];
  /** File offset of the body text. */
  base: number;
  /** Offsets in the body text: first token, end of the statement (after its `;`). */
  start: number;
  end: number;
  /** The body text (for slicing the statement out of it). */
  body: string;
}

export interface Body {
  /** A DO block runs when the migration runs; a function body only when the function is called. */
  kind: 'do' | 'function';
  statements: EmbeddedStatement[];
}

/**
 * SQL commands that become ops inside a body (transaction control is excluded: BEGIN opens a block
 * there; UPDATE and SELECT change no state a rule reads).
 */
const COMMANDS = new Set(['ALTER', 'CREATE', 'DROP', 'TRUNCATE', 'DELETE', 'INSERT', 'REINDEX', 'VACUUM']);
/** Bodies naming none of them are not lexed (long data migrations). */
const ANY_COMMAND = /\b(?:alter|create|drop|truncate|delete|insert|reindex|vacuum)\b/i;

/**
 * The embedded statements of a DO block or a plpgsql / sql function, or undefined when the statement
 * is neither. `tokens` are relative to `chunkText`, whose first character is at file offset `chunkBase`.
 */
export function bodyOf(tokens: readonly Token[], chunkText: string, chunkBase: number): Body | undefined {
  const first = tokens[0];
  if (first?.kind !== 'word') return undefined;
  let kind: Body['kind'];
  if (first.value === 'DO') kind = 'do';
  else if (first.value === 'CREATE' && tokens.slice(1, 5).some((t) => t.kind === 'word' && (t.value === 'FUNCTION' || t.value === 'PROCEDURE'))) kind = 'function';
  else return undefined;
  const language = languageOf(tokens);
  if (language !== undefined && language !== 'plpgsql' && language !== 'sql') return undefined;
  // The body is the dollar-quoted string (a DO block's first string, a function's after AS).
  const bodyToken = tokens.find((t, i) => t.kind === 'string' && chunkText.charCodeAt(t.start) === 36 && (kind === 'do' || tokens[i - 1]?.value === 'AS'));
  if (!bodyToken) return undefined;
  const tag = /^\$[^$]*\$/.exec(chunkText.slice(bodyToken.start, bodyToken.start + 64))![0];
  const body = bodyToken.value;
  if (!ANY_COMMAND.test(body)) return { kind, statements: [] };
  const base = chunkBase + bodyToken.start + tag.length;
  const statements: EmbeddedStatement[] = [];
  for (const s of lexStatements(body).statements) {
    const from = commandStart(s.tokens);
    if (from < 0) continue;
    const commandTokens = s.tokens.slice(from);
    statements.push({ tokens: commandTokens, base, start: commandTokens[0]!.start, end: s.end, body });
  }
  return { kind, statements };
}

function languageOf(tokens: readonly Token[]): string | undefined {
  const i = tokens.findIndex((t) => t.kind === 'word' && t.value === 'LANGUAGE');
  const name = i < 0 ? undefined : tokens[i + 1];
  if (!name) return undefined;
  return name.kind === 'word' ? name.value.toLowerCase() : name.value.toLowerCase();
}

/** Index of the SQL command after the PL/pgSQL control words in front of it, or -1. */
function commandStart(tokens: readonly Token[]): number {
  let i = 0;
  for (;;) {
    const t = tokens[i];
    if (!t) return -1;
    if (t.kind === 'punct' && t.value === '<' && tokens[i + 1]?.value === '<') {
      // <<label>>
      const close = tokens.findIndex((u, k) => k > i && u.value === '>' && tokens[k + 1]?.value === '>');
      if (close < 0) return -1;
      i = close + 2;
      continue;
    }
    if (t.kind !== 'word') return -1;
    switch (t.value) {
      case 'DECLARE': {
        // Declarations run up to BEGIN; none starts with a SQL command word.
        const begin = tokens.findIndex((u, k) => k > i && u.kind === 'word' && u.value === 'BEGIN');
        if (begin < 0) return -1;
        i = begin + 1;
        continue;
      }
      case 'BEGIN':
      case 'EXCEPTION':
      case 'ELSE':
      case 'LOOP':
        i++;
        continue;
      case 'END':
        // END, END IF, END LOOP, END CASE, END label
        i += tokens[i + 1]?.kind === 'word' && ['IF', 'LOOP', 'CASE'].includes(tokens[i + 1]!.value) ? 2 : 1;
        continue;
      case 'IF':
      case 'ELSIF':
      case 'ELSEIF':
      case 'WHEN':
      case 'WHILE':
      case 'FOR':
      case 'FOREACH': {
        const closer = t.value === 'WHILE' || t.value === 'FOR' || t.value === 'FOREACH' ? 'LOOP' : 'THEN';
        const next = wordAtDepthZero(tokens, i + 1, closer);
        if (next < 0) return -1;
        i = next + 1;
        continue;
      }
      default:
        return COMMANDS.has(t.value) ? i : -1;
    }
  }
}

function wordAtDepthZero(tokens: readonly Token[], from: number, word: string): number {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.value === word) return k;
  }
  return -1;
}
