// The worker's side of a replay: start the embedded PostgreSQL (a speculative start without extensions
// begins as soon as the worker exists, while the engine reads the folder and runs the other checks),
// replay, and describe the resulting schema for the comparison with the snapshots.

import type { PGlite } from '@electric-sql/pglite';
import { describeSchema, diffShapes, type SchemaShape } from './catalog.js';
import { declaredShape } from './declared.js';
import { isAvailable, loadExtensions } from './extensions.js';
import { startPglite, type StartedDb } from './pglite.js';
import type { Progress, ReplayJob, ReplayJobResult } from './protocol.js';
import { replay } from './replay.js';

let early: { started: number; db: Promise<StartedDb> } | undefined;

/** Starts PGlite without extensions before the job is known (most projects create none). */
export function startEarly(): void {
  early ??= { started: performance.now(), db: startPglite({}) };
  early.db.catch(() => undefined);
}

export async function runJob(job: ReplayJob, report: (p: Progress) => void): Promise<ReplayJobResult> {
  report({ type: 'step', what: 'starting the embedded PostgreSQL' });
  const available = job.extensionNames.filter((n) => isAvailable(n) && n !== 'plpgsql');
  const extensions = await loadExtensions(available);
  const { started: { db, version, fromTemplate }, since } = await startedDb(Object.keys(extensions).length > 0 ? extensions : undefined);
  const ready = performance.now();
  let comparison: ReplayJobResult['comparison'];
  try {
    let baseShape: SchemaShape | undefined;
    const afterBase = job.compare?.base && job.base.length > 0 && job.pending.length > 0 ? async () => void (baseShape = await describeSchema(db, job.migrationsTable)) : undefined;
    const result = await replay(db, job.base, job.pending, {
      seed: job.seed,
      trace: job.trace,
      migrationsTable: job.migrationsTable,
      layout: job.layout,
      ...(afterBase ? { afterBase } : {}),
      onStatement: (phase, { migration, statement }) => report({ type: 'statement', phase, tag: migration.tag, index: statement.index }),
    });
    const done = performance.now();
    if (job.compare && job.pending.length > 0 && !result.failure && result.missingExtensions.length === 0 && result.missingRoles.length === 0) {
      report({ type: 'step', what: 'comparing the replayed schema with the latest snapshot' });
      comparison = await compare(db, job, baseShape, available, extensions);
    }
    return { type: 'result', result, version, fromTemplate, startMs: ready - since, replayMs: done - ready, ...(comparison ? { comparison } : {}) };
  } finally {
    await db.close();
  }
}

async function startedDb(extensions: Awaited<ReturnType<typeof loadExtensions>> | undefined): Promise<{ started: StartedDb; since: number }> {
  const speculative = early;
  early = undefined;
  if (speculative && !extensions) return { started: await speculative.db, since: speculative.started };
  // The speculative instance lacks the extensions: it is closed, and one with them started.
  if (speculative) void speculative.db.then((s) => s.db.close(), () => undefined);
  const since = performance.now();
  return { started: await startPglite(extensions ?? {}), since };
}

async function compare(
  db: PGlite,
  job: ReplayJob,
  baseShape: SchemaShape | undefined,
  available: string[],
  extensions: Awaited<ReturnType<typeof loadExtensions>>,
): Promise<NonNullable<ReplayJobResult['comparison']>> {
  const replayed = await describeSchema(db, job.migrationsTable);
  const declared = await declaredShape(job.compare!.latest, available, extensions);
  if ('reason' in declared) return { reason: declared.reason };
  let baseline: ReturnType<typeof diffShapes> = [];
  if (baseShape && job.compare!.base) {
    const atBase = await declaredShape(job.compare!.base, available, extensions);
    if ('shape' in atBase) baseline = diffShapes(baseShape, atBase.shape);
  }
  return { differences: diffShapes(replayed, declared.shape), baseline };
}
