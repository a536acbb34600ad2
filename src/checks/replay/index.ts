// Replay: applies the migrations on an embedded PostgreSQL (PGlite, in a worker process, no server) as
// drizzle's migrator would, traces what each new statement does to the tables that hold (seeded) rows,
// and reports the statement PostgreSQL rejects, at its line, with PostgreSQL's own words.

import { findingOf, type Finding, type RuleMeta } from '../../findings.js';
import type { Migration, MigrationSet, ResolvedConfig } from '../../model/types.js';
import type { Check, CheckContext, CheckOptions, CheckOutcome } from '../types.js';
import { loadSnapshotDocument } from '../../model/folder.js';
import { treeOf } from '../../model/tree.js';
import { baseStateKey, SAVE_MIN_MS } from './base-key.js';
import { diffShapes, type ShapeDifference } from './catalog.js';
import { extensionsCreated } from './extensions.js';
import { locate } from './locate.js';
import { reconcile } from './reconcile.js';
import type { Failure, PgError, ReplayResult, StatementRef } from './replay.js';
import { replayFailedOnExistingRows } from './rules/replay-failed-on-existing-rows.js';
import { replayFailed } from './rules/replay-failed.js';
import { replayTimeout } from './rules/replay-timeout.js';
import { replayedSchemaDrift } from './rules/replayed-schema-drift.js';
import { tracedBlockingStatement } from './rules/traced-blocking-statement.js';
import type { DeclareJobResult, Progress, ReplayJob, ReplayJobResult } from './protocol.js';
import { DEFAULT_STATEMENT_TIMEOUT_S, limitsFor, ReplayWorker, type ReplayOutcome, type WorkerOutcome } from './run-worker.js';

export const replayRules: RuleMeta[] = [replayFailed, replayFailedOnExistingRows, replayTimeout, tracedBlockingStatement, replayedSchemaDrift];

/** Workers started by warmUp, per config, waiting for their job. */
interface Workers {
  replay: ReplayWorker;
  /** Builds the schema the snapshots declare while `replay` replays (only when drift is on: see comparisonOf). */
  declare?: ReplayWorker;
}

const started = new WeakMap<ResolvedConfig, Workers>();

export const replayCheck: Check = {
  name: 'replay',
  categories: ['replay'],
  // The worker processes load while the engine reads the folder; once it is read, PostgreSQL starts in them
  // (with the extensions the migrations create) if there is something to replay, while the other checks run.
  warmUp(config, options, head) {
    if (!mayReplay(config, options)) return;
    const workers: Workers = { replay: ReplayWorker.spawn(), ...(options.drift ? { declare: ReplayWorker.spawn() } : {}) };
    started.set(config, workers);
    void head.then((h) => {
      const plan = planOf(h, options, options.base !== undefined);
      if (typeof plan === 'string') return;
      const extensions = extensionsCreated(h.migrations);
      workers.replay.start(extensions, savedStateOf(plan, config, h.layout, options.replaySeed).baseKey);
      if (h.layout === 'journal' && plan.pending.length > 0) workers.declare?.start(extensions);
    });
  },
  run: async (ctx) => {
    const workers = started.get(ctx.config);
    started.delete(ctx.config);
    try {
      return await checkReplay(ctx, workers);
    } finally {
      workers?.replay.kill();
      workers?.declare?.kill();
    }
  },
};

function mayReplay(config: ResolvedConfig, options: CheckOptions): boolean {
  return config.dialect === 'postgresql' && (options.replay === true || (options.replay === 'auto' && options.base !== undefined));
}

interface Plan {
  base: Migration[];
  pending: Migration[];
}

