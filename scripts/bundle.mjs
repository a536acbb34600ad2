// Builds the committed, self-contained ESM bundles in dist/ with @vercel/ncc (one folder per entry).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createJiti } from 'jiti';

const entries = [
  { src: 'src/cli.ts', out: 'dist/cli' },
  { src: 'src/index.ts', out: 'dist/action' },
  // The drift worker, forked by the drift check (found as ../drift-worker/index.js from dist/cli and dist/action).
  { src: 'src/drift-worker.ts', out: 'dist/drift-worker' },
  // The replay worker, forked by the replay check (owns PGlite, so a statement that never returns can be stopped).
  { src: 'src/replay-worker.ts', out: 'dist/replay-worker' },
];

const only = process.argv.slice(2);
for (const { src, out } of entries) {
  if (only.length > 0 && !only.includes(out)) continue;
  rmSync(out, { recursive: true, force: true });
  execFileSync('npx', ['ncc', 'build', src, '-o', out, '--minify', '--no-source-map-register', '--quiet', '--transpile-only', '--target', 'es2022'], {
    stdio: 'inherit',
  });
  patchNamespaceInterop(join(out, 'index.js'));
}

await shipReplayTemplate();

/**
 * A pre-initialised PGlite data directory beside the bundles saves every action run PostgreSQL's initdb
 * (~3 s). initdb output is not reproducible (a random system identifier), so an existing template is kept:
 * rebuilding dist/ must not change it. Delete dist/pglite to make a new one (e.g. after a PGlite upgrade).
 */
async function shipReplayTemplate() {
  const { SHIPPED_TEMPLATE_DIR, TEMPLATE_NAME } = await createJiti(import.meta.url).import('../src/checks/replay/pglite.ts');
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
