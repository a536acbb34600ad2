// Builds the committed, self-contained ESM bundles in dist/ with @vercel/ncc (one folder per entry).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const entries = [
  { src: 'src/cli.ts', out: 'dist/cli' },
  { src: 'src/index.ts', out: 'dist/action' },
  // The drift worker, forked by the drift check (found as ../drift-worker/index.js from dist/cli and dist/action).
  { src: 'src/drift-worker.ts', out: 'dist/drift-worker' },
];

const only = process.argv.slice(2);
for (const { src, out } of entries) {
  if (only.length > 0 && !only.includes(out)) continue;
  rmSync(out, { recursive: true, force: true });
  execFileSync('npx', ['ncc', 'build', src, '-o', out, '--minify', '--no-source-map-register', '--quiet', '--transpile-only', '--target', 'es2022'], { stdio: 'inherit' });
}