async function checkReplay(ctx: CheckContext, warm: Workers | undefined): Promise<CheckOutcome> {
  const { replay: mode } = ctx.options;
  if (mode === false) return { status: 'skipped', reason: 'replay is off (--no-replay)' };
  if (ctx.config.dialect !== 'postgresql') {
    return { status: 'skipped', reason: `replay runs PostgreSQL migrations only (this config's dialect is ${ctx.config.dialect})` };
  }
  const plan = planOf(ctx.head, ctx.options, ctx.hasBase);
  if (typeof plan === 'string') return { status: 'skipped', reason: plan };

  const compare = ctx.options.drift && ctx.head.layout === 'journal' && plan.pending.length > 0 ? comparisonOf(ctx, plan) : undefined;
  const seconds = ctx.options.replayTimeout ?? DEFAULT_STATEMENT_TIMEOUT_S;
  const extensionNames = extensionsCreated([...plan.base, ...plan.pending]);
  const snapshots = typeof compare === 'string' ? undefined : compare;
  // Built by a second worker while the first replays.
  const declaring = snapshots
    ? (warm?.declare ?? ReplayWorker.spawn()).run({ type: 'declare', extensionNames, snapshots: [snapshots.latest, ...(snapshots.base ? [snapshots.base] : [])] }, limitsFor(seconds))
    : undefined;
  const outcome = await (warm?.replay ?? ReplayWorker.spawn()).run(
    {
      type: 'job',
      base: plan.base.map(withoutSnapshot),
      pending: plan.pending.map(withoutSnapshot),
      extensionNames,
      seed: ctx.options.replaySeed,
      trace: ctx.options.replaySeed,
      migrationsTable: { schema: ctx.config.migrations.schema, table: ctx.config.migrations.table },
      layout: ctx.head.layout,
      ...(snapshots ? { describe: { base: snapshots.base !== undefined } } : {}),
      state: savedStateOf(plan, ctx.config, ctx.head.layout, ctx.options.replaySeed),
    },
    limitsFor(seconds),
  );
  if (outcome.kind !== 'done') return unfinished(outcome, plan, seconds);
  const { result } = outcome.value;
  const notes = [
    `replay: ${plan.base.length} applied + ${plan.pending.length} new migrations (${result.baseStatements + result.pendingStatements} statements) on ` +
      `${outcome.value.version.split(' on ')[0]}: start ${ms(outcome.value.startMs)}${STARTED_FROM[outcome.value.from]}, replay ${ms(outcome.value.replayMs)}`,
    ...notesOf(result),
  ];
  const findings = findingsOf(result);
  const failureFinding = result.failure ? failureFindingOf(result.failure, plan) : undefined;
  if (failureFinding) findings.push(failureFinding);
  if (typeof compare === 'string') notes.push(`replay: schema not compared: ${compare}`);
  const shapes = outcome.value.shapes;
  const comparison = declaring && shapes ? compared(await declaring, shapes) : undefined;
  if (comparison && 'reason' in comparison) notes.push(`replay: schema not compared: ${comparison.reason}`);
  else if (comparison) {
    const drift = schemaDriftFinding(ctx, comparison.differences, comparison.baseline);
    if (drift) findings.push(drift);
    if (comparison.baseline.length > 0) notes.push(`replay: ${comparison.baseline.length} difference(s) between the replayed schema and the snapshots already exist at the base (not reported)`);
  }
  return { status: 'ran', findings, notes, reconcile: (all, configure) => reconcile(all, { result, lint: ctx.options.lint, configure, ...(failureFinding ? { failureFinding } : {}) }) };
}

/** The replayed schema against the one the snapshots declare (differences already there at the base apart). */
function compared(
  outcome: WorkerOutcome<DeclareJobResult>,
  shapes: NonNullable<ReplayJobResult['shapes']>,
): { differences: ShapeDifference[]; baseline: ShapeDifference[] } | { reason: string } {
  if (outcome.kind === 'crashed') return { reason: `the schema the snapshots declare could not be built: ${outcome.message}` };
  if (outcome.kind === 'timeout') return { reason: `building the schema the snapshots declare did not finish within the replay's limit (${ms(outcome.ms)})` };
  const [latest, base] = outcome.value.declared;
  if (!latest || 'reason' in latest) return latest ?? { reason: 'no snapshot was built' };
  const baseline = shapes.base && base && 'shape' in base ? diffShapes(shapes.base, base.shape) : [];
  return { differences: diffShapes(shapes.replayed, latest.shape), baseline };
}

const STARTED_FROM: Record<ReplayJobResult['from'], string> = {
  initdb: ' (initdb)',
  template: ' from a pre-initialised data directory',
  saved: " from the state saved after the base's migrations (not replayed again)",
};

function savedStateOf(plan: Plan, config: ResolvedConfig, layout: MigrationSet['layout'], seeded: boolean): NonNullable<ReplayJob['state']> {
  const table = { schema: config.migrations.schema, table: config.migrations.table };
  return { baseKey: baseStateKey(plan.base, table, layout, seeded), saveAfterMs: SAVE_MIN_MS };
}

/** The snapshots stay here: the worker needs the SQL only. */
function withoutSnapshot(m: Migration): Migration {
  const { snapshot: _snapshot, ...rest } = m;
  return rest;
}

function comparisonOf(ctx: CheckContext, plan: Plan): { latest: Record<string, unknown>; base?: Record<string, unknown> } | string {
  const latest = snapshotOf(ctx, ctx.head.migrations.at(-1)!);
  if (typeof latest === 'string') return latest;
  // The base's newest snapshot (its newest migrations may have none: hand-written SQL, say), so that the
  // differences already there are told apart from this change's.
  const baseLast = plan.base.findLast((m) => m.snapshot);
  const base = baseLast ? snapshotOf(ctx, baseLast) : undefined;
  return { latest, ...(base !== undefined && typeof base !== 'string' ? { base } : {}) };
}

