// Replay: applies the migrations on an embedded PostgreSQL (PGlite, in-process, no server) as drizzle's
// migrator would, and reports the statement PostgreSQL rejects, at its line, with PostgreSQL's own words.

import { findingOf, type Finding, type RuleMeta } from '../../findings.js';
import { SourceText, utf16OffsetOfCodePoint } from '../../model/source.js';
import { lexChunk } from '../../model/sql-lexer.js';
import type { Migration } from '../../model/types.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { loadSnapshotDocument } from '../../model/folder.js';
import { treeOf } from '../../model/tree.js';
import { describeSchema, diffShapes, type SchemaShape, type ShapeDifference } from './catalog.js';
import { declaredShape } from './declared.js';
import { extensionsCreated, isAvailable, loadExtensions } from './extensions.js';
import { startPglite } from './pglite.js';
import { replay, type Failure, type PgError, type ReplayResult, type StatementRef } from './replay.js';
import { replayFailedOnExistingRows } from './rules/replay-failed-on-existing-rows.js';
import { replayFailed } from './rules/replay-failed.js';
import { replayedSchemaDrift } from './rules/replayed-schema-drift.js';

export const replayRules: RuleMeta[] = [replayFailed, replayFailedOnExistingRows, replayedSchemaDrift];

export const replayCheck: Check = {
  name: 'replay',
  categories: ['integrity'],
  run: checkReplay,
};

interface Plan {
  base: Migration[];
  pending: Migration[];
}

async function checkReplay(ctx: CheckContext): Promise<CheckOutcome> {
  const { replay: mode } = ctx.options;
  if (mode === false) return { status: 'skipped', reason: 'replay is off (--no-replay)' };
  if (ctx.config.dialect !== 'postgresql') {
    return { status: 'skipped', reason: `replay runs PostgreSQL migrations only (this config's dialect is ${ctx.config.dialect})` };
  }
  const plan = planOf(ctx);
  if (typeof plan === 'string') return { status: 'skipped', reason: plan };

  const started = performance.now();
  const extensionNames = extensionsCreated([...plan.base, ...plan.pending]);
  const extensions = await loadExtensions(extensionNames);
  const { db, version, fromTemplate } = await startPglite(extensions);
  let result: ReplayResult;
  let replayedShape: SchemaShape | undefined;
  let baseShape: SchemaShape | undefined;
  const ready = performance.now();
  try {
    // With a base, the schema as the base left it: differences already there are not this change's.
    const afterBase = ctx.options.drift && plan.base.length > 0 && plan.pending.length > 0 ? async () => void (baseShape = await describeSchema(db)) : undefined;
    result = await replay(db, plan.base, plan.pending, { seed: ctx.options.replaySeed, ...(afterBase ? { afterBase } : {}) });
    if (comparable(ctx, plan, result)) replayedShape = await describeSchema(db);
  } finally {
    await db.close();
  }
  const done = performance.now();
  const notes = [
    `replay: ${plan.base.length} applied + ${plan.pending.length} new migrations (${result.baseStatements + result.pendingStatements} statements) on ` +
      `${version.split(' on ')[0]}: start ${ms(ready - started)}${fromTemplate ? ' from a pre-initialised data directory' : ' (initdb)'}, replay ${ms(done - ready)}`,
    ...notesOf(result),
  ];
  const findings = findingsOf(result, plan);
  if (replayedShape) {
    const available = extensionNames.filter((n) => isAvailable(n) && n !== 'plpgsql');
    const baseline = baseShape ? await differencesAtBase(ctx, plan, baseShape, available, extensions) : [];
    const drift = await schemaDriftFinding(ctx, replayedShape, baseline, available, extensions);
    if (typeof drift === 'string') notes.push(`replay: schema not compared: ${drift}`);
    else if (drift) findings.push(drift);
    if (baseline.length > 0) notes.push(`replay: ${baseline.length} difference(s) between the replayed schema and the snapshots already exist at the base (not reported)`);
  }
  return { status: 'ran', findings, notes };
}

/** The replayed schema is compared when drift runs and the replay got to the end of the new migrations. */
function comparable(ctx: CheckContext, plan: Plan, result: ReplayResult): boolean {
  return (
    ctx.options.drift &&
    ctx.head.layout === 'journal' &&
    plan.pending.length > 0 &&
    !result.failure &&
    result.missingExtensions.length === 0 &&
    result.missingRoles.length === 0
  );
}

