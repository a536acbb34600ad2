// MySQL and SQLite: no parser, so ops come from tokens. Covered: DROP TABLE, DROP COLUMN, RENAME
// COLUMN / TABLE, MySQL MODIFY / CHANGE (type changes), ADD COLUMN (for drop-and-add-column), and
// drizzle-kit's SQLite table rebuild (`__new_x`, copy, DROP TABLE x, rename) that drops columns.

import { splitClauses, TokenCursor } from './classify.js';
import type { Token } from '../../model/sql-lexer.js';
import type { ObjectKey, Op } from './ops.js';

const NOT_A_COLUMN = new Set(['INDEX', 'KEY', 'UNIQUE', 'CONSTRAINT', 'PRIMARY', 'FOREIGN', 'FULLTEXT', 'SPATIAL', 'CHECK', 'PARTITION']);
const REBUILD_PREFIX = '__new_';

export type LexicalExtractor = (tokens: Token[], base: number) => Op[];

/**
 * One extractor per migration: it remembers SQLite rebuilds in progress. `columnsBefore` gives a
 * table's columns from the previous snapshot (to tell which columns a rebuild left behind).
 */
export function createLexicalExtractor(
  dialect: 'mysql' | 'sqlite',
  columnsBefore: (table: ObjectKey) => string[] | undefined,
): LexicalExtractor {
  /** Rebuild target table → columns copied into `__new_<table>` (undefined: not known yet). */
  const rebuilds = new Map<ObjectKey, string[] | undefined>();

  return (tokens, base) => {
    const c = new TokenCursor(tokens, base);
    const at = c.offset();
    if (c.accept('CREATE')) {
      c.accept('TEMPORARY');
      if (!c.accept('TABLE')) return [];
      c.accept('IF', 'NOT', 'EXISTS');
      const table = c.qualifiedName(undefined);
      if (table === undefined) return [];
      if (table.startsWith(REBUILD_PREFIX)) rebuilds.set(table.slice(REBUILD_PREFIX.length), undefined);
      return [{ kind: 'create-table', table, at }];
    }
    if (c.accept('INSERT')) {
      c.accept('OR', 'REPLACE');
      if (!c.accept('INTO')) return [];
      const table = c.qualifiedName(undefined);
      if (table?.startsWith(REBUILD_PREFIX) && rebuilds.has(table.slice(REBUILD_PREFIX.length))) {
        rebuilds.set(table.slice(REBUILD_PREFIX.length), selectedColumns(c));
      }
      return [];
    }
    if (c.accept('DROP', 'TABLE')) {
      c.accept('IF', 'EXISTS');
      return c.nameList(undefined).flatMap(({ key, at: nameAt }): Op[] => {
        if (!rebuilds.has(key)) return [{ kind: 'drop-table', table: key, at: nameAt }];
        // The old table of a rebuild: its data lives on in __new_<key>, except columns not copied.
        const copied = rebuilds.get(key);
        const before = columnsBefore(key);
        if (!copied || !before) return [];
        // SQLite names are case-insensitive.
        return before
          .filter((col) => !copied.includes(col.toLowerCase()))
          .map((column) => ({ kind: 'drop-column', table: key, column, at: nameAt }));
      });
    }
    if (dialect === 'mysql' && c.accept('RENAME', 'TABLE')) {
      const ops: Op[] = [];
      do {
        const from = c.qualifiedName(undefined);
        if (!c.accept('TO')) break;
        const to = c.qualifiedName(undefined);
        if (from && to) ops.push({ kind: 'rename-table', table: from, to, at });
      } while (c.acceptPunct(','));
      return ops;
    }
    if (c.accept('ALTER', 'TABLE')) {
      const table = c.qualifiedName(undefined);
      if (table === undefined) return [];
      // Renaming the rebuilt copy back to the original name is part of the rebuild.
      if (table.startsWith(REBUILD_PREFIX)) return [];
      return splitClauses(c).flatMap((clause) => alterClause(clause, table, dialect));
    }
    return [];
  };
}

