// drizzle-guard's cache folder, where PGlite data directories are kept between runs (the empty template, and
// the states after bases' migrations: src/checks/replay/pglite.ts and base-cache.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** DRIZZLE_GUARD_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache), else the temp folder. */
export function cacheDir(): string {
  if (process.env.DRIZZLE_GUARD_CACHE_DIR) return process.env.DRIZZLE_GUARD_CACHE_DIR;
  const home = os.homedir();
  const cache = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : undefined);
  return cache ? path.join(cache, 'drizzle-guard') : path.join(os.tmpdir(), 'drizzle-guard-cache');
}

/** The empty template's file name. Bump when a PGlite upgrade changes the data directory format. */
export const TEMPLATE_NAME = 'pglite-0.5-datadir.tar.gz';

/**
 * Whether a data directory read back from the cache is a tar (POSIX ustar magic in its first header). PGlite
 * takes anything else for gzip and reports the failure as an unhandled rejection, which would end the worker.
 */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar';
}

/** Best effort: a read-only cache folder (or a file where it should be) is left as it is. */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the next run tries again
  }
}

/** Partial files (`<file>.*.tmp`) of runs that died while writing; a minute old, so never one being written. */
export function removeStaleTemporaries(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const full = path.join(dir, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_TMP_MS) removeQuietly(full);
  }
}

const STALE_TMP_MS = 60_000;
