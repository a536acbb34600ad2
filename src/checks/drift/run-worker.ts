// Runs the drift job in the worker process (src/config/worker-process.ts holds it at arm's length).

import { limitFromEnv, runWorker, type WorkerFailure } from '../../config/worker-process.js';
import type { DriftJob, DriftResult } from './protocol.js';

/** Long enough for a 1,000-table schema on a slow runner (~3 s measured), short enough to end a hung job. */
const DEFAULT_TIMEOUT_MS = 60_000;

export type WorkerOutcome = DriftResult | WorkerFailure;

export function runDriftWorker(job: DriftJob, secrets: string[] = []): Promise<WorkerOutcome> {
  const timeoutMs = limitFromEnv('DRIZZLE_GUARD_DRIFT_TIMEOUT_MS', DEFAULT_TIMEOUT_MS);
  return runWorker<DriftResult>(job, job.cwd, { timeoutMs, task: 'loading the schema and diffing it', secrets });
}
