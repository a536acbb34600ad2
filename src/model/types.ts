// The model: what a drizzle-kit migration folder holds, with exact source locations.
// Built by src/model/folder.ts from a FileTree (the working tree, or a git commit).

export type Dialect = 'postgresql' | 'mysql' | 'sqlite' | 'turso' | 'singlestore' | 'gel';
export const DIALECTS: readonly Dialect[] = ['postgresql', 'mysql', 'sqlite', 'turso', 'singlestore', 'gel'];

export type Casing = 'snake_case' | 'camelCase';

/** A drizzle config after defaults are applied. Paths are relative to the check's cwd. */
export interface ResolvedConfig {
  /** Config file relative to cwd, or undefined when --out/--dialect were given without one. */
  file?: string;
  dialect: Dialect;
  out: string;
  schema?: string[];
  casing?: Casing;
  breakpoints: boolean;
  migrations: { table: string; schema: string; prefix: string };
}

/** 1-based line and column (columns count Unicode code points). */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export interface Statement {
  /** 0-based index of the chunk in its file (chunks are split on `--> statement-breakpoint`). */
  index: number;
  /** The chunk's text exactly as in the file, without the breakpoint marker. */
  text: string;
  /** UTF-16 offset of `text` in the file. */
  offset: number;
  /** Span of the chunk with surrounding white space trimmed. */
  span: Span;
}

export interface JournalEntry {
  idx: unknown;
  version?: unknown;
  when: unknown;
  tag: unknown;
  breakpoints?: unknown;
}

export interface Journal {
  file: string;
  version?: string;
  dialect?: string;
  entries: JournalEntry[];
  /** Position of each entry's `{` in the journal file, for findings. */
  entryPositions: Position[];
}

export interface JsonError {
  file: string;
  message: string;
  position: Position;
}

export interface SnapshotInfo {
  file: string;
  id?: string;
  prevIds: string[];
  version?: string;
  dialect?: string;
  /** Where `id` and `prevId`/`prevIds` are written, for findings. */
  idPosition?: Position;
  prevIdPosition?: Position;
  /** The parsed document (kept for drift); undefined when it did not parse. */
  json?: Record<string, unknown>;
  error?: JsonError;
}

export interface Migration {
  tag: string;
  /** SQL file relative to cwd. */
  file: string;
  /** File text, or undefined when the file is missing or unreadable. */
  sql?: string;
  /** sha256 of the file text as drizzle's migrator computes it. */
  hash?: string;
  statements: Statement[];
  /** Journal `when` (legacy layout) or the folder timestamp in ms (1.0 layout). */
  when?: number;
  idx?: number;
  /** Snapshot belonging to this migration, if any. */
  snapshot?: SnapshotInfo;
  /** True when a base was given and this migration did not exist there. */
  isNew: boolean;
  /** Why the SQL could not be read (binary, too large, symlink outside the repository…). */
  unreadable?: string;
}

export interface MigrationSet {
  layout: 'journal' | 'folders';
  /** Migrations folder relative to cwd. */
  out: string;
  journal?: Journal;
  journalError?: JsonError;
  /** In the order drizzle's migrator applies them. */
  migrations: Migration[];
  /** SQL files in the folder that no journal entry names (the migrator never runs them). */
  strayFiles: string[];
  /** Every snapshot file found, in file-name order. */
  snapshots: SnapshotInfo[];
  /** Files not read for safety: they resolve outside the repository, or are larger than their limit. */
  skipped: SkippedFile[];
}

export interface SkippedFile {
  file: string;
  reason: string;
  /** Set when the file was not read for its size. */
  size?: number;
  limit?: number;
}
