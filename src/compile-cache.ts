// Node's on-disk cache of compiled JavaScript for the bundles (Node ≥ 22.1). A bundle entry turns it on
// before it imports the rest, so every chunk after the first run in a job (or on a developer machine)
// is deserialized instead of parsed and compiled.
import module from 'node:module';
import * as path from 'node:path';
import { cacheDir } from './cache-dir.js';

export function enableCompileCache(): void {
  // NODE_COMPILE_CACHE (already on) and NODE_DISABLE_COMPILE_CACHE are the user's to decide.
  if (process.env.NODE_COMPILE_CACHE !== undefined || process.env.NODE_DISABLE_COMPILE_CACHE !== undefined) return;
  // A folder that cannot be created only means no cache: Node reports it in the result, never throws.
  module.enableCompileCache(path.join(cacheDir(), 'compile-cache'));
}
