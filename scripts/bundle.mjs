// Builds the committed, self-contained ESM bundles in dist/ with @vercel/ncc (one folder per entry).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createJiti } from 'jiti';

const entries = [
  { src: 'src/cli.ts', out: 'dist/cli', lints: true },
  { src: 'src/index.ts', out: 'dist/action', lints: true },
  // The drift worker, forked by the drift check (found as ../drift-worker/index.js from dist/cli and dist/action).
  { src: 'src/drift-worker.ts', out: 'dist/drift-worker' },
  // The replay worker, forked by the replay check (owns PGlite, so a statement that never returns can be stopped).
  { src: 'src/replay-worker.ts', out: 'dist/replay-worker' },
];

// Must match PARSER_WASM_FILE in src/checks/safety/parser.ts.
const PARSER_WASM_FILE = 'pg_query.wasm';

const only = process.argv.slice(2);
for (const { src, out, lints } of entries) {
  if (only.length > 0 && !only.includes(out)) continue;
  rmSync(out, { recursive: true, force: true });
  execFileSync('npx', ['ncc', 'build', src, '-o', out, '--minify', '--no-source-map-register', '--quiet', '--transpile-only', '--target', 'es2022'], {
    stdio: 'inherit',
  });
  patchNamespaceInterop(join(out, 'index.js'));
  if (lints) shipParserWasm(out);
  if (out === 'dist/drift-worker') {
    // jiti loads its Babel build lazily by a path ncc cannot follow; the worker loads this copy (src/config/load-module.ts).
    copyFileSync('node_modules/jiti/dist/babel.cjs', join(out, 'babel.cjs'));
    patchJitiNativeImport(join(out, 'index.js'));
  }
}

await shipReplayTemplate();

/**
 * A pre-initialised PGlite data directory beside the bundles saves every action run PostgreSQL's initdb
 * (~3 s). initdb output is not reproducible (a random system identifier), so an existing template is kept:
 * rebuilding dist/ must not change it. Delete dist/pglite to make a new one (e.g. after a PGlite upgrade).
 */
async function shipReplayTemplate() {
  const jiti = createJiti(import.meta.url);
  const { SHIPPED_TEMPLATE_DIR } = await jiti.import('../src/checks/replay/pglite.ts');
  const { TEMPLATE_NAME } = await jiti.import('../src/cache-dir.ts');
  const file = join('dist', SHIPPED_TEMPLATE_DIR, TEMPLATE_NAME);
  if (existsSync(file)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.waitReady;
  mkdirSync(join('dist', SHIPPED_TEMPLATE_DIR), { recursive: true });
  writeFileSync(file, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
  await db.close();
}

/**
 * pg-query-emscripten embeds libpg_query's wasm as 1.9 MB of base64 in its JavaScript: V8 then parses a 2 MB
 * module on every run that lints (~40 ms on Node 24, more than compiling the wasm itself). The bundle keeps
 * the binary as a file beside the chunk instead, and src/checks/safety/parser.ts hands it to the module.
 * The check is strict: if a new pg-query-emscripten embeds it differently, the build fails here.
 */
function shipParserWasm(out) {
  const embedded = /data:application\/octet-stream;base64,(AGFzbQ[A-Za-z0-9+/=]*)/;
  const withWasm = readdirSync(out).filter((f) => f.endsWith('.js') && embedded.test(readFileSync(join(out, f), 'utf8')));
  if (withWasm.length !== 1) throw new Error(`${out}: expected one chunk embedding libpg_query's wasm, found ${withWasm.length}; review shipParserWasm in scripts/bundle.mjs`);
  const file = join(out, withWasm[0]);
  const code = readFileSync(file, 'utf8');
  writeFileSync(join(out, PARSER_WASM_FILE), Buffer.from(embedded.exec(code)[1], 'base64'));
  writeFileSync(file, code.replace(embedded, 'data:application/octet-stream;base64,'));
}

/**
 * jiti imports Node built-ins and ES modules with `(id) => import(id)`; webpack turns that into an empty
 * module context that finds nothing ("Cannot find module 'node:path'"). Give it back Node's own import().
 */
function patchJitiNativeImport(file) {
  const code = readFileSync(file, 'utf8');
  const contextImport = /const nativeImport=(\w+)=>__nccwpck_require__\(\d+\)\(\1\)/;
  if (!contextImport.test(code)) throw new Error(`${file}: jiti's nativeImport changed; review patchJitiNativeImport in scripts/bundle.mjs`);
  writeFileSync(file, code.replace(contextImport, (_, v) => `const nativeImport=${v}=>import(${v})`));
}

/**
 * ncc 0.45's webpack runtime builds the namespace of a CommonJS module only from *object* exports, so
 * `await import('node:module')` (PGlite's emscripten loader) yields no `createRequire` and PGlite fails
 * with "e is not a function". Newer webpack runtimes also walk function exports; do the same.
 */
function patchNamespaceInterop(file) {
  const code = readFileSync(file, 'utf8');
  if (!code.includes('__nccwpck_require__.t=') && !code.includes('__nccwpck_require__.t = ')) return;
  const loop = /for\s*\(\s*var (\w+)\s*=\s*(\w+)\s*&\s*2\s*&&\s*(\w+)\s*;\s*typeof \1\s*==\s*(["'])object\4\s*&&/;
  if (!loop.test(code)) throw new Error(`${file}: ncc's namespace runtime changed; review patchNamespaceInterop in scripts/bundle.mjs`);
  writeFileSync(file, code.replace(loop, (_, v, mode, value) => `for(var ${v}=${mode}&2&&${value};(typeof ${v}=="object"||typeof ${v}=="function")&&`));
}
