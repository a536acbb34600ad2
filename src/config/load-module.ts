// Loads the user's config and schema modules inside the worker process, so that whatever drizzle-kit
// loads, this loads too, with the same answers. drizzle-kit 0.2x–0.31 compiles each file to CommonJS
// (esbuild-register, then tsx) and `require`s it; 1.x imports it through jiti. Here jiti resolves and
// evaluates, and each file goes through the cheaper of two compilers that gets it right:
// - sucrase (fast, ~0.1 s to load) for plain TypeScript and ESM, which is almost every file;
// - jiti's own Babel transform (~0.8 s to load, so loaded only when a file needs it) for what sucrase
//   gets wrong: `import.meta` (CommonJS output cannot hold it), top-level await, `export *` next to a
//   local export of the same name (plain ESM lets the local one win; sucrase's getters throw), and TS
//   namespaces (sucrase drops them).
// `drizzle-kit` itself is a virtual module exporting its config helpers: configs load even where
// drizzle-kit is not installed, and nothing is written to disk.

import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as path from 'node:path';
import { createJiti } from 'jiti';
import { transform as sucrase } from 'sucrase';

/** Node's createRequire, out of the bundler's sight: the Babel build is a file loaded at run time. */
const createRequire: typeof nodeModule.createRequire = Reflect.get(nodeModule, 'createRequire');

type Transform = (opts: { source: string; filename?: string; ts?: boolean; async?: boolean }) => { code: string };
let babelTransform: Transform | undefined;

/**
 * jiti's Babel build: beside the bundled worker (scripts/bundle.mjs copies it there; the bundler cannot
 * follow jiti's own lazy require of it), else in the installed jiti package.
 */
function babel(): Transform {
  if (!babelTransform) {
    const beside = path.join(path.dirname(process.argv[1] ?? ''), 'babel.cjs');
    const file = fs.existsSync(beside) ? beside : path.join(path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')), 'dist/babel.cjs');
    babelTransform = createRequire(import.meta.url)(file) as Transform;
  }
  return babelTransform;
}

// Top-level await: a line starting at column 0 that awaits. A false positive only costs time.
const TOP_LEVEL_AWAIT = /^(?![\s/*]).*\bawait\b/m;
const NEEDS_BABEL = [/\bimport\.meta\b/, TOP_LEVEL_AWAIT, /^\s*(?:export\s+)?namespace\s+[\w.]+\s*\{/m];
const STAR_EXPORT = /\bexport\s*\*\s*from\b/;
const LOCAL_EXPORT = /^\s*export\s+(?:declare\s+)?(?:const|let|var|function|async|class|enum|abstract|default)\b|^\s*export\s*\{[^}]*\}\s*;?\s*$/m;

export function needsBabel(source: string): boolean {
  return NEEDS_BABEL.some((re) => re.test(source)) || (STAR_EXPORT.test(source) && LOCAL_EXPORT.test(source));
}

const DRIZZLE_KIT_HELPERS = { defineConfig: <T>(config: T): T => config };

export type ModuleLoader = (file: string) => Promise<Record<string, unknown>>;

/**
 * A loader for modules under `from` (an absolute file path); `alias` holds tsconfig `paths`. A `fresh`
 * loader evaluates the user's modules again instead of reusing the ones already loaded.
 */
export function createModuleLoader(from: string, alias: Record<string, string>, { fresh = false } = {}): ModuleLoader {
  const jiti = createJiti(from, {
    fsCache: false,
    moduleCache: !fresh,
    alias,
    virtualModules: { 'drizzle-kit': DRIZZLE_KIT_HELPERS },
    transform: (opts) =>
      needsBabel(opts.source)
        ? // Without top-level await, imports compile to require(): drizzle-orm then loads as CommonJS, as
          // drizzle-kit 0.x loads it, and ~10 times faster than its ES modules.
          { code: babel()({ ...opts, async: Boolean(opts.async) && TOP_LEVEL_AWAIT.test(opts.source) }).code }
        : { code: sucrase(opts.source, { transforms: opts.ts ? ['typescript', 'imports'] : ['imports'], filePath: opts.filename }).code },
  });
  return async (file) => (await jiti.import(file)) as Record<string, unknown>;
}
