// Replays migrations on the embedded PostgreSQL the way drizzle's migrator applies them:
// - the migrations that exist at the base were applied long ago: each chunk runs on its own;
// - the new ones are the pending batch: one transaction, chunks split on breakpoints, executed as
//   simple queries (so a chunk may hold several statements, and a `COMMIT;` in a file really ends
//   the migrator's transaction, after which chunks autocommit as they would in production).
// The first real failure ends the batch, as it ends drizzle's migrator; later statements are not run,
// so no failure caused by another one is ever reported.
// Two kinds of failures are not the migration's fault and are tolerated (under a savepoint): an
// extension the embedded PostgreSQL does not ship, and objects of the hosting environment (roles).
// After a missing extension, statements failing on a missing object are "not verified".

import type { PGlite } from '@electric-sql/pglite';
import type { Migration, Statement } from '../../model/types.js';
import { extensionOfStatement, isAvailable } from './extensions.js';
import { seedRows, type SeedResult } from './seed.js';

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

export interface Failure extends StatementRef {
  phase: 'base' | 'pending';
  error: PgError;
  /** The tables held synthetic rows when it failed (--replay-seed). */
  seeded: boolean;
  /** Chunks of the batch left unreplayed after it. */
  notReplayed: number;
}

export interface Tolerated extends StatementRef {
  /** Extension or role name. */
  name: string;
  error: PgError;
}

export interface ReplayResult {
  failure?: Failure;
  missingExtensions: Tolerated[];
  missingRoles: Tolerated[];
  /** Statements failing on a missing object after an extension could not be created. */
  notVerified: (StatementRef & { error: PgError })[];
  seed?: SeedResult;
  baseStatements: number;
  pendingStatements: number;
}

/** SQLSTATEs of "an object does not exist": what statements depending on a missing extension fail with. */
const UNDEFINED_OBJECT = new Set(['42704', '42883', '42P01', '42703', '3F000']);
/** undefined_object (a type, an operator class…) and undefined_function: what an extension provides. */
const EXTENSION_OBJECT = new Set(['42704', '42883']);
const ROLE_MISSING = /^role "(.+)" does not exist$/;

export interface ReplayOptions {
  seed: boolean;
  /** Called once the base migrations are applied, before the pending batch (to look at the database then). */
  afterBase?: () => Promise<void>;
}

export async function replay(db: PGlite, base: readonly Migration[], pending: readonly Migration[], options: ReplayOptions): Promise<ReplayResult> {
  const { seed } = options;
  const result: ReplayResult = { missingExtensions: [], missingRoles: [], notVerified: [], baseStatements: 0, pendingStatements: 0 };

  const runner = new ChunkRunner(db);
  for (const migration of base) {
    for (const statement of migration.statements) {
      result.baseStatements++;
      const error = await runner.run(statement.text);
      if (error && !tolerate(result, { migration, statement }, error)) {
        result.failure = { phase: 'base', migration, statement, error, seeded: false, notReplayed: countAfter(base, migration, statement) + countAll(pending) };
        return result;
      }
    }
  }

  await options.afterBase?.();
  await db.exec('begin');
  if (seed) result.seed = await seedRows(db);
  for (const migration of pending) {
    for (const statement of migration.statements) {
      result.pendingStatements++;
      const error = await runner.run(statement.text);
      if (error && !tolerate(result, { migration, statement }, error)) {
        result.failure = { phase: 'pending', migration, statement, error, seeded: seed, notReplayed: countAfter(pending, migration, statement) };
        break;
      }
    }
  }
  // The state after the batch stays for the caller to inspect (drizzle would have committed it).
  if (db.isInTransaction()) await db.exec(result.failure ? 'rollback' : 'commit');
  return result;
}

/**
 * Runs chunks as drizzle's migrator sends them. Inside a transaction each chunk runs under a savepoint, so a
 * tolerated failure can be undone; the savepoint is set (and the previous one released) in the same simple
 * query as the chunk, one round trip per chunk, and PostgreSQL's error position is mapped back to the chunk.
 */
class ChunkRunner {
  private savepointOpen = false;

  constructor(private readonly db: PGlite) {}

  async run(text: string): Promise<PgError | undefined> {
    const inTransaction = this.db.isInTransaction();
    const prefix = inTransaction ? `${this.savepointOpen ? 'release savepoint drizzle_guard_chunk; ' : ''}savepoint drizzle_guard_chunk;\n` : '';
    try {
      await this.db.exec(prefix + text);
      this.savepointOpen = inTransaction && this.db.isInTransaction();
      return undefined;
    } catch (e) {
      const error = pgErrorOf(e);
      // A syntax error rejects the whole query string, savepoint included: in the first chunk of a
      // transaction there is then none to return to (and a syntax error is never tolerated anyway).
      this.savepointOpen = inTransaction && this.db.isInTransaction() && (await this.rollbackToSavepoint());
      if (error.position === undefined) return error;
      const { position, ...rest } = error;
      const inChunk = position - prefix.length;
      return inChunk >= 1 ? { ...rest, position: inChunk } : rest;
    }
  }

  private async rollbackToSavepoint(): Promise<boolean> {
    try {
      await this.db.exec('rollback to savepoint drizzle_guard_chunk');
      return true;
    } catch {
      return false;
    }
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
  return new RegExp(`(^|[^\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w$])`, 'i').test(sql);
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