async function schemaDriftFinding(
  ctx: CheckContext,
  replayed: SchemaShape,
  baseline: ShapeDifference[],
  extensionNames: string[],
  extensions: Awaited<ReturnType<typeof loadExtensions>>,
): Promise<Finding | undefined | string> {
  const last = ctx.head.migrations.at(-1)!;
  const snapshot = snapshotOf(ctx, last);
  if (typeof snapshot === 'string') return snapshot;
  const declared = await declaredShape(snapshot, extensionNames, extensions);
  if ('reason' in declared) return declared.reason;
  const known = new Set(baseline.map(differenceId));
  const differences = diffShapes(replayed, declared.shape).filter((d) => !known.has(differenceId(d)));
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

/** Differences between the schema the base migrations build and the base's latest snapshot. */
async function differencesAtBase(
  ctx: CheckContext,
  plan: Plan,
  baseShape: SchemaShape,
  extensionNames: string[],
  extensions: Awaited<ReturnType<typeof loadExtensions>>,
): Promise<ShapeDifference[]> {
  const snapshot = snapshotOf(ctx, plan.base.at(-1)!);
  if (typeof snapshot === 'string') return [];
  const declared = await declaredShape(snapshot, extensionNames, extensions);
  return 'shape' in declared ? diffShapes(baseShape, declared.shape) : [];
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

function planOf(ctx: CheckContext): Plan | string {
  const all = ctx.head.migrations;
  const unreadable = all.find((m) => m.sql === undefined);
  if (unreadable) return `${unreadable.file} cannot be read (see the integrity findings): drizzle's migrator would stop there too`;
  const fresh = all.filter((m) => m.isNew);
  if (fresh.length > 0) return { base: all.filter((m) => !m.isNew), pending: fresh };
  if (ctx.options.replay === 'auto') return ctx.hasBase ? 'no new migrations to replay' : 'no base to tell new migrations from applied ones (--base); use --replay to replay the whole history';
  if (all.length === 0) return 'no migrations to replay';
  // --replay without new migrations: what a fresh database goes through, one batch for everything.
  return ctx.hasBase ? { base: all, pending: [] } : { base: [], pending: all };
}

function findingsOf(result: ReplayResult, plan: Plan): Finding[] {
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
  if (result.failure) findings.push(failureFinding(result.failure, plan));
  return findings;
}

function failureFinding(f: Failure, plan: Plan): Finding {
  const onRows = f.seeded && isDataError(f.error.code);
  const rule = onRows ? replayFailedOnExistingRows : replayFailed;
  const where =
    f.phase === 'base'
      ? `migration ${f.migration.tag}, already applied at the base, fails on an empty PostgreSQL; the new migrations after it were not verified`
      : onRows
        ? `${f.migration.tag} fails on tables holding a row`
        : `${f.migration.tag} fails${plan.pending.length > 1 ? ` in the batch of ${plan.pending.length} pending migrations drizzle's migrator runs in one transaction` : ''}`;
  return findingOf(rule, {
    ...locate(f, f.error.position),
    migration: f.migration.tag,
    // History that no longer replays is worth knowing, but it is not this change's fault.
    ...(f.phase === 'base' ? { severity: 'info' as const } : {}),
    message: `${where}: ${describe(f.error)}`,
    ...(helpFor(f.error.code) ? { help: helpFor(f.error.code) } : {}),
  });
}

/** Class 22 (data exception) and 23 (integrity constraint violation): failures caused by rows. */
function isDataError(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}

function describe(e: PgError): string {
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

function locate(ref: StatementRef, position?: number): Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'migration'> {
  const { migration, statement } = ref;
  const base = { file: migration.file, migration: migration.tag };
  if (migration.sql === undefined) return { ...base, line: statement.span.start.line, column: statement.span.start.column };
  const source = new SourceText(migration.sql);
  if (position === undefined) {
    // The statement itself, not the comment drizzle-kit puts at the top of a custom migration.
    const start = source.positionAt(statement.offset + (lexChunk(statement, 'postgresql').statements[0]?.start ?? 0));
    return { ...base, line: start.line, column: start.column, endLine: statement.span.end.line, endColumn: statement.span.end.column };
  }
  // PostgreSQL's error position counts characters (code points) from 1 in the chunk sent.
  const at = source.positionAt(statement.offset + utf16OffsetOfCodePoint(statement.text, position - 1));
  return { ...base, line: at.line, column: at.column };
}

function notesOf(result: ReplayResult): string[] {
  const notes: string[] = [];
  if (result.failure && result.failure.notReplayed > 0) {
    notes.push(`replay: ${result.failure.notReplayed} statement(s) after the failure were not replayed (drizzle's migrator stops at the first error)`);
  }
  if (result.notVerified.length > 0) {
    notes.push(`replay: not verified (missing extension): ${result.notVerified.map((n) => `${n.migration.file}:${n.statement.span.start.line}`).join(', ')}`);
  }
  if (result.seed) {
    notes.push(`replay seed: one row in each of ${result.seed.seeded.length} table(s)`);
    for (const f of result.seed.failed) notes.push(`replay seed: no row could be inserted into ${f.table}: ${f.reason}`);
  }
  return notes;
}

function ms(n: number): string {
  return `${Math.round(n)} ms`;
}
