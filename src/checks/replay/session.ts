// The worker's side of a replay: start the embedded PostgreSQL (ahead of the job, with the extensions the
// folder's migrations create, while the engine runs the other checks), then either replay and describe the
// resulting schema, or (in a second worker, at the same time) build the schema the snapshots declare.

import { describeSchema, type SchemaShape } from './catalog.js';
import { declaredShape, emptyDatabase } from './declared.js';
import { isAvailable, loadExtensions } from './extensions.js';
import { startPglite, type StartedDb } from './pglite.js';
import type { Declared, DeclareJob, DeclareJobResult, Progress, ReplayJob, ReplayJobResult } from './protocol.js';
import { replay } from './replay.js';

interface Starting {
  started: number;
  /** The available extensions it was started with. */
  extensions: string[];
  db: Promise<StartedDb>;
}

let early: Starting | undefined;

/** Starts PGlite before the job arrives, with the available ones among the extensions named. */
export function startEarly(extensionNames: readonly string[]): void {
  early ??= starting(availableAmong(extensionNames));
  early.db.catch(() => undefined);
}

function starting(extensions: string[]): Starting {
  return { started: performance.now(), extensions, db: loadExtensions(extensions).then((loaded) => startPglite(loaded)) };
}

function availableAmong(names: readonly string[]): string[] {
  return names.filter((n) => isAvailable(n) && n !== 'plpgsql');
}

export async function runJob(job: ReplayJob, report: (p: Progress) => void): Promise<ReplayJobResult> {
  report({ type: 'step', what: 'starting the embedded PostgreSQL' });
  const { started: { db, version, fromTemplate }, since } = await startedDb(availableAmong(job.extensionNames));
  const ready = performance.now();
  try {
    let baseShape: SchemaShape | undefined;
    const afterBase = job.describe?.base && job.base.length > 0 && job.pending.length > 0 ? async () => void (baseShape = await describeSchema(db, job.migrationsTable)) : undefined;
    const result = await replay(db, job.base, job.pending, {
      seed: job.seed,
      trace: job.trace,
      migrationsTable: job.migrationsTable,
      layout: job.layout,
      ...(afterBase ? { afterBase } : {}),
      onStatement: (phase, { migration, statement }) => report({ type: 'statement', phase, tag: migration.tag, index: statement.index }),
    });
    const done = performance.now();
    let shapes: ReplayJobResult['shapes'];
    if (job.describe && job.pending.length > 0 && !result.failure && result.missingExtensions.length === 0 && result.missingRoles.length === 0) {
      report({ type: 'step', what: 'describing the replayed schema' });
      shapes = { replayed: await describeSchema(db, job.migrationsTable), ...(baseShape ? { base: baseShape } : {}) };
    }
    return { type: 'result', result, version, fromTemplate, startMs: ready - since, replayMs: done - ready, ...(shapes ? { shapes } : {}) };
  } finally {
    await db.close();
  }
}

/** Builds the schemas the snapshots declare, one after the other on the instance started ahead. */
export async function runDeclare(job: DeclareJob, report: (p: Progress) => void): Promise<DeclareJobResult> {
  const available = availableAmong(job.extensionNames);
  const { db } = (await startedDb(available)).started;
  const declared: Declared[] = [];
  try {
    for (const [i, snapshot] of job.snapshots.entries()) {
      report({ type: 'step', what: 'building the schema a snapshot declares' });
      if (i > 0) await emptyDatabase(db);
      const shape = await declaredShape(db, snapshot, available);
      // Roles live outside the schemas and survive emptying: a later build failing there gets an instance of its own.
      declared.push(i > 0 && 'reason' in shape ? await onFreshInstance(available, (fresh) => declaredShape(fresh, snapshot, available)) : shape);
    }
  } finally {
    await db.close();
  }
  return { type: 'declared', declared };
}

async function onFreshInstance<T>(extensions: string[], use: (db: StartedDb['db']) => Promise<T>): Promise<T> {
  const { db } = await starting(extensions).db;
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/** The instance started ahead of the job when it has every extension the job needs, else a new one. */
async function startedDb(extensions: string[]): Promise<{ started: StartedDb; since: number }> {
  const ahead = early;
  early = undefined;
  if (ahead && extensions.every((e) => ahead.extensions.includes(e))) return { started: await ahead.db, since: ahead.started };
  if (ahead) void ahead.db.then((s) => s.db.close(), () => undefined);
  const fresh = starting(extensions);
  return { started: await fresh.db, since: fresh.started };
}
