// Runs the drift worker in a child process: stdin closed (drizzle-kit's rename prompt then throws instead
// of waiting), the job and the answer over IPC, a hard timeout. A worker that dies, hangs or exits without
// answering becomes a plain-words failure, never a hung CI job.

import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DriftJob, DriftResult } from './protocol.js';

/** Long enough for a 1,000-table schema on a slow runner (~3 s measured), short enough to end a hung job. */
const DEFAULT_TIMEOUT_MS = 60_000;

export type WorkerOutcome = DriftResult | { ok: false; kind: 'timeout' | 'crashed'; message: string };

function driftTimeoutMs(): number {
  const fromEnv = Number(process.env.DRIZZLE_GUARD_DRIFT_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS;
}

export function runDriftWorker(job: DriftJob, timeoutMs = driftTimeoutMs()): Promise<WorkerOutcome> {
  const { file, execArgv } = workerCommand();
  return new Promise((resolve) => {
    // The schema gets the environment drizzle-kit generate would have, minus our own database URL.
    const env = { ...process.env };
    delete env.DRIZZLE_GUARD_DATABASE_URL;
    const child = fork(file, [], { cwd: job.cwd, env, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({
        ok: false,
        kind: 'timeout',
        message: `loading the schema and diffing it did not finish within ${Math.round(timeoutMs / 1000)} s (code at the top level of a schema module that never returns?)`,
      });
    }, timeoutMs);
    child.on('message', (m) => settle(m as DriftResult));
    child.on('error', (e) => settle({ ok: false, kind: 'crashed', message: `the drift worker could not start: ${e.message}` }));
    child.on('exit', (code, signal) => {
      // Let buffered output arrive before describing the exit.
      setImmediate(() =>
        settle({
          ok: false,
          kind: 'crashed',
          message: `the schema or drizzle-kit ended the process (${signal ?? `exit code ${code}`}) before an answer${describeOutput(output)}`,
        }),
      );
    });
    try {
      child.send(job);
    } catch (e) {
      // A job the IPC channel cannot serialise (a snapshot nested too deep): end the worker and its timer now.
      child.kill('SIGKILL');
      settle({ ok: false, kind: 'crashed', message: `the drift job could not be sent to the worker: ${(e as Error).message}` });
    }
  });
}

function describeOutput(output: string): string {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return text ? `; it printed: ${text.split('\n').slice(-8).join(' | ')}` : '';
}

/** Hides the credentials of any URL (user code may print its connection string). */
export function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
}

/**
 * The worker next to the running bundle (dist/<entry>/index.js → dist/drift-worker/index.js), or, when
 * running from the TypeScript sources (tests, development), src/drift-worker.ts through jiti's loader.
 */
function workerCommand(): { file: string; execArgv: string[] } {
  const override = process.env.DRIZZLE_GUARD_DRIFT_WORKER;
  if (override) return { file: override, execArgv: [] };
  const entry = process.argv[1] ? path.dirname(fs.realpathSync(process.argv[1])) : '';
  for (const candidate of [path.join(entry, '..', 'drift-worker', 'index.js'), path.join(entry, 'drift-worker', 'index.js')]) {
    if (entry && fs.existsSync(candidate)) return { file: candidate, execArgv: [] };
  }
  const here = fileURLToPath(import.meta.url);
  const source = path.resolve(path.dirname(here), '..', '..', 'drift-worker.ts');
  return { file: source, execArgv: ['--import', import.meta.resolve('jiti/register')] };
}
