// A private cache folder (DRIZZLE_GUARD_CACHE_DIR) for one test file: what the replay saves there never meets
// another file's or the user's; restored and removed after the file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';

export function privateCacheDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const previous = process.env.DRIZZLE_GUARD_CACHE_DIR;
  process.env.DRIZZLE_GUARD_CACHE_DIR = dir;
  afterAll(() => {
    if (previous === undefined) delete process.env.DRIZZLE_GUARD_CACHE_DIR;
    else process.env.DRIZZLE_GUARD_CACHE_DIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
