// Traced replay: what each statement of the pending batch really did to the tables that existed before
// it (and hold a seeded row). After every chunk one catalog query compares, per pre-existing table, with
// the state before the chunk: relation locks newly held by this session (pg_locks), a new relfilenode (the
// table was rewritten), sequential or index scans (pg_stat_xact_user_tables), new indexes, and whether the
// table is gone. Only chunks that start and end inside the migrator's transaction are traced: outside it
// a statement's locks are released before they can be seen.

import type { PgError } from './replay.js';

/** What the tracer needs of a connection: PGlite, or (in the truth tests) a PostgreSQL server's client. */
export interface TraceDb {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  isInTransaction(): boolean;
}

/** PostgreSQL's relation lock modes, weakest first. */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;

export interface TableEffect {
  /** Schema-qualified name as PostgreSQL prints it (format('%I.%I')). */
  table: string;
  /** Lock modes this statement newly took on the table. */
  locks: string[];
  /** The strongest lock held on the table after the statement (maybe taken by an earlier one: held until commit). */
  held?: string;
  rewritten: boolean;
  scanned: boolean;
  indexesBuilt: number;
  dropped: boolean;
}

export interface StatementTrace {
  /** Only the pre-existing tables the statement did something to. */
  effects: TableEffect[];
}

interface TableState {
  oid: number;
  table: string;
  filenode: number;
  locks: string[];
  scans: number;
  indexes: number[];
}

// pg_locks is a function over the whole lock table: read once, not once per table.
const STATE_SQL = `
with locks as (
  select l.relation, array_agg(l.mode::text) as modes from pg_locks l
   where l.locktype = 'relation' and l.pid = pg_backend_pid() and l.granted and l.relation = any($1::oid[])
   group by l.relation)
select c.oid::int as oid, format('%I.%I', n.nspname, c.relname) as "table", c.relfilenode::int as filenode,
       coalesce(locks.modes, '{}') as locks,
       (coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0))::int as scans,
       coalesce((select array_agg(i.indexrelid::int) from pg_index i where i.indrelid = c.oid), '{}') as indexes
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  left join pg_stat_xact_user_tables s on s.relid = c.oid
  left join locks on locks.relation = c.oid
 where c.oid = any($1::oid[])`;

const PRE_EXISTING_SQL = `
select c.oid::int as oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
   and c.oid is distinct from to_regclass($1)`;

export class Tracer {
  private constructor(
    private readonly db: TraceDb,
    private readonly oids: number[],
    private state: Map<number, TableState>,
  ) {}

  /** Takes the tables that exist now (before the batch) as the ones to watch; migrationsTable is not the project's. */
  static async start(db: TraceDb, migrationsTable: string): Promise<Tracer | undefined> {
    const oids = (await db.query<{ oid: number }>(PRE_EXISTING_SQL, [migrationsTable])).rows.map((r) => r.oid);
    if (oids.length === 0) return undefined;
    const tracer = new Tracer(db, oids, new Map());
    tracer.state = await tracer.read();
    return tracer;
  }

  /**
   * What the chunk just run did. `wasInTransaction` is whether it started inside the transaction. A chunk that
   * failed was rolled back to its savepoint (its locks are gone, the transaction may even be aborted): its
   * failure is the evidence, and nothing is read.
   */
  async after(wasInTransaction: boolean, error: PgError | undefined): Promise<StatementTrace | undefined> {
    if (error !== undefined) return undefined;
    const traced = wasInTransaction && this.db.isInTransaction();
    const now = await this.read();
    const before = this.state;
    this.state = now;
    if (!traced) return undefined;
    const effects: TableEffect[] = [];
    for (const [oid, was] of before) {
      const is = now.get(oid);
      const held = is ? strongest(is.locks) : undefined;
      const effect: TableEffect = {
        table: is?.table ?? was.table,
        locks: is ? is.locks.filter((m) => !was.locks.includes(m)) : [],
        ...(held ? { held } : {}),
        rewritten: is !== undefined && is.filenode !== was.filenode,
        scanned: is !== undefined && is.scans > was.scans,
        indexesBuilt: is ? is.indexes.filter((i) => !was.indexes.includes(i)).length : 0,
        dropped: is === undefined,
      };
      if (effect.locks.length > 0 || effect.rewritten || effect.scanned || effect.indexesBuilt > 0 || effect.dropped) effects.push(effect);
    }
    return { effects };
  }

  /** After the transaction was rolled back: the state to compare with is the current one again. */
  async resync(): Promise<void> {
    this.state = await this.read();
  }

  private async read(): Promise<Map<number, TableState>> {
    const rows = (await this.db.query<TableState>(STATE_SQL, [this.oids])).rows;
    return new Map(rows.map((r) => [r.oid, r]));
  }
}

export function lockRank(mode: string): number {
  return LOCK_MODES.indexOf(mode as (typeof LOCK_MODES)[number]);
}

/** SHARE or stronger: blocks writes to the table (INSERT, UPDATE, DELETE) while held. */
export function blocksWrites(mode: string): boolean {
  return lockRank(mode) >= lockRank('ShareLock');
}

/** "ACCESS EXCLUSIVE" for "AccessExclusiveLock": the spelling of PostgreSQL's documentation. */
export function lockName(mode: string): string {
  return mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

function strongest(modes: readonly string[]): string | undefined {
  return [...modes].sort((a, b) => lockRank(b) - lockRank(a))[0];
}

/**
 * The strongest lock held on a table (saying so when an earlier statement of the batch took it, and what this
 * one took), and what was done to it, in words.
 */
export function describeEffect(e: TableEffect): string {
  const parts: string[] = [];
  const taken = strongest(e.locks);
  const lock = e.held ?? taken;
  const earlier = lock !== undefined && (taken === undefined || lockRank(lock) > lockRank(taken));
  const own = taken ? `; this one took ${lockName(taken)}` : '';
  if (lock) parts.push(`${lockName(lock)} on ${e.table}${earlier ? ` (held since an earlier statement${own})` : ''}`);
  else parts.push(e.table);
  if (e.dropped) parts.push('table dropped');
  if (e.rewritten) parts.push('table rewritten');
  if (e.indexesBuilt > 0) parts.push(e.indexesBuilt === 1 ? 'index built' : `${e.indexesBuilt} indexes built`);
  if (e.scanned && !e.rewritten && e.indexesBuilt === 0) parts.push('table scanned');
  return parts.join(', ');
}
