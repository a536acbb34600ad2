// Bench of the SQL lint, called by scripts/bench.mjs (or run alone: `node scripts/bench/lint.mjs`).
//  1. The whole history of simstudioai/sim (all 299 SQL files): our bundled CLI (lint + integrity,
//     no drift, no replay) against squawk on the same files, run alternately in one process, medians.
//     (A one-migration pull request is scripts/bench/pr.mjs.)
// Needs the bundle (npm run bundle) and ../shared/corpora beside the project.

import { spawnSync } from 'node:child_process';
import { runSampled } from './peak-rss.mjs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const ROOT = path.resolve(import.meta.dirname, '../..');
const SIM = path.resolve(ROOT, '../shared/corpora/simstudioai__sim/packages/db/migrations');

/** Wall time of one child process in ms (exit codes 0–5 are verdicts, not failures). */
function timed(command, args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (r.status === null || r.status > 5) throw new Error(`${path.basename(command)} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * @param {{ runs?: number, cli?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ history: { files: number, oursMs: number, squawkMs: number, ratio: number, withoutLintMs: number, peakMb: number } }>}
 */
export async function benchLint({ runs = 11, cli = path.join(ROOT, 'dist/cli/index.js'), log = console.log } = {}) {
  if (!fs.existsSync(cli)) throw new Error(`${cli} not found: run \`npm run bundle\` first`);
  if (!fs.existsSync(SIM)) throw new Error(`${SIM} not found: the corpora must sit beside the project (../shared/corpora)`);
  // squawk's own binary: node_modules/.bin/squawk is a Node wrapper that would charge squawk a Node start-up.
  const squawk = path.join(path.dirname(require.resolve(`@squawk-cli/${process.platform}-${process.arch}/package.json`)), 'bin/squawk');
  const files = fs.readdirSync(SIM).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(SIM, f));
  const ours = ['check', '--out', SIM, '--dialect', 'postgresql', '--no-drift', '--no-replay', '--format', 'json'];

  // Warm the file cache once for both, then alternate so load changes hit both alike.
  timed(process.execPath, [cli, ...ours], ROOT);
  timed(squawk, [...files, '--reporter', 'json'], ROOT);
  const oursMs = [];
  const squawkMs = [];
  const noLintMs = [];
  for (let i = 0; i < runs; i++) {
    oursMs.push(timed(process.execPath, [cli, ...ours], ROOT));
    squawkMs.push(timed(squawk, [...files, '--reporter', 'json'], ROOT));
    // The same run without the lint: what the lint itself adds.
    noLintMs.push(timed(process.execPath, [cli, ...ours, '--no-lint'], ROOT));
  }
  const history = {
    files: files.length,
    oursMs: median(oursMs),
    squawkMs: median(squawkMs),
    ratio: median(oursMs) / median(squawkMs),
    withoutLintMs: median(noLintMs),
  };
  log(
    `lint, whole sim history (${files.length} files), median of ${runs}: drizzle-guard ${history.oursMs.toFixed(0)} ms ` +
      `(${history.withoutLintMs.toFixed(0)} ms with --no-lint), squawk ${history.squawkMs.toFixed(0)} ms (${history.ratio.toFixed(1)}×)`,
  );

  const sampled = await runSampled(process.execPath, [cli, ...ours], { cwd: ROOT });
  log(`  peak memory of that run: drizzle-guard ${sampled.peakMb.toFixed(0)} MB`);
  return { history: { ...history, peakMb: sampled.peakMb } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cli = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  await benchLint(cli ? { cli } : {});
}
