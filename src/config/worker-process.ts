// Runs the user's code (config, schema) in a child process held at arm's length: a time limit and a
// memory limit, stdin closed (drizzle-kit's rename prompt then throws instead of waiting), the job and
// the answer over IPC, an environment without our secrets, and whatever the code prints sent to our
// stderr (never our stdout, which may carry a JSON report). A child that exits (even with
// `process.exit(0)`), never settles, loops or runs out of memory becomes a failure in plain words.

import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export type WorkerFailure = { ok: false; kind: 'timeout' | 'crashed'; message: string };

export interface WorkerLimits {
  timeoutMs: number;
  /** What the child was doing, for the timeout message ("loading the config"). */
  task: string;
  /** Values (database URLs) that must not reach the child, whatever variable holds them. */
  secrets?: string[];
}

const DEFAULT_MEMORY_MB = 4096;

export function limitFromEnv(name: string, fallback: number): number {
  const fromEnv = Number(process.env[name]);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

export function runWorker<R>(job: object, cwd: string, limits: WorkerLimits): Promise<R | WorkerFailure> {
  const { file, execArgv } = workerCommand('drift-worker');
  const memoryMb = limitFromEnv('DRIZZLE_GUARD_WORKER_MEMORY_MB', DEFAULT_MEMORY_MB);
  return new Promise((resolve) => {
    const child = fork(file, [], {
      cwd,
      env: scrubbedEnv(process.env, limits.secrets ?? []),
      execArgv: [...execArgv, `--max-old-space-size=${memoryMb}`],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    track(child);
    let output = '';
    const relay = (chunk: Buffer) => {
      process.stderr.write(redactUrls(chunk.toString('utf8')));
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout!.on('data', relay);
    child.stderr!.on('data', relay);
    let settled = false;
    const settle = (outcome: R | WorkerFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({
        ok: false,
        kind: 'timeout',
        message: `${limits.task} did not finish within ${Math.round(limits.timeoutMs / 1000)} s (code at the top level of a module that never returns, or loops?)`,
      });
    }, limits.timeoutMs);
    child.on('message', (m) => settle(m as R));
    child.on('error', (e) => settle({ ok: false, kind: 'crashed', message: `the worker process could not start: ${e.message}` }));
    child.on('exit', (code, signal) => {
      // Let buffered output arrive before describing the exit.
      setImmediate(() =>
        settle({
          ok: false,
          kind: 'crashed',
          message: `${exitCause(code, signal, output)} while ${limits.task}, before an answer${describeOutput(output)}`,
        }),
      );
    });
    try {
      child.send(job);
    } catch (e) {
      // A job the IPC channel cannot serialise (a snapshot nested too deep): end the worker and its timer now.
      settle({ ok: false, kind: 'crashed', message: `the job could not be sent to the worker: ${(e as Error).message}` });
    }
  });
}

/** Hides the credentials of any URL (user code may print its connection string). */
export function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
}

function exitCause(code: number | null, signal: NodeJS.Signals | null, output: string): string {
  if (/heap out of memory|Allocation failed/i.test(output)) return 'the process ran out of memory';
  if (signal) return `the process was ended by ${signal}`;
  return `the code ended the process (exit code ${code})`;
}

function describeOutput(output: string): string {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return text ? `; it printed: ${text.split('\n').slice(-8).join(' | ')}` : '';
}

/**
 * The environment drizzle-kit would see, minus what belongs to us: the action's inputs (the GitHub token,
 * the database URL), GitHub's own tokens, and any variable holding one of `secrets`.
 */
export function scrubbedEnv(env: NodeJS.ProcessEnv, secrets: string[]): NodeJS.ProcessEnv {
  const scrubbed: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^INPUT_/i.test(name) || OURS.has(name.toUpperCase())) continue;
    if (value !== undefined && secrets.includes(value)) continue;
    scrubbed[name] = value;
  }
  return scrubbed;
}

const OURS = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'DRIZZLE_GUARD_DATABASE_URL',
]);

/** Children still running: a SIGTERM to us ends them too, so none outlives the run. */
const live = new Set<ChildProcess>();
function onTerminate(signal: NodeJS.Signals): void {
  for (const child of live) child.kill('SIGKILL');
  process.removeListener('SIGTERM', onTerminate);
  process.removeListener('SIGINT', onTerminate);
  process.kill(process.pid, signal);
}
function track(child: ChildProcess): void {
  if (live.size === 0) {
    process.on('SIGTERM', onTerminate);
    process.on('SIGINT', onTerminate);
  }
  live.add(child);
  child.once('exit', () => {
    live.delete(child);
    if (live.size === 0) {
      process.removeListener('SIGTERM', onTerminate);
      process.removeListener('SIGINT', onTerminate);
    }
  });
}

/**
 * A worker next to the running bundle (dist/<entry>/index.js → dist/<name>/index.js), or, when running from
 * the TypeScript sources (tests, development), src/<name>.ts through jiti's loader.
 * DRIZZLE_GUARD_DRIFT_WORKER points the drift worker elsewhere (tests).
 */
export function workerCommand(name: 'drift-worker' | 'replay-worker'): { file: string; execArgv: string[] } {
  const override = name === 'drift-worker' ? process.env.DRIZZLE_GUARD_DRIFT_WORKER : undefined;
  if (override) return { file: override, execArgv: [] };
  const entry = process.argv[1] ? path.dirname(fs.realpathSync(process.argv[1])) : '';
  for (const candidate of [path.join(entry, '..', name, 'index.js'), path.join(entry, name, 'index.js')]) {
    if (entry && fs.existsSync(candidate)) return { file: candidate, execArgv: [] };
  }
  const here = fileURLToPath(import.meta.url);
  const source = path.resolve(path.dirname(here), '..', `${name}.ts`);
  return { file: source, execArgv: ['--import', import.meta.resolve('jiti/register')] };
}
