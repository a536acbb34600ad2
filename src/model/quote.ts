// Text quoted for another language: a SQL identifier, a regular expression matching a string literally.

/** A PostgreSQL identifier, double-quoted (embedded quotes doubled). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A pattern matching `text` literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
