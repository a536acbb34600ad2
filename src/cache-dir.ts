// drizzle-guard's cache folder, where the PGlite data-directory template is kept between runs.
import * as os from 'node:os';
import * as path from 'node:path';

/** DRIZZLE_GUARD_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache), else the temp folder. */
export function cacheDir(): string {
  if (process.env.DRIZZLE_GUARD_CACHE_DIR) return process.env.DRIZZLE_GUARD_CACHE_DIR;
  const home = os.homedir();
  const cache = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : undefined);
  return cache ? path.join(cache, 'drizzle-guard') : path.join(os.tmpdir(), 'drizzle-guard-cache');
}
