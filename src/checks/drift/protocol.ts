// The messages between the drift check and its worker process (src/drift-worker.ts), sent over the IPC
// channel so that stdout noise from drizzle-kit or user code cannot corrupt them.

import type { Casing, Dialect } from '../../model/types.js';

type Json = Record<string, unknown>;

/** The drizzle-kit this package depends on and bundles; test/drift keeps it in step with package.json. */
export const BUNDLED_KIT_VERSION = '0.31.11';

export interface DriftJob {
  kind?: 'drift';
  /** Absolute; schema patterns are relative to it, as drizzle-kit resolves them from its working directory. */
  cwd: string;
  /** Absolute directory of the drizzle config: where the project's drizzle-kit and tsconfig are looked up. */
  projectDir: string;
  dialect: Dialect;
  schema: string[];
  casing?: Casing;
  /** Latest committed snapshot in journal order; undefined when there is no migration yet. */
  latest?: Json;
  /** New migrations to regenerate: the snapshot before each one and its own. */
  migrations: { tag: string; prev?: Json; cur: Json }[];
  /** drizzle-kit 1.x folder layout: every snapshot by folder name (the project's 1.x kit replays them). */
  folders?: Record<string, Json>;
}

export interface KitInfo {
  source: 'project' | 'bundled';
  version: string;
  /** Why the project's own kit was not used, when it exists but could not be. */
  note?: string;
}

export type DiffOutcome =
  | { kind: 'same' }
  | { kind: 'sql'; statements: string[] }
  /** drizzle-kit would ask; `dropAdd` is what it writes when every answer is "drop and create". */
  | { kind: 'rename'; candidates: string[]; dropAdd?: string[] }
  | { kind: 'failed'; message: string };

export type WorkerErrorKind = 'schema-missing' | 'import-failed' | 'orm-missing' | 'kit-failed';

export type DriftResult =
  | {
      ok: true;
      kit: KitInfo;
      schemaFiles: string[];
      drift: DiffOutcome;
      migrations: { tag: string; outcome: DiffOutcome }[];
      /** Columns whose default is computed when the schema loads (it differed between two loads). */
      loadTimeDefaults?: { table: string; column: string }[];
    }
  | {
      ok: false;
      kit?: KitInfo;
      kind: WorkerErrorKind;
      message: string;
      /** Absolute path and line of the user's code that threw, when the stack names it. */
      file?: string;
      line?: number;
      /** The package a failed import could not find, when it is one. */
      missingPackage?: string;
    };

/**
 * Serializing a schema only: the base commit's, from a temporary copy of its files (the lint asks whether a
 * dropped column had already left the schema there). No snapshot is diffed.
 */
export interface SchemaJob extends Pick<DriftJob, 'cwd' | 'projectDir' | 'dialect' | 'schema' | 'casing'> {
  kind: 'schema';
}

export type SchemaResult = { ok: true; kit: KitInfo; snapshot: Json } | Extract<DriftResult, { ok: false }>;

/** Loading a drizzle config (the worker runs only this, then exits). */
export interface ConfigJob {
  kind: 'config';
  cwd: string;
  /** Absolute path of the config file. */
  file: string;
}

/** The config's default export, reduced to plain data (functions and classes cannot cross the IPC channel). */
export type ConfigResult =
  | { ok: true; config: Record<string, unknown> }
  | { ok: false; kind: WorkerErrorKind; message: string; file?: string; line?: number; missingPackage?: string };
