// Runs the replay in a child process (src/replay-worker.ts) under a watchdog: each statement has its own
// time limit, the whole replay another. PGlite runs in the thread that calls it and ignores
// statement_timeout, so a statement that never returns can only be stopped by ending its process.

import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Progress, ReplayJob, ReplayJobResult, WorkerMessage } from './protocol.js';

export interface ReplayLimits {
  /** For each statement (and each other step: seeding, describing the schema). */
  statementMs: number;
  /** For the whole replay, PostgreSQL's start included. */
  totalMs: number;
}

/** Default per-statement limit (--replay-timeout, action input replay-timeout). */
export const DEFAULT_STATEMENT_TIMEOUT_S = 60;

/** The whole replay may take ten statements' worth, and never less than a slow runner's PGlite start-up. */
export function limitsFor(statementSeconds: number): ReplayLimits {
  const statementMs = statementSeconds * 1000;
  return { statementMs, totalMs: Math.max(10 * statementMs, 120_000) };
}

export type ReplayOutcome =
  | { kind: 'done'; value: ReplayJobResult }
  /** `ranMs`: how long the step that was running had run when it was stopped. */
  | { kind: 'timeout'; limit: 'statement' | 'total'; ms: number; running?: Progress; ranMs?: number }
  | { kind: 'crashed'; message: string };

export class ReplayWorker {
  private readonly child: ChildProcess;
  private exited: string | undefined;

  private constructor() {
    const { file, execArgv } = workerCommand();
    this.child = fork(file, [], { env: scrubbedEnv(), execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    this.child.on('exit', (code, signal) => (this.exited = signal ?? `exit code ${code}`));
    this.child.on('error', (e) => (this.exited = e.message));
    this.child.stderr!.on('data', () => undefined);
    // Started ahead of need: it must never keep the CLI alive by itself.
    this.child.unref();
    (this.child as unknown as { channel?: { unref(): void } }).channel?.unref();
  }

  /** Forks the worker, which starts PostgreSQL at once. */
  static spawn(): ReplayWorker {
    return new ReplayWorker();
  }

  run(job: ReplayJob, limits: ReplayLimits): Promise<ReplayOutcome> {
    const child = this.child;
    return new Promise((resolve) => {
      let running: Progress | undefined;
      let runningSince = 0;
      let stepTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (outcome: ReplayOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(stepTimer);
        child.removeAllListeners('message');
        this.kill();
        resolve(outcome);
      };
      const ranMs = () => performance.now() - runningSince;
      const totalTimer = setTimeout(() => settle({ kind: 'timeout', limit: 'total', ms: limits.totalMs, ...(running ? { running, ranMs: ranMs() } : {}) }), limits.totalMs);
      child.on('message', (m: WorkerMessage) => {
        if (m.type === 'result') return settle({ kind: 'done', value: m });
        if (m.type === 'error') return settle({ kind: 'crashed', message: m.message });
        running = m;
        runningSince = performance.now();
        clearTimeout(stepTimer);
        // PostgreSQL's start-up is bounded by the whole-replay limit only (initdb takes seconds on a slow runner).
        if (m.type === 'statement' || !m.what.startsWith('starting')) {
          stepTimer = setTimeout(() => settle({ kind: 'timeout', limit: 'statement', ms: limits.statementMs, running: m, ranMs: ranMs() }), limits.statementMs);
        }
      });
      child.once('exit', () => setImmediate(() => settle({ kind: 'crashed', message: `the replay worker ended (${this.exited ?? 'unknown'}) before an answer` })));
      if (this.exited !== undefined) return settle({ kind: 'crashed', message: `the replay worker ended (${this.exited}) before the job was sent` });
      child.ref();
      child.send(job);
    });
  }

  kill(): void {
    if (this.exited === undefined) this.child.kill('SIGKILL');
  }
}

/** The worker needs no secret: no action inputs, tokens or database URL. */
function scrubbedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('INPUT_') || k === 'GITHUB_TOKEN' || k === 'DRIZZLE_GUARD_DATABASE_URL' || k === 'DATABASE_URL') continue;
    env[k] = v;
  }
  return env;
}

/**
 * The worker next to the running bundle (dist/<entry>/index.js → dist/replay-worker/index.js), or, when
 * running from the TypeScript sources (tests, development), src/replay-worker.ts through jiti's loader.
 */
function workerCommand(): { file: string; execArgv: string[] } {
  const entry = process.argv[1] ? path.dirname(fs.realpathSync(process.argv[1])) : '';
  for (const candidate of [path.join(entry, '..', 'replay-worker', 'index.js'), path.join(entry, 'replay-worker', 'index.js')]) {
    if (entry && fs.existsSync(candidate)) return { file: candidate, execArgv: [] };
  }
  const here = fileURLToPath(import.meta.url);
  const source = path.resolve(path.dirname(here), '..', '..', 'replay-worker.ts');
  return { file: source, execArgv: ['--import', import.meta.resolve('jiti/register')] };
}
