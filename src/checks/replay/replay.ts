// Replays migrations on the embedded PostgreSQL the way drizzle's migrator applies them: drizzle-orm 0.x
// (pg-core dialect migrate()) for the journal layout, drizzle-orm 1.0 (pg-core/async/session migrate()) for
// the folder layout, whose migrator refuses a journal:
// - before anything, `CREATE SCHEMA IF NOT EXISTS` and `CREATE TABLE IF NOT EXISTS` of its table
//   (config `migrations.schema`/`migrations.table`, default "drizzle"."__drizzle_migrations"), so a
//   migration that reads or cleans that table finds it; 1.0's table has two more columns, `name` (the
//   folder's name) and `applied_at` (default now());
// - the migrations that exist at the base are applied as drizzle's migrator applies them to a fresh
//   database: one batch, each migration recorded (hash, created_at = journal `when` or the folder's
//   timestamp, and with 1.0 the folder's name);
// - the new ones are the pending batch: drizzle-orm 0.x reads the newest `created_at` once, then in one
//   transaction runs every migration whose `when` is greater (the others are skipped, silently, as in
//   production); 1.0 runs every folder whose name the table does not hold, which a new folder never is.
//   Chunk by chunk (split on breakpoints, each chunk one simple query, so a `COMMIT;` in a
//   file really ends the transaction), and records each one.
// The first real failure ends the replay, as it ends drizzle's migrator: nothing after it runs, so the
// failure reported is the root and never a consequence of another.
// Two kinds of failures are not the migration's fault and are tolerated (the batch is run again without
// them): an extension the embedded PostgreSQL does not ship, and objects of the hosting environment (roles).
// After a missing extension, statements failing on a missing object are "not verified".

import type { PGlite } from '@electric-sql/pglite';
import { escapeRegExp, quoteIdent } from '../../model/quote.js';
import type { Migration, MigrationSet, Statement } from '../../model/types.js';
import { extensionOfStatement, isAvailable } from './extensions.js';
import { seedRows, type SeedResult } from './seed.js';
import { Tracer, type StatementTrace } from './trace.js';

export interface PgError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
  where?: string;
  /** 1-based character position in the chunk, when PostgreSQL reported one. */
  position?: number;
}

export interface StatementRef {
  migration: Migration;
  statement: Statement;
}

export type Phase = 'base' | 'pending';

export interface Failure extends StatementRef {
  phase: Phase;
  error: PgError;
  /** The tables held seeded rows when it failed. */
  seeded: boolean;
  /** Statements of the replay left unrun after it. */
  notReplayed: number;
}

export interface Tolerated extends StatementRef {
  /** Extension or role name. */
  name: string;
  error: PgError;
}

export interface Skipped {
  migration: Migration;
  /** The newest `created_at` in the migrations table when the batch started. */
  lastApplied: number;
}

export interface ReplayResult {
  failure?: Failure;
  missingExtensions: Tolerated[];
  missingRoles: Tolerated[];
  /** Statements failing on a missing object after an extension could not be created. */
  notVerified: (StatementRef & { error: PgError })[];
  /** Pending migrations drizzle's migrator skips: their `when` is not after the newest applied one. */
  skipped: Skipped[];
  seed?: SeedResult;
  /** What each pending statement did to the tables that existed before the batch (traced replay). */
  traces: (StatementRef & { trace: StatementTrace })[];
  baseStatements: number;
  pendingStatements: number;
}

/** What applying the base's migrations (and seeding, if it ran) found; a failure apart, which ends the replay. */
export type BaseFindings = Pick<ReplayResult, 'baseStatements' | 'missingExtensions' | 'missingRoles' | 'notVerified' | 'seed'>;

function baseFindingsOf(r: ReplayResult): BaseFindings {
  return {
    baseStatements: r.baseStatements,
    missingExtensions: [...r.missingExtensions],
    missingRoles: [...r.missingRoles],
    notVerified: [...r.notVerified],
    ...(r.seed ? { seed: r.seed } : {}),
  };
}

/** Where drizzle's migrator records applied migrations. */
export interface MigrationsTable {
  schema: string;
  table: string;
}

/** SQLSTATEs of "an object does not exist": what statements depending on a missing extension fail with. */
const UNDEFINED_OBJECT = new Set(['42704', '42883', '42P01', '42703', '3F000']);
/** undefined_object (a type, an operator class…) and undefined_function: what an extension provides. */
const EXTENSION_OBJECT = new Set(['42704', '42883']);
const ROLE_MISSING = /^role "(.+)" does not exist$/;

