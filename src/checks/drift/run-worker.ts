// Runs a drift job (or serializes a schema) in the worker process (src/config/worker-process.ts holds it at
// arm's length).

import { limitFromEnv, runWorker, type WorkerFailure } from '../../config/worker-process.js';
import type { CheckContext } from '../types.js';
import type { DriftJob, DriftResult, SchemaJob, SchemaResult } from './protocol.js';

/** Long enough for a 1,000-table schema on a slow runner (~3 s measured), short enough to end a hung job. */
const DEFAULT_TIMEOUT_MS = 60_000;

export type WorkerOutcome = DriftResult | WorkerFailure;

/** `R` is what the job answers: DriftResult for a drift job, SchemaResult for a schema job. */
export function runDriftWorker<R extends DriftResult | SchemaResult = DriftResult>(
  job: DriftJob | SchemaJob,
  secrets: string[] = [],
  task = 'loading the schema and diffing it',
): Promise<R | WorkerFailure> {
  const timeoutMs = limitFromEnv('DRIZZLE_GUARD_DRIFT_TIMEOUT_MS', DEFAULT_TIMEOUT_MS);
  return runWorker<R>(job, job.cwd, { timeoutMs, task, secrets });
}

/** Values the user's code must never see in its environment or echo back: the database URL. */
export function secretsOf(ctx: CheckContext): string[] {
  return ctx.options.databaseUrl ? [ctx.options.databaseUrl] : [];
}
