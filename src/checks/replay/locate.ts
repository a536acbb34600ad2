// Where a replayed statement is in its file, for findings.

import type { Finding } from '../../findings.js';
import { SourceText, utf16OffsetOfCodePoint } from '../../model/source.js';
import { lexChunk } from '../../model/sql-lexer.js';
import type { StatementRef } from './replay.js';

export function locate(ref: StatementRef, position?: number): Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'migration'> {
  const { migration, statement } = ref;
  const base = { file: migration.file, migration: migration.tag };
  if (migration.sql === undefined) return { ...base, line: statement.span.start.line, column: statement.span.start.column };
  const source = new SourceText(migration.sql);
  if (position === undefined) {
    // The statement itself, not the comment drizzle-kit puts at the top of a custom migration.
    const start = source.positionAt(statement.offset + (lexChunk(statement, 'postgresql').statements[0]?.start ?? 0));
    return { ...base, line: start.line, column: start.column, endLine: statement.span.end.line, endColumn: statement.span.end.column };
  }
  // PostgreSQL's error position counts characters (code points) from 1 in the chunk sent.
  const at = source.positionAt(statement.offset + utf16OffsetOfCodePoint(statement.text, position - 1));
  return { ...base, line: at.line, column: at.column };
}