export interface ReplayOptions {
  /** Insert a row into every table before the pending batch (committed, as production data is). */
  seed: boolean;
  /** Record what each pending statement does to the tables that existed before the batch. */
  trace: boolean;
  migrationsTable: MigrationsTable;
  /** The journal layout is applied by drizzle-orm 0.x's migrator, the folder layout by 1.0's. */
  layout: MigrationSet['layout'];
  /** The database already holds the base's migrations (a saved state): what their replay found then. */
  baseApplied?: BaseFindings;
  /**
   * Called once the base migrations are applied and the tables seeded, before the pending batch (to look at
   * the database then), with what the base's replay found and how long it and the seeding took.
   */
  beforePending?: (base: BaseFindings, ms: number) => Promise<void>;
  /** Called before each chunk is sent (a watchdog uses it to name the statement that never returned). */
  onStatement?: (phase: Phase, ref: StatementRef) => void;
}

export async function replay(db: PGlite, base: readonly Migration[], pending: readonly Migration[], options: ReplayOptions): Promise<ReplayResult> {
  const result: ReplayResult = { missingExtensions: [], missingRoles: [], notVerified: [], skipped: [], traces: [], baseStatements: 0, pendingStatements: 0 };
  const table = `${quoteIdent(options.migrationsTable.schema)}.${quoteIdent(options.migrationsTable.table)}`;
  // drizzle-orm's own statements, as it sends them.
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.migrationsTable.schema)}`);
  const byName = options.layout === 'folders';
  const columns = byName ? ',\n\tname text,\n\tapplied_at timestamp with time zone DEFAULT now()' : '';
  await db.exec(`CREATE TABLE IF NOT EXISTS ${table} (\n\tid SERIAL PRIMARY KEY,\n\thash text NOT NULL,\n\tcreated_at bigint${columns}\n)`);
  const record = (m: Migration) =>
    byName
      ? db.query(`insert into ${table} ("hash", "created_at", "name") values($1, $2, $3)`, [m.hash ?? '', m.when ?? null, m.tag])
      : db.query(`insert into ${table} ("hash", "created_at") values($1, $2)`, [m.hash ?? '', m.when ?? null]);

  const started = performance.now();
  if (options.baseApplied) {
    // The saved state holds seeded rows; with nothing pending there is nothing to seed for (and no note).
    const { seed, ...findings } = options.baseApplied;
    Object.assign(result, findings, seed && pending.length > 0 ? { seed } : {});
  } else {
    // The history as a fresh database gets it from drizzle's migrator: one batch (a temporary table ON COMMIT
    // DROP lives through its migration, an enum created in the batch takes new values at once).
    const history = await runBatch(db, 'base', base, result, { record, tracer: undefined, ...(options.onStatement ? { onStatement: options.onStatement } : {}) });
    result.baseStatements = history.ran;
    if (history.failure) {
      result.failure = { ...history.failure, notReplayed: history.failure.notReplayed + countAll(pending) };
      if (db.isInTransaction()) await db.exec('rollback');
      return result;
    }
    if (db.isInTransaction()) await db.exec('commit');
  }

  if (options.seed && pending.length > 0) result.seed ??= await seedRows(db, options.migrationsTable);
  await options.beforePending?.(baseFindingsOf(result), performance.now() - started);
  const tracer = options.trace && pending.length > 0 ? await Tracer.start(db, table) : undefined;
  const newest = byName ? undefined : (await db.query<{ created_at: string | number | null }>(`select created_at from ${table} order by created_at desc limit 1`)).rows[0];
  const lastApplied = newest?.created_at === undefined || newest.created_at === null ? undefined : Number(newest.created_at);
  const batch: Migration[] = [];
  for (const migration of pending) {
    if (lastApplied !== undefined && !(lastApplied < (migration.when ?? NaN))) result.skipped.push({ migration, lastApplied });
    else batch.push(migration);
  }
  const run = await runBatch(db, 'pending', batch, result, { record, tracer, ...(options.onStatement ? { onStatement: options.onStatement } : {}) });
  result.pendingStatements = run.ran;
  result.traces = run.traces;
  if (run.failure) result.failure = run.failure;
  // The state after the batch stays for the caller to inspect (drizzle would have committed it).
  if (db.isInTransaction()) await db.exec(result.failure ? 'rollback' : 'commit');
  return result;
}

type Step = { migration: Migration; statement?: Statement };

/**
 * The pending batch, in one transaction, with no savepoint: a subtransaction is not what drizzle's migrator
 * runs (PostgreSQL accepts a new value of an enum created in the same transaction, but not when each statement
 * ran in a subtransaction). A tolerated failure aborts the transaction, so it is rolled back and run again from
 * where it began, without the tolerated statement; statements before a `COMMIT;` of a file are not run again.
 */
async function runBatch(
  db: PGlite,
  phase: Phase,
  batch: readonly Migration[],
  result: ReplayResult,
  { record, tracer, onStatement }: { record: (m: Migration) => Promise<unknown>; tracer: Tracer | undefined; onStatement?: ReplayOptions['onStatement'] },
): Promise<{ failure?: Failure; ran: number; traces: ReplayResult['traces'] }> {
  const steps: Step[] = batch.flatMap((migration) => [...migration.statements.map((statement) => ({ migration, statement })), { migration }]);
  const withoutTolerated = new Set<number>();
  const ran = new Set<number>();
  let traces: { step: number; entry: ReplayResult['traces'][number] }[] = [];
  let failure: Failure | undefined;
  await db.exec('begin');
  let transactionStart = 0;
  for (let i = 0; i < steps.length; i++) {
    const { migration, statement } = steps[i]!;
    if (!db.isInTransaction()) transactionStart = i;
    if (!statement) {
      await record(migration);
      continue;
    }
    if (withoutTolerated.has(i)) continue;
    onStatement?.(phase, { migration, statement });
    const wasInTransaction = db.isInTransaction();
    const error = await runChunk(db, statement.text);
    ran.add(i);
    const trace = tracer ? await tracer.after(wasInTransaction, error) : undefined;
    if (trace) traces.push({ step: i, entry: { migration, statement, trace } });
    if (!error) continue;
    if (!tolerate(result, { migration, statement }, error)) {
      failure = { phase, migration, statement, error, seeded: phase === 'pending' && Boolean(result.seed?.seeded.length), notReplayed: countAfter(batch, migration, statement) };
      break;
    }
    withoutTolerated.add(i);
    if (!(wasInTransaction && db.isInTransaction())) continue;
    // The transaction is aborted: undo it and run it again from its start.
    await db.exec('rollback');
    if (transactionStart === 0) await db.exec('begin');
    traces = traces.filter((t) => t.step < transactionStart);
    await tracer?.resync();
    i = transactionStart - 1;
  }
  return { ...(failure ? { failure } : {}), ran: ran.size, traces: traces.map((t) => t.entry) };
}

/** Runs one chunk as drizzle's migrator sends it: one simple query. */
async function runChunk(db: PGlite, text: string): Promise<PgError | undefined> {
  try {
    await db.exec(text);
    return undefined;
  } catch (e) {
    return pgErrorOf(e);
  }
}

function tolerate(result: ReplayResult, ref: StatementRef, error: PgError): boolean {
  const extension = extensionOfStatement(ref.statement.text);
  if (extension !== undefined && !isAvailable(extension)) {
    if (!result.missingExtensions.some((m) => m.name === extension)) result.missingExtensions.push({ ...ref, name: extension, error });
    return true;
  }
  const role = ROLE_MISSING.exec(error.message)?.[1];
  if (role !== undefined) {
    if (!result.missingRoles.some((m) => m.name === role)) result.missingRoles.push({ ...ref, name: role, error });
    return true;
  }
  if (result.missingExtensions.length > 0 && dependsOnMissing(result, error)) {
    result.notVerified.push({ ...ref, error });
    return true;
  }
  return false;
}

/**
 * After an extension could not be created: a missing type or function is taken to be the extension's;
 * a missing table, column or schema only when a statement already not verified names it (a cascade).
 * Any other failure is the migration's own.
 */
function dependsOnMissing(result: ReplayResult, error: PgError): boolean {
  if (error.code === undefined || !UNDEFINED_OBJECT.has(error.code)) return false;
  if (EXTENSION_OBJECT.has(error.code)) return true;
  const names = [...error.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return names.some((name) => result.notVerified.some((n) => mentions(n.statement.text, name)));
}

function mentions(sql: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$])${escapeRegExp(name)}($|[^\\w$])`, 'i').test(sql);
}

export function pgErrorOf(e: unknown): PgError {
  if (!(e instanceof Error)) return { message: String(e) };
  const f = e as Error & Record<string, unknown>;
  const str = (k: string) => (typeof f[k] === 'string' && f[k] !== '' ? (f[k] as string) : undefined);
  const position = str('position');
  return {
    message: e.message,
    ...(str('code') ? { code: str('code') } : {}),
    ...(str('detail') ? { detail: str('detail') } : {}),
    ...(str('hint') ? { hint: str('hint') } : {}),
    ...(str('where') ? { where: str('where') } : {}),
    ...(position ? { position: Number(position) } : {}),
  };
}

function countAll(migrations: readonly Migration[]): number {
  return migrations.reduce((n, m) => n + m.statements.length, 0);
}

function countAfter(migrations: readonly Migration[], migration: Migration, statement: Statement): number {
  const i = migrations.indexOf(migration);
  return migration.statements.length - statement.index - 1 + countAll(migrations.slice(i + 1));
}