/** A replay that did not end: the statement that was running when the limit struck, or the crash. */
function unfinished(outcome: Exclude<ReplayOutcome, { kind: 'done' }>, plan: Plan, seconds: number): CheckOutcome {
  if (outcome.kind === 'crashed') {
    return { status: 'ran', findings: [findingOf(replayFailed, { severity: 'warning', message: `the replay could not finish: ${outcome.message}`, help: 'Re-run the check; if it persists, report it with the migration that was replayed.' })] };
  }
  const running = outcome.running;
  const ref = running?.type === 'statement' ? refOf(plan, running) : undefined;
  const limit = outcome.limit === 'statement' ? `${seconds} s per statement` : `${Math.round(outcome.ms / 1000)} s for the whole replay`;
  const what = ref
    ? `${ref.migration.tag}: this statement did not finish within the replay limit (${limit}); the replay was stopped there`
    : `the replay did not finish within its limit (${limit}) while ${running?.type === 'step' ? running.what : 'starting'}`;
  return {
    status: 'ran',
    findings: [findingOf(replayTimeout, { ...(ref ? locate(ref) : {}), message: what })],
    notes: [
      `replay: stopped at the limit (${limit})${outcome.ranMs !== undefined ? ` after the running step had run ${(outcome.ranMs / 1000).toFixed(1)} s` : ''}; the statements after it were not replayed`,
    ],
  };
}

function refOf(plan: Plan, p: Extract<Progress, { type: 'statement' }>): StatementRef | undefined {
  const migration = (p.phase === 'base' ? plan.base : plan.pending).find((m) => m.tag === p.tag);
  const statement = migration?.statements.find((s) => s.index === p.index);
  return migration && statement ? { migration, statement } : undefined;
}

function schemaDriftFinding(ctx: CheckContext, all: ShapeDifference[], baseline: ShapeDifference[]): Finding | undefined {
  const last = ctx.head.migrations.at(-1)!;
  const known = new Set(baseline.map(differenceId));
  const differences = all.filter((d) => !known.has(differenceId(d)));
  if (differences.length === 0) return undefined;
  const shown = differences.slice(0, MAX_DIFFERENCES).map((d) => `- ${d.key}: replayed ${describeSide(d.replayed)}, declared ${describeSide(d.declared)}`);
  if (differences.length > MAX_DIFFERENCES) shown.push(`- … and ${differences.length - MAX_DIFFERENCES} more`);
  return findingOf(replayedSchemaDrift, {
    file: last.snapshot!.file,
    migration: last.tag,
    message:
      `the database the migrations build differs from the one ${last.snapshot!.file} declares ` +
      `(the drift check compares that snapshot with the TypeScript schema): ${differences.length} difference(s)\n${shown.join('\n')}`,
  });
}

function snapshotOf(ctx: CheckContext, m: Migration): Record<string, unknown> | string {
  if (!m.snapshot) return `${m.tag} has no snapshot`;
  return m.snapshot.json ?? loadSnapshotDocument(treeOf(ctx), m.snapshot.file).json ?? `${m.snapshot.file} cannot be read`;
}

function differenceId(d: ShapeDifference): string {
  return JSON.stringify([d.key, d.replayed ?? null, d.declared ?? null]);
}

const MAX_DIFFERENCES = 20;

function describeSide(def: string | undefined): string {
  return def === undefined ? 'absent' : def === '' ? 'present' : JSON.stringify(def);
}

/** The migrations drizzle's migrator reads: drizzle-orm 1.0 passes over a folder without migration.sql. */
export function migratorMigrations(set: MigrationSet): Migration[] {
  return set.layout === 'folders' ? set.migrations.filter((m) => m.sql !== undefined || m.unreadable !== undefined) : set.migrations;
}

function planOf(head: MigrationSet, options: CheckOptions, hasBase: boolean): Plan | string {
  const all = migratorMigrations(head);
  const unreadable = all.find((m) => m.sql === undefined);
  if (unreadable) return `${unreadable.file} cannot be read (see the integrity findings): drizzle's migrator would stop there too`;
  const fresh = all.filter((m) => m.isNew);
  if (fresh.length > 0) return { base: all.filter((m) => !m.isNew), pending: fresh };
  if (options.replay === 'auto') return hasBase ? 'no new migrations to replay' : 'no base to tell new migrations from applied ones (--base); use --replay to replay the whole history';
  if (all.length === 0) return 'no migrations to replay';
  // --replay without new migrations: what a fresh database goes through, one batch for everything.
  return hasBase ? { base: all, pending: [] } : { base: [], pending: all };
}

