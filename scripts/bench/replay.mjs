// Bench: replay on PGlite, wall time of cold `drizzle-guard check` processes including PGlite start-up
// (issue 11). Uses the committed bundle (dist/cli) like the other parts.
// - Whole history: sim's 298 journaled migrations (CREATE EXTENSION vector and btree_gin included) replayed
//   as new. Goal: <= 8 s. Run twice with a private cache folder: first from scratch (initdb, unless the
//   bundle ships an initialised data directory), then from the data directory the first run cached.
// - One-migration pull request (`check --base`, traced replay on seeded rows, lint on, no drift), on a small
//   fixture project and on sim, whose 297 applied migrations are replayed first. Goal: <= 3 s. The first run
//   on a base replays it (and, when that took a second or more, saves the state after it in the cache folder);
//   the later runs on the same base start from that state. Both are printed.
// Called by scripts/bench.mjs; runnable alone: node scripts/bench/replay.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, ms } from './measure.mjs';
import { prRepository } from './pr-repo.mjs';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpora/simstudioai__sim');
const bundle = join(root, 'dist/cli/index.js');
const WHOLE_GOAL_MS = 8000;
const PR_GOAL_MS = 3000;
const WHOLE_ARGS = ['check', '--cwd', corpus, '--out', 'packages/db/migrations', '--dialect', 'postgresql', '--replay', '--no-lint', '--no-drift', '--format', 'json'];
const PR_CASES = [
  { name: 'fixture project (replay-trace, 3 applied + 1 new)', project: join(root, 'fixtures/replay-trace'), out: 'drizzle' },
  { name: "sim's history (297 applied + 1 new)", project: join(corpus, 'packages/db'), out: 'migrations' },
];

export async function benchReplay({ log = console.log, runs = 5 } = {}) {
  const cache = mkdtempSync(join(tmpdir(), 'dg-bench-replay-'));
  const results = [];
  try {
    for (const label of ['first run (empty cache)', 'second run (cached data directory)']) {
      const t0 = performance.now();
      const report = runBundle(WHOLE_ARGS, undefined, cache);
      const wall = performance.now() - t0;
      results.push({ label, wall });
      log(`replay sim, ${label}, dist/cli in a cold process: ${ms(wall)} wall ${wall <= WHOLE_GOAL_MS ? '<=' : '>'} goal ${WHOLE_GOAL_MS} ms`);
      log(`  ${replayNote(report)}`);
      const findings = report.findings.filter((f) => f.ruleId.startsWith('replay'));
      for (const f of findings) log(`  ${f.severity} ${f.ruleId} ${f.file}:${f.line} ${f.message.split('\n')[0]}`);
      if (findings.length === 0) log('  no replay finding');
    }
    for (const c of PR_CASES) {
      const pr = prRepository(c.project, c.out);
      try {
        const args = ['check', '--out', c.out, '--dialect', 'postgresql', '--no-drift', '--replay', '--base', 'HEAD', '--format', 'json'];
        // The first run on a base replays it and saves the state after it (base-cache.ts); the later ones start there.
        const t0 = performance.now();
        let report = runBundle(args, pr.dir, cache);
        const first = performance.now() - t0;
        results.push({ label: `PR ${c.name}, first run on its base`, wall: first });
        log(`traced replay of a one-migration PR, ${c.name}, lint on, first run on its base: ${ms(first)} wall ${first <= PR_GOAL_MS ? '<=' : '>'} goal ${PR_GOAL_MS} ms`);
        log(`  ${replayNote(report)}`);
        const walls = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          report = runBundle(args, pr.dir, cache);
          walls.push(performance.now() - t);
        }
        const wall = median(walls);
        results.push({ label: `PR ${c.name}`, wall });
        log(`traced replay of a one-migration PR, ${c.name}, lint on, later runs: median ${ms(wall)} wall of ${runs} ${wall <= PR_GOAL_MS ? '<=' : '>'} goal ${PR_GOAL_MS} ms`);
        log(`  ${replayNote(report)}`);
      } finally {
        rmSync(pr.dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return results;
}

function runBundle(args, cwd, cache) {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, DRIZZLE_GUARD_CACHE_DIR: cache } });
  if (!r.stdout) throw new Error(`drizzle-guard produced no report (exit ${r.status}): ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  return { notes: report.notes.concat(report.configs.flatMap((c) => c.notes)), findings: report.findings };
}

/** The replay note's first sentence: migrations, statements, start-up and replay times. */
function replayNote(report) {
  const note = report.notes.find((n) => n.includes('replay: ')) ?? '(no replay note)';
  return note.slice(note.indexOf('replay: ')).split('; ')[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchReplay();
