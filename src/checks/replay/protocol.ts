// The messages between the replay check and its worker process (src/replay-worker.ts). The worker owns
// the embedded PostgreSQL, so a statement that never returns (an endless loop in a DO block, pg_sleep:
// PGlite ignores statement_timeout) ends with the process, not with the CI job.

import type { Migration, MigrationSet } from '../../model/types.js';
import type { ShapeDifference } from './catalog.js';
import type { MigrationsTable, Phase, ReplayResult } from './replay.js';

type Json = Record<string, unknown>;

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
  /** Compare the replayed schema with the latest snapshot (and, with a base, the base's latest). */
  compare?: { latest: Json; base?: Json };
}

/** Worker → check: what is running now (the watchdog's clock restarts at each). */
export type Progress =
  | { type: 'statement'; phase: Phase; tag: string; index: number }
  | { type: 'step'; what: string };

export interface ReplayJobResult {
  type: 'result';
  result: ReplayResult;
  version: string;
  fromTemplate: boolean;
  startMs: number;
  replayMs: number;
  /** The schema comparison, when asked for and the replay reached the end. */
  comparison?: { differences: ShapeDifference[]; baseline: ShapeDifference[] } | { reason: string };
}

export type WorkerMessage = Progress | ReplayJobResult | { type: 'error'; message: string };
