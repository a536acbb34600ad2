// The worker's side of a replay: start the embedded PostgreSQL (ahead of the job, with the extensions the
// folder's migrations create, while the engine runs the other checks), replay, and describe the resulting
// schema for the comparison with the snapshots.

import type { PGlite } from '@electric-sql/pglite';
import { describeSchema, diffShapes, type SchemaShape } from './catalog.js';
import { declaredShape } from './declared.js';
import { isAvailable, loadExtensions } from './extensions.js';
import { startPglite, type StartedDb } from './pglite.js';
import type { Progress, ReplayJob, ReplayJobResult } from './protocol.js';
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
  const available = availableAmong(job.extensionNames);
  const { started: { db, version, fromTemplate }, since } = await startedDb(available);
  const ready = performance.now();
  let comparison: ReplayJobResult['comparison'];
  try {
    let baseShape: SchemaShape | undefined;
    const afterBase = job.compare?.base && job.base.length > 0 && job.pending.length > 0 ? async () => void (baseShape = await describeSchema(db, job.migrationsTable)) : undefined;
    const result = await replay(db, job.base, job.pending, {
      seed: job.seed,
      trace: job.trace,
      migrationsTable: job.migrationsTable,
      skipByWhen: job.skipByWhen,
      ...(afterBase ? { afterBase } : {}),
      onStatement: (phase, { migration, statement }) => report({ type: 'statement', phase, tag: migration.tag, index: statement.index }),
    });
    const done = performance.now();
    if (job.compare && job.pending.length > 0 && !result.failure && result.missingExtensions.length === 0 && result.missingRoles.length === 0) {
      report({ type: 'step', what: 'comparing the replayed schema with the latest snapshot' });
      comparison = await compare(db, job, baseShape, available, await loadExtensions(available));
    }
    return { type: 'result', result, version, fromTemplate, startMs: ready - since, replayMs: done - ready, ...(comparison ? { comparison } : {}) };
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
