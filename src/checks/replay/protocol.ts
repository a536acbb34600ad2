// The messages between the replay check and its worker process (src/replay-worker.ts). The worker owns
// the embedded PostgreSQL, so a statement that never returns (an endless loop in a DO block, pg_sleep:
// PGlite ignores statement_timeout) ends with the process, not with the CI job.

import type { Migration, MigrationSet } from '../../model/types.js';
import type { SchemaShape } from './catalog.js';
import type { MigrationsTable, Phase, ReplayResult } from './replay.js';

type Json = Record<string, unknown>;

/** Check → worker, ahead of the job: start PostgreSQL with these extensions (those PGlite ships are loaded). */
export interface StartRequest {
  type: 'start';
  extensionNames: string[];
  /** Start from the state saved after these base migrations, when the cache folder holds it. */
  baseKey?: string;
}

export interface ReplayJob {
  type: 'job';
  base: Migration[];
  pending: Migration[];
  /** Extensions the migrations create (the available ones are loaded into PGlite). */
  extensionNames: string[];
  seed: boolean;
  trace: boolean;
  migrationsTable: MigrationsTable;
  layout: MigrationSet['layout'];
  /** Describe the replayed schema (and the schema after the base migrations) for the comparison with the snapshots. */
  describe?: { base: boolean };
  /**
   * The key of the saved state after `base` (and the seeding) in base-cache.ts: started from when the cache
   * folder holds it, else saved when applying the base and seeding took at least `saveAfterMs`.
   */
  state?: { baseKey: string; saveAfterMs: number };
}

/**
 * The schemas snapshots declare (the latest's and, with a base, the base's latest), built one after the other
 * by a second worker while the first replays.
 */
export interface DeclareJob {
  type: 'declare';
  snapshots: Json[];
  extensionNames: string[];
}

export type Declared = { shape: SchemaShape } | { reason: string };

export interface DeclareJobResult {
  type: 'declared';
  /** In the order of the job's snapshots. */
  declared: Declared[];
}

/** Worker → check: what is running now (the watchdog's clock restarts at each). */
export type Progress =
  | { type: 'statement'; phase: Phase; tag: string; index: number }
  | { type: 'step'; what: string };

export interface ReplayJobResult {
  type: 'result';
  result: ReplayResult;
  version: string;
  /** What PostgreSQL started from: initdb, the empty template, or the state saved after the base. */
  from: 'initdb' | 'template' | 'saved';
  startMs: number;
  replayMs: number;
  /** The replayed schema, when asked for and the replay reached the end (and, asked for, the base's). */
  shapes?: { replayed: SchemaShape; base?: SchemaShape };
}

export type WorkerMessage = Progress | ReplayJobResult | DeclareJobResult | { type: 'error'; message: string };
