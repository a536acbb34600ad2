// Bench: full replay of sim's 298 journaled migrations (CREATE EXTENSION vector and btree_gin included) on
// PGlite, wall time of a cold `drizzle-guard check --replay` process including PGlite start-up. Goal: <= 8 s.
// Run twice with a private cache folder: first from scratch (initdb, unless the bundle ships an initialised
// data directory), then from the data directory the first run cached.
// Uses the committed bundle (dist/cli) like the other parts.
// Called by scripts/bench.mjs; runnable alone: node scripts/bench/replay.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpora/simstudioai__sim');
const bundle = join(root, 'dist/cli/index.js');
const GOAL_MS = 8000;
const ARGS = ['check', '--cwd', corpus, '--out', 'packages/db/migrations', '--dialect', 'postgresql', '--replay', '--no-lint', '--no-drift', '--format', 'json'];

export async function benchReplay({ log = console.log } = {}) {
  const cache = mkdtempSync(join(tmpdir(), 'dg-bench-replay-'));
  const results = [];
  try {
    for (const label of ['first run (empty cache)', 'second run (cached data directory)']) {
      const t0 = performance.now();
      const report = runBundle(cache);
      const wall = performance.now() - t0;
      const note = report.notes.find((n) => n.includes('replay: ')) ?? '(no replay note)';
      results.push({ label, wall });
      log(`replay sim, ${label}, dist/cli in a cold process: ${Math.round(wall)} ms wall ${wall <= GOAL_MS ? '<=' : '>'} goal ${GOAL_MS} ms`);
      log(`  ${note.slice(note.indexOf('replay: ')).split('; ')[0]}`);
      const findings = report.findings.filter((f) => f.ruleId.startsWith('replay'));
      for (const f of findings) log(`  ${f.severity} ${f.ruleId} ${f.file}:${f.line} ${f.message.split('\n')[0]}`);
      if (findings.length === 0) log('  no replay finding');
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return results;
}

function runBundle(cache) {
  const r = spawnSync(process.execPath, [bundle, ...ARGS], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, DRIZZLE_GUARD_CACHE_DIR: cache } });
  if (!r.stdout) throw new Error(`drizzle-guard produced no report (exit ${r.status}): ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  return { notes: report.notes.concat(report.configs.flatMap((c) => c.notes)), findings: report.findings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchReplay();