/**
 * The old table's columns a rebuild copies: every name in the SELECT list of
 * `INSERT INTO __new_x(…) SELECT "a", "b" FROM x` (the SELECT side names the old columns, which
 * differ from the INSERT side when columns are renamed). Undefined when there is no SELECT list.
 */
function selectedColumns(c: TokenCursor): string[] | undefined {
  while (c.peek() && !c.at('SELECT')) c.pos++;
  if (!c.accept('SELECT')) return undefined;
  const out: string[] = [];
  let depth = 0;
  for (let t = c.peek(); t; t = c.peek()) {
    if (depth === 0 && t.kind === 'word' && t.value === 'FROM') return out;
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (t.kind === 'ident' || t.kind === 'word') out.push(t.value.toLowerCase());
    c.pos++;
  }
  return undefined;
}

function alterClause(c: TokenCursor, table: ObjectKey, dialect: 'mysql' | 'sqlite'): Op[] {
  const at = c.offset();
  if (c.accept('DROP')) {
    if (NOT_A_COLUMN.has(c.peek()?.value ?? '') && c.peek()?.kind === 'word') return [];
    c.accept('COLUMN');
    c.accept('IF', 'EXISTS');
    const column = c.name();
    return column === undefined ? [] : [{ kind: 'drop-column', table, column, at }];
  }
  if (c.accept('ADD')) {
    if (NOT_A_COLUMN.has(c.peek()?.value ?? '') && c.peek()?.kind === 'word') return [];
    c.accept('COLUMN');
    const column = c.name();
    // NOT NULL / default semantics differ from PostgreSQL: only the name and type are used (by
    // drop-and-add-column, and by alter-column-type for a MODIFY of a column added just before).
    return column === undefined ? [] : [{ kind: 'add-column', table, column, type: typeText(c), notNull: false, at }];
  }
  if (c.accept('RENAME')) {
    if (c.accept('COLUMN')) {
      const column = c.name();
      c.accept('TO');
      const to = c.name();
      return column !== undefined && to !== undefined ? [{ kind: 'rename-column', table, column, to, at }] : [];
    }
    if (c.at('INDEX') || c.at('KEY')) return [];
    if (!c.accept('TO')) c.accept('AS');
    const to = c.qualifiedName(undefined);
    return to === undefined ? [] : [{ kind: 'rename-table', table, to, at }];
  }
  if (dialect === 'mysql' && (c.at('MODIFY') || c.at('CHANGE'))) {
    const change = c.accept('CHANGE');
    if (!change) c.accept('MODIFY');
    c.accept('COLUMN');
    const column = c.name();
    const to = change ? c.name() : column;
    if (column === undefined || to === undefined) return [];
    const ops: Op[] = [];
    if (to !== column) ops.push({ kind: 'rename-column', table, column, to, at });
    // MODIFY also restates an unchanged type when only NULL-ness or the default changes:
    // alter-column-type compares with the snapshot's type and stays silent then.
    const type = typeText(c);
    ops.push({ kind: 'alter-column-type', table, column, type, using: true, at });
    return ops;
  }
  return [];
}

/** The type after a column name: a word plus an optional parenthesised argument list. */
function typeText(c: TokenCursor): string {
  const first = c.peek();
  if (!first) return '?';
  c.pos++;
  let text = first.kind === 'word' ? first.value.toLowerCase() : first.value;
  if (c.peek()?.kind === 'punct' && c.peek()!.value === '(') {
    const args: string[] = [];
    c.pos++;
    while (c.peek() && !(c.peek()!.kind === 'punct' && c.peek()!.value === ')')) {
      args.push(c.peek()!.value);
      c.pos++;
    }
    c.pos++;
    text += `(${args.join('')})`;
  }
  if (c.accept('UNSIGNED')) text += ' unsigned';
  return text;
}
