// Runs the replay in a child process (src/replay-worker.ts) under a watchdog: each statement has its own
// time limit, the whole replay another. PGlite runs in the thread that calls it and ignores
// statement_timeout, so a statement that never returns can only be stopped by ending its process.

import { fork, type ChildProcess } from 'node:child_process';
import { scrubbedEnv, workerCommand } from '../../config/worker-process.js';
import type { DeclareJob, DeclareJobResult, Progress, ReplayJob, ReplayJobResult, StartRequest, WorkerMessage } from './protocol.js';

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

export type WorkerOutcome<R> =
  | { kind: 'done'; value: R }
  /** `ranMs`: how long the step that was running had run when it was stopped. */
  | { kind: 'timeout'; limit: 'statement' | 'total'; ms: number; running?: Progress; ranMs?: number }
  | { kind: 'crashed'; message: string };

export type ReplayOutcome = WorkerOutcome<ReplayJobResult>;

export class ReplayWorker {
  private readonly child: ChildProcess;
  private exited: string | undefined;

  private constructor() {
    const { file, execArgv } = workerCommand('replay-worker');
    this.child = fork(file, [], { env: replayEnv(), execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    this.child.on('exit', (code, signal) => (this.exited = signal ?? `exit code ${code}`));
    this.child.on('error', (e) => (this.exited = e.message));
    this.child.stderr!.on('data', () => undefined);
    // Started ahead of need: it must never keep the CLI alive by itself.
    this.child.unref();
    (this.child as unknown as { channel?: { unref(): void } }).channel?.unref();
  }

  /** Forks the worker, which waits to be told which extensions to start PostgreSQL with. */
  static spawn(): ReplayWorker {
    return new ReplayWorker();
  }

  /** Starts PostgreSQL ahead of the job (a job needing other extensions starts it again). */
  start(extensionNames: string[], baseKey?: string): void {
    if (this.exited === undefined && this.child.connected) this.child.send({ type: 'start', extensionNames, ...(baseKey ? { baseKey } : {}) } satisfies StartRequest);
  }

  run(job: ReplayJob, limits: ReplayLimits): Promise<ReplayOutcome>;
  run(job: DeclareJob, limits: ReplayLimits): Promise<WorkerOutcome<DeclareJobResult>>;
  run(job: ReplayJob | DeclareJob, limits: ReplayLimits): Promise<WorkerOutcome<ReplayJobResult | DeclareJobResult>> {
    const child = this.child;
    return new Promise((resolve) => {
      let running: Progress | undefined;
      let runningSince = 0;
      let stepTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (outcome: WorkerOutcome<ReplayJobResult | DeclareJobResult>) => {
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
        if (m.type === 'result' || m.type === 'declared') return settle({ kind: 'done', value: m });
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
function replayEnv(): NodeJS.ProcessEnv {
  const env = scrubbedEnv(process.env, []);
  delete env.DATABASE_URL;
  return env;
}
