// The database as the base's migrations leave it, kept in the cache folder between runs. A pull request's
// replay applies the base's whole history before its own migrations, and the base changes only when a
// migration merges: the next run on the same base starts PostgreSQL from the saved data directory instead
// (sim's 297 migrations take 3-5 s to replay, the saved state 0.3-0.9 s more than the empty one to load), with the
// seeded rows when the traced replay seeds them. An entry is named by base-key.ts.
// Only a base that applied without a failure is saved, and only when replaying it took long enough to be
// worth the dump. A damaged entry is removed and the base replayed: the cache never decides a verdict.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { cacheDir, isTar, removeQuietly, removeStaleTemporaries } from '../../cache-dir.js';
import type { Migration } from '../../model/types.js';
import type { SeedResult } from './seed.js';
import type { BaseFindings, PgError, StatementRef } from './replay.js';

/** Entries kept (the most recently used): sim's is 51 MB. */
const KEEP = 2;
const PREFIX = 'base-';

/** What the base's replay found besides the data directory, with statements named by tag and index. */
export interface SavedBase {
  baseStatements: number;
  missingExtensions: SavedRef[];
  missingRoles: SavedRef[];
  notVerified: SavedRef[];
  /** The tables hold the seeded rows (a state saved with seeding on). */
  seed?: SeedResult;
  /** CRC-32 of the data directory's tar. */
  crc32: number;
  /** The schema after the base (SchemaShape's entries), when a run described it (the comparison with the base's snapshot). */
  shape?: [string, string][];
}

interface SavedRef {
  tag: string;
  index: number;
  name?: string;
  error: PgError;
}

/** The saved base's tar (uncompressed, as PGlite takes it) and findings; undefined when absent or damaged. */
export function readBaseState(key: string): { tar: Buffer; saved: SavedBase } | undefined {
  const { data, meta } = filesOf(key);
  try {
    // The findings are written last: an entry without them is incomplete.
    const saved: unknown = JSON.parse(fs.readFileSync(meta, 'utf8'));
    if (!isSavedBase(saved)) throw new Error('not a saved base');
    const tar = fs.readFileSync(data);
    // Stored uncompressed (gunzip took longer than loading it); a checksum catches a damaged copy,
    // which PGlite would take for gzip and fail on with an unhandled rejection.
    if (!isTar(tar) || zlib.crc32(tar) !== saved.crc32) throw new Error('not the data directory saved');
    touch(meta);
    return { tar, saved };
  } catch (e) {
    // Absent, or unreadable (a folder of another user's): the base is replayed. Damaged: removed too.
    if ((e as NodeJS.ErrnoException).code === undefined) removeBaseState(key);
    return undefined;
  }
}

/** Best effort: a cache folder this run may not write in keeps its entry, and the next run replays the base. */
export function removeBaseState(key: string): void {
  for (const file of Object.values(filesOf(key))) removeQuietly(file);
}

function isSavedBase(x: unknown): x is SavedBase {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const isRef = (r: unknown) => {
    const ref = r as Record<string, unknown> | null;
    return typeof ref === 'object' && ref !== null && typeof ref.tag === 'string' && typeof ref.index === 'number' && typeof (ref.error as { message?: unknown } | null)?.message === 'string';
  };
  const refs = (v: unknown) => Array.isArray(v) && v.every(isRef);
  const seed = o.seed as Record<string, unknown> | undefined;
  return (
    typeof o.baseStatements === 'number' &&
    typeof o.crc32 === 'number' &&
    refs(o.missingExtensions) &&
    refs(o.missingRoles) &&
    refs(o.notVerified) &&
    (seed === undefined || (Array.isArray(seed.seeded) && Array.isArray(seed.failed))) &&
    (o.shape === undefined || (Array.isArray(o.shape) && o.shape.every((e) => Array.isArray(e) && e.length === 2)))
  );
}

/** Best effort, like the template: a read-only or full cache folder only costs the next run the base replay. */
export async function writeBaseState(key: string, tar: Uint8Array, saved: Omit<SavedBase, 'crc32'>): Promise<void> {
  const { data, meta } = filesOf(key);
  // Written under unique names and renamed, so concurrent runs never read a half-written file.
  const unique = `.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.mkdirSync(path.dirname(data), { recursive: true });
    removeStaleTemporaries(data);
    removeStaleTemporaries(meta);
    // Written on libuv's thread pool: the replay goes on meanwhile.
    await fs.promises.writeFile(data + unique, tar);
    fs.renameSync(data + unique, data);
    fs.writeFileSync(meta + unique, JSON.stringify({ ...saved, crc32: zlib.crc32(tar) }));
    fs.renameSync(meta + unique, meta);
    evictBeyond(KEEP);
  } catch {
    for (const file of [meta + unique, data + unique]) removeQuietly(file);
  }
}

export function savedOf(result: BaseFindings): Omit<SavedBase, 'crc32'> {
  const ref = (r: StatementRef & { error: PgError; name?: string }): SavedRef => ({
    tag: r.migration.tag,
    index: r.statement.index,
    ...(r.name !== undefined ? { name: r.name } : {}),
    error: r.error,
  });
  return {
    baseStatements: result.baseStatements,
    missingExtensions: result.missingExtensions.map(ref),
    missingRoles: result.missingRoles.map(ref),
    notVerified: result.notVerified.map(ref),
    ...(result.seed ? { seed: result.seed } : {}),
  };
}

/** The saved findings on this run's base migrations; undefined when one names a statement the base lacks. */
export function restoredOf(saved: SavedBase, base: readonly Migration[]): BaseFindings | undefined {
  const refs = (list: SavedRef[]) => {
    const out = [];
    for (const r of list) {
      const migration = base.find((m) => m.tag === r.tag);
      const statement = migration?.statements.find((s) => s.index === r.index);
      if (!migration || !statement) return undefined;
      out.push({ migration, statement, name: r.name ?? '', error: r.error });
    }
    return out;
  };
  const missingExtensions = refs(saved.missingExtensions);
  const missingRoles = refs(saved.missingRoles);
  const notVerified = refs(saved.notVerified);
  if (!missingExtensions || !missingRoles || !notVerified) return undefined;
  return {
    baseStatements: saved.baseStatements,
    missingExtensions,
    missingRoles,
    notVerified: notVerified.map(({ name: _name, ...rest }) => rest),
    ...(saved.seed ? { seed: saved.seed } : {}),
  };
}

function filesOf(key: string): { data: string; meta: string } {
  const stem = path.join(cacheDir(), `${PREFIX}${key}`);
  return { data: `${stem}.tar`, meta: `${stem}.json` };
}

function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache folder: eviction order only
  }
}

/** Removes all but the `keep` most recently used entries. */
function evictBeyond(keep: number): void {
  const dir = cacheDir();
  const entries = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))
    .map((n) => ({ key: n.slice(PREFIX.length, -'.json'.length), used: fs.statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { key } of entries.slice(keep)) removeBaseState(key);
}
