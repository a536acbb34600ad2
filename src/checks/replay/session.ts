// The worker's side of a replay: start the embedded PostgreSQL (ahead of the job, with the extensions the
// folder's migrations create, while the engine runs the other checks), then either replay and describe the
// resulting schema, or (in a second worker, at the same time) build the schema the snapshots declare.

import { describeSchema, type SchemaShape } from './catalog.js';
import { declaredShape, emptyDatabase } from './declared.js';
import { readBaseState, removeBaseState, restoredOf, savedOf, writeBaseState, type SavedBase } from './base-cache.js';
import { isAvailable, loadExtensions } from './extensions.js';
import { startPglite, type StartedDb } from './pglite.js';
import type { Declared, DeclareJob, DeclareJobResult, Progress, ReplayJob, ReplayJobResult } from './protocol.js';
import { replay } from './replay.js';

interface Starting {
  started: number;
  /** The available extensions it was started with. */
  extensions: string[];
  /** The saved base state it was asked to start from, if any. */
  baseKey: string | undefined;
  db: Promise<StartedDb & { base?: SavedBase }>;
}

let early: Starting | undefined;

/** Starts PGlite before the job arrives, with the available ones among the extensions named. */
export function startEarly(extensionNames: readonly string[], baseKey: string | undefined): void {
  early ??= starting(availableAmong(extensionNames), baseKey);
  early.db.catch(() => undefined);
}

/** From the state saved after the base's migrations when there is one (`baseKey`), else empty. */
function starting(extensions: string[], baseKey?: string): Starting {
  const db = loadExtensions(extensions).then(async (loaded) => {
    const saved = baseKey === undefined ? undefined : readBaseState(baseKey);
    const started = await startPglite(loaded, saved && { tar: saved.tar, unusable: () => removeBaseState(baseKey!) });
    return started.from === 'saved' ? { ...started, base: saved!.saved } : started;
  });
  return { started: performance.now(), extensions, baseKey, db };
}

function availableAmong(names: readonly string[]): string[] {
  return names.filter((n) => isAvailable(n) && n !== 'plpgsql');
}

export async function runJob(job: ReplayJob, report: (p: Progress) => void): Promise<ReplayJobResult> {
  report({ type: 'step', what: 'starting the embedded PostgreSQL' });
  const available = availableAmong(job.extensionNames);
  let { started, since } = await startedDb(available, job.state?.baseKey);
  let restored = started.base && restoredOf(started.base, job.base);
  if (started.base && !restored) {
    // Saved findings naming statements this base lacks: a damaged entry, replaced by this run's.
    await started.db.close();
    removeBaseState(job.state!.baseKey);
    ({ started, since } = await startedDb(available, undefined));
    restored = undefined;
  }
  const { db, version, from } = started;
  const ready = performance.now();
  let saving: Promise<void> | undefined;
  try {
    let baseShape: SchemaShape | undefined;
    const describeBase = job.describe?.base && job.base.length > 0 && job.pending.length > 0;
    const result = await replay(db, job.base, job.pending, {
      seed: job.seed,
      trace: job.trace,
      migrationsTable: job.migrationsTable,
      layout: job.layout,
      ...(restored ? { baseApplied: restored } : {}),
      beforePending: async (findings, ms) => {
        if (describeBase) baseShape = started.base?.shape ? new Map(started.base.shape) : await describeSchema(db, job.migrationsTable);
        // A pull request's base (seeded), saved for the next run on the same base: dumped before the batch
        // changes it, written to disk while the batch runs.
        if (!restored && job.state && job.base.length > 0 && job.pending.length > 0 && ms >= job.state.saveAfterMs) {
          saving = writeBaseState(job.state.baseKey, await dataDirOf(db), { ...savedOf(findings), ...(baseShape ? { shape: [...baseShape] } : {}) });
        }
      },
      onStatement: (phase, { migration, statement }) => report({ type: 'statement', phase, tag: migration.tag, index: statement.index }),
    });
    const done = performance.now();
    let shapes: ReplayJobResult['shapes'];
    if (job.describe && job.pending.length > 0 && !result.failure && result.missingExtensions.length === 0 && result.missingRoles.length === 0) {
      report({ type: 'step', what: 'describing the replayed schema' });
      shapes = { replayed: await describeSchema(db, job.migrationsTable), ...(baseShape ? { base: baseShape } : {}) };
    }
    await saving;
    return { type: 'result', result, version, from, startMs: ready - since, replayMs: done - ready, ...(shapes ? { shapes } : {}) };
  } finally {
    await db.close();
  }
}

/** The data directory as a tar, after a checkpoint (so loading it needs no WAL recovery). */
async function dataDirOf(db: StartedDb['db']): Promise<Uint8Array> {
  await db.exec('checkpoint');
  return new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
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

/** The instance started ahead of the job when it has every extension the job needs and its base state, else a new one. */
async function startedDb(extensions: string[], baseKey?: string): Promise<{ started: StartedDb & { base?: SavedBase }; since: number }> {
  const ahead = early;
  early = undefined;
  if (ahead && ahead.baseKey === baseKey && extensions.every((e) => ahead.extensions.includes(e))) return { started: await ahead.db, since: ahead.started };
  if (ahead) void ahead.db.then((s) => s.db.close(), () => undefined);
  const fresh = starting(extensions, baseKey);
  return { started: await fresh.db, since: fresh.started };
}
