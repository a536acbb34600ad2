// ALTER TABLE sub-commands in the fixed shapes drizzle-kit writes most (foreign keys, constraint
// drops, defaults, NOT NULL, column drops, simple ADD COLUMN) read straight from tokens, so that
// linting a long history does not wake the wasm parser for each of them. Any clause not matched
// exactly returns undefined and the statement goes to the real parser. A corpus test checks that
// every statement this accepts yields the same ops as the parse tree.

import { TokenCursor } from './classify.js';
import type { ConstraintKind, ObjectKey, Op } from './ops.js';
import { VOLATILE_FUNCTIONS } from './alter-table.js';

/** Types whose tree name (pg_catalog.*) is known from the keyword alone. */
const TYPE_NAMES: Record<string, string> = {
  TEXT: 'text',
  JSONB: 'jsonb',
  JSON: 'json',
  UUID: 'uuid',
  BOOLEAN: 'bool',
  INTEGER: 'int4',
  BIGINT: 'int8',
  SMALLINT: 'int2',
  TIMESTAMP: 'timestamp',
  DATE: 'date',
  REAL: 'float4',
  VARCHAR: 'varchar',
  NUMERIC: 'numeric',
  TSVECTOR: 'tsvector',
  SERIAL: 'serial',
  BIGSERIAL: 'bigserial',
  SMALLSERIAL: 'smallserial',
};

/** Two-word type names. */
const TYPE_PAIRS: Record<string, string> = { 'DOUBLE PRECISION': 'float8' };

const SERIALS = new Set(['serial', 'bigserial', 'smallserial']);