function findingsOf(result: ReplayResult): Finding[] {
  const findings: Finding[] = [];
  for (const m of result.missingExtensions) {
    const dependents = result.notVerified.length;
    findings.push(
      findingOf(replayFailed, {
        ...locate(m),
        severity: 'info',
        message:
          `extension "${m.name}" is not available in the embedded PostgreSQL (PGlite), so it was not created; ` +
          `${dependents} statement${dependents === 1 ? '' : 's'} failing on a missing object after it ${dependents === 1 ? 'was' : 'were'} not verified`,
        help: 'Nothing to fix if your database has the extension. The statements that need it are checked on a server that has it (e.g. --database-url to see pending migrations).',
      }),
    );
  }
  for (const r of result.missingRoles) {
    findings.push(
      findingOf(replayFailed, {
        ...locate(r),
        severity: 'info',
        message: `role "${r.name}" does not exist in the embedded PostgreSQL (it belongs to the hosting environment); statements needing it were not verified`,
        help: 'Nothing to fix if your database has the role.',
      }),
    );
  }
  return findings;
}

function failureFindingOf(f: Failure, plan: Plan): Finding {
  const onRows = failedOnSeededRows(f);
  const rule = onRows ? replayFailedOnExistingRows : replayFailed;
  const where =
    f.phase === 'base'
      ? `migration ${f.migration.tag}, already applied at the base, fails on an empty PostgreSQL; the new migrations after it were not verified`
      : onRows
        ? `${f.migration.tag} fails on tables holding a row`
        : `${f.migration.tag} fails${plan.pending.length > 1 ? ` in the batch of ${plan.pending.length} pending migrations drizzle's migrator runs in one transaction` : ''}`;
  const after = f.notReplayed > 0 ? `\n${f.notReplayed} statement${f.notReplayed === 1 ? '' : 's'} after it ${f.notReplayed === 1 ? 'was' : 'were'} not run (drizzle's migrator stops at the first error)` : '';
  return findingOf(rule, {
    ...locate(f, f.error.position),
    migration: f.migration.tag,
    // History that no longer replays is worth knowing, but it is not this change's fault.
    ...(f.phase === 'base' ? { severity: 'info' as const } : {}),
    message: `${where}: ${describe(f.error)}${after}`,
    ...(helpFor(f.error.code) ? { help: helpFor(f.error.code) } : {}),
  });
}

/** Class 22 (data exception) and 23 (integrity constraint violation) with seeded rows: failures caused by rows. */
export function failedOnSeededRows(f: Failure): boolean {
  const code = f.error.code;
  return f.phase === 'pending' && f.seeded && code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}

export function describe(e: PgError): string {
  const parts = [`ERROR${e.code ? ` ${e.code}` : ''}: ${e.message}`];
  if (e.detail) parts.push(`DETAIL: ${e.detail}`);
  if (e.hint) parts.push(`HINT: ${e.hint}`);
  if (e.where) parts.push(`CONTEXT: ${e.where}`);
  return parts.join('\n');
}

/** Drizzle-specific recipes for the failures its one-transaction migrator causes. */
function helpFor(code: string | undefined): string | undefined {
  switch (code) {
    case '55P04':
      return (
        "drizzle's migrator runs every pending migration in one transaction, and PostgreSQL forbids using an enum value added in the same transaction. " +
        'Ship the ALTER TYPE … ADD VALUE migration in an earlier deploy than the statements that use the value, or end the transaction first with a `COMMIT;` line at the top of the later migration file.'
      );
    case '25001':
      return (
        "drizzle's migrator runs pending migrations inside a transaction, where CREATE INDEX CONCURRENTLY is not allowed. " +
        'Either drop CONCURRENTLY (fine for small tables), or put `COMMIT;` before it in that migration file (drizzle-kit generate --custom) so it runs outside the transaction.'
      );
    default:
      return undefined;
  }
}

function notesOf(result: ReplayResult): string[] {
  const notes: string[] = [];
  for (const s of result.skipped) {
    notes.push(`replay: ${s.migration.tag} was not replayed: drizzle's migrator skips it, its journal "when" (${s.migration.when}) is not after the newest applied migration's (${s.lastApplied})`);
  }
  if (result.notVerified.length > 0) {
    notes.push(`replay: not verified (missing extension): ${result.notVerified.map((n) => `${n.migration.file}:${n.statement.span.start.line}`).join(', ')}`);
  }
  if (result.seed && (result.seed.seeded.length > 0 || result.seed.failed.length > 0)) {
    notes.push(`replay seed: one row in each of ${result.seed.seeded.length} table(s)`);
    for (const f of result.seed.failed) notes.push(`replay seed: no row could be inserted into ${f.table}: ${f.reason}`);
  }
  return notes;
}

function ms(n: number): string {
  return `${Math.round(n)} ms`;
}
