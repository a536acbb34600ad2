// The report: the JSON contract (`--format json`) and the input of every renderer.

import type { Category, CategoryStatus, Finding } from '../findings.js';
import type { Dialect } from '../model/types.js';

export interface MigrationSummary {
  tag: string;
  /** SQL file relative to cwd. */
  file: string;
  new: boolean;
  statements: number;
}

/** The result for one drizzle config (a monorepo may check several). */
export interface ConfigReport {
  /** Config file relative to cwd, or undefined when run with --out/--dialect only. */
  config?: string;
  dialect?: Dialect;
  /** Migrations folder relative to cwd. */
  out?: string;
  /** The config's `schema` paths or globs, as written (relative to cwd). */
  schema?: string[];
  exitCode: number;
  categories: Record<Category, CategoryStatus>;
  findings: Finding[];
  migrations: MigrationSummary[];
  /** Why a check was skipped, which drizzle-kit was used, flags not implemented… */
  notes: string[];
  /** Tables the new migrations create, change or drop (from the snapshots), for the ER diagram. */
  touchedTables?: TouchedTable[];
}

export interface TouchedColumn {
  name: string;
  type: string;
  primaryKey: boolean;
  notNull: boolean;
  /** Set when the new migrations added, changed or dropped this column. */
  change?: 'added' | 'changed' | 'dropped';
  /** The type before the new migrations, when they changed it. */
  previousType?: string;
}

/** One table in the ER diagram: touched by the PR, or only referenced by a touched table's foreign key. */
export interface TouchedTable {
  /** Schema-qualified when not in the default schema. */
  name: string;
  status: 'added' | 'changed' | 'dropped' | 'referenced';
  columns: TouchedColumn[];
  foreignKeys: { columns: string[]; table: string; referencedColumns: string[] }[];
}

export interface Report {
  tool: 'drizzle-guard';
  version: string;
  exitCode: number;
  /** Worst status of each category over all configs. */
  categories: Record<Category, CategoryStatus>;
  /** Every finding of every config. */
  findings: Finding[];
  migrations: MigrationSummary[];
  notes: string[];
  /** Base commit the PR is compared with, when one was given. */
  base?: string;
  configs: ConfigReport[];
}