/** Words that give a column definition more than a type, a default and NULL-ness. */
const COMPLEX = new Set(['PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'CONSTRAINT']);

export function fastAlterOps(clauses: TokenCursor[], table: ObjectKey): Op[] | undefined {
  const ops: Op[] = [];
  for (const c of clauses) {
    const clauseOps = clause(c, table);
    if (clauseOps === undefined) return undefined;
    ops.push(...clauseOps);
  }
  return ops;
}

function clause(c: TokenCursor, table: ObjectKey): Op[] | undefined {
  const at = c.offset();
  const rest = () => c.tokens.length - c.pos;
  if (c.accept('ENABLE', 'ROW', 'LEVEL', 'SECURITY') || c.accept('DISABLE', 'ROW', 'LEVEL', 'SECURITY')) return rest() === 0 ? [] : undefined;
  // Storage parameters matter to no rule.
  if (c.accept('VALIDATE', 'CONSTRAINT')) {
    const name = c.name();
    return name !== undefined && rest() === 0 ? [{ kind: 'validate-constraint', table, name, at }] : undefined;
  }
  if (c.at('SET') && c.peek(1)?.value === '(') return [];
  if (c.accept('RENAME')) return rename(c, table, at);
  if (c.accept('DROP', 'CONSTRAINT')) {
    c.accept('IF', 'EXISTS');
    if (c.name() === undefined) return undefined;
    if (!c.accept('CASCADE')) c.accept('RESTRICT');
    return rest() === 0 ? [] : undefined;
  }
  if (c.accept('DROP')) {
    c.accept('COLUMN');
    const ifExists = c.accept('IF', 'EXISTS');
    const column = c.name();
    if (!c.accept('CASCADE')) c.accept('RESTRICT');
    return column !== undefined && rest() === 0 ? [{ kind: 'drop-column', table, column, ...(ifExists ? { ifExists } : {}), at }] : undefined;
  }
  if (c.accept('ALTER')) {
    c.accept('COLUMN');
    const column = c.name();
    if (column === undefined) return undefined;
    if (c.accept('DROP', 'DEFAULT')) return rest() === 0 ? [] : undefined;
    if (c.accept('SET', 'NOT', 'NULL')) return rest() === 0 ? [{ kind: 'set-not-null', table, column, at }] : undefined;
    if (c.accept('DROP', 'NOT', 'NULL')) return rest() === 0 ? [{ kind: 'drop-not-null', table, column, at }] : undefined;
    // The default expression itself matters to no rule (a new enum value in it is found from tokens).
    if (c.accept('SET', 'DEFAULT')) return rest() > 0 ? [] : undefined;
    if (c.accept('SET', 'DATA', 'TYPE') || c.accept('TYPE')) {
      const type = typeName(c);
      const collate = collation(c);
      if (type === undefined || collate === undefined) return undefined;
      const using = c.accept('USING');
      if (using ? rest() === 0 : rest() > 0) return undefined;
      return [{ kind: 'alter-column-type', table, column, type, using, ...(collate ? { collate } : {}), at }];
    }
    return undefined;
  }
  if (c.at('ADD', 'CONSTRAINT') || c.at('ADD', 'PRIMARY') || c.at('ADD', 'UNIQUE') || c.at('ADD', 'FOREIGN') || c.at('ADD', 'CHECK')) {
    c.accept('ADD');
    const name = c.accept('CONSTRAINT') ? c.name() : null;
    if (name === undefined) return undefined;
    const kind: ConstraintKind | undefined = c.accept('FOREIGN', 'KEY')
      ? 'foreign'
      : c.accept('UNIQUE')
        ? 'unique'
        : c.accept('PRIMARY', 'KEY')
          ? 'primary'
          : c.accept('CHECK')
            ? 'check'
            : undefined;
    if (kind === undefined) return undefined;
    const usingIndex = (kind === 'unique' || kind === 'primary') && c.at('USING', 'INDEX');
    const words = c.tokens.slice(c.pos);
    const last2 = words.slice(-2).map((t) => (t.kind === 'word' ? t.value : ''));
    const notValid = last2[0] === 'NOT' && last2[1] === 'VALID';
    // PRIMARY KEY / UNIQUE cannot be NOT VALID: PostgreSQL rejects it, let the parser say so.
    if (notValid && kind !== 'foreign' && kind !== 'check') return undefined;
    return [{ kind: 'add-constraint', table, constraint: kind, ...(name !== null ? { name } : {}), notValid, usingIndex, at }];
  }
  if (c.accept('ADD')) {
    if (c.at('EXCLUDE')) return undefined;
    c.accept('COLUMN');
    c.accept('IF', 'NOT', 'EXISTS');
    const column = c.name();
    const type = column === undefined ? undefined : typeName(c);
    if (column === undefined || type === undefined) return undefined;
    let notNull = false;
    let defaultKind: 'constant' | 'volatile' | undefined;
    let rewrite: 'identity' | 'generated' | 'serial' | undefined = SERIALS.has(type) ? 'serial' : undefined;
    while (c.peek()) {
      if (c.accept('NOT', 'NULL')) notNull = true;
      else if (c.accept('NULL')) continue;
      else if (c.at('COLLATE')) {
        if (collation(c) === undefined) return undefined;
      } else if (c.accept('DEFAULT')) {
        const kind = defaultExpression(c);
        if (kind === undefined) return undefined;
        defaultKind = kind;
      } else if (c.accept('GENERATED')) {
        const generated = generatedColumn(c);
        if (generated === undefined) return undefined;
        rewrite = generated;
      } else return undefined;
    }
    return [
      {
        kind: 'add-column',
        table,
        column,
        type,
        notNull,
        ...(defaultKind ? { default: defaultKind } : {}),
        ...(rewrite ? { rewrite } : {}),
        at,
      },
    ];
  }
  return undefined;
}

/** `RENAME [COLUMN] a TO b`, `RENAME TO t`, `RENAME CONSTRAINT a TO b`. */
function rename(c: TokenCursor, table: ObjectKey, at: number): Op[] | undefined {
  const rest = () => c.tokens.length - c.pos;
  if (c.accept('TO')) {
    const to = c.name();
    return to !== undefined && rest() === 0 ? [{ kind: 'rename-table', table, to: `${table.slice(0, table.indexOf('.'))}.${to}`, at }] : undefined;
  }
  const constraint = c.accept('CONSTRAINT');
  if (!constraint) c.accept('COLUMN');
  const column = c.name();
  if (column === undefined || !c.accept('TO')) return undefined;
  const to = c.name();
  if (to === undefined || rest() > 0) return undefined;
  return constraint ? [] : [{ kind: 'rename-column', table, column, to, at }];
}

/** An optional `COLLATE name`: '' when absent, the name, or undefined when malformed. */
function collation(c: TokenCursor): string | undefined {
  if (!c.accept('COLLATE')) return '';
  return c.qualifiedName(undefined);
}

/** After GENERATED: `ALWAYS AS (expr) STORED` or `{ALWAYS | BY DEFAULT} AS IDENTITY`. */
function generatedColumn(c: TokenCursor): 'generated' | 'identity' | undefined {
  if (!c.accept('ALWAYS')) {
    if (!c.accept('BY', 'DEFAULT')) return undefined;
    return c.accept('AS', 'IDENTITY') ? 'identity' : undefined;
  }
  if (c.accept('AS', 'IDENTITY')) return 'identity';
  if (!c.accept('AS') || !c.acceptPunct('(')) return undefined;
  let depth = 1;
  while (c.peek() && depth > 0) {
    const t = c.peek()!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    c.pos++;
  }
  return depth === 0 && c.accept('STORED') ? 'generated' : undefined;
}

/** A type the tree would name the same way: a known keyword (with a length) or a quoted name. */
function typeName(c: TokenCursor): string | undefined {
  const t = c.peek();
  if (!t) return undefined;
  let name: string | undefined;
  const pair = t.kind === 'word' && c.peek(1)?.kind === 'word' ? TYPE_PAIRS[`${t.value} ${c.peek(1)!.value}`] : undefined;
  if (pair) {
    name = pair;
    c.pos += 2;
  } else if (t.kind === 'word') {
    name = TYPE_NAMES[t.value];
    if (name === undefined) return undefined;
    c.pos++;
    if (c.acceptPunct('(')) {
      const n = c.peek();
      if (n?.kind !== 'number' || !/^\d+$/.test(n.value)) return undefined;
      c.pos++;
      if (!c.acceptPunct(')')) return undefined;
      name += `(${n.value})`;
    }
  } else if (t.kind === 'ident') {
    // A user type (enum): "public"."mood" or "mood".
    name = c.qualifiedName(undefined);
  } else return undefined;
  if (c.peek()?.kind === 'punct' && c.peek()!.value === '[') {
    if (!c.acceptPunct('[') || !c.acceptPunct(']')) return undefined;
    name += '[]';
  }
  return COMPLEX.has(c.peek()?.value ?? '') ? undefined : name;
}

/**
 * Consumes a DEFAULT expression up to `NOT NULL` / `NULL` / the end, if it is simple enough to
 * judge: literals, casts, signs and function calls. Returns whether it is volatile.
 */
function defaultExpression(c: TokenCursor): 'constant' | 'volatile' | undefined {
  let depth = 0;
  let volatile = false;
  const start = c.pos;
  while (c.peek()) {
    const t = c.peek()!;
    if (depth === 0 && (c.at('NOT', 'NULL') || c.at('NULL'))) break;
    if (t.kind === 'word' && (COMPLEX.has(t.value) || t.value === 'COLLATE' || t.value === 'GENERATED')) return undefined;
    if (t.kind === 'punct') {
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
      else if (!':-.,[]'.includes(t.value)) return undefined;
      if (depth < 0) return undefined;
    }
    const next = c.peek(1);
    if ((t.kind === 'word' || t.kind === 'ident') && next?.kind === 'punct' && next.value === '(') {
      if (VOLATILE_FUNCTIONS.has(t.kind === 'word' ? t.value.toLowerCase() : t.value)) volatile = true;
    }
    c.pos++;
  }
  if (depth !== 0 || c.pos === start) return undefined;
  return volatile ? 'volatile' : 'constant';
}
