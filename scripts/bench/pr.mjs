// Bench: a one-migration pull request checked as the action checks it (`check --base`, lint on, no drift,
// no replay), in cold processes of the bundled CLI, alternating with a bare `node -e 0` (Node's own
// start-up floor) in the same run; medians and their ratio, and each run's peak memory. Goals (issue 9,
// on Node 24): ≤ 2.5× node on the small fixture project, ≤ 3× on sim's 299-migration history.
// Called by scripts/bench.mjs; runnable alone: node scripts/bench/pr.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alternate, ms } from './measure.mjs';
import { runSampled } from './peak-rss.mjs';
import { prRepository } from './pr-repo.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/index.js');
const cases = [
  { name: 'fixture project (lint-pg, 3 migrations)', project: path.join(root, 'fixtures/lint-pg'), out: 'drizzle', goal: 2.5 },
  { name: "sim's history (299 migrations)", project: path.resolve(root, '../shared/corpora/simstudioai__sim/packages/db'), out: 'migrations', goal: 3 },
];

export async function benchPr({ log = console.log, runs = 15 } = {}) {
  const results = [];
  for (const c of cases) {
    if (!fs.existsSync(c.project)) throw new Error(`${c.project} not found (the corpora must sit beside the project: ../shared/corpora)`);
    const pr = prRepository(c.project, c.out);
    try {
      const args = [cli, 'check', '--out', c.out, '--dialect', 'postgresql', '--no-drift', '--no-replay', '--base', 'HEAD', '--format', 'json'];
      const sampled = await runSampled(process.execPath, args, { cwd: pr.dir }); // also warms the file and compile caches
      if (sampled.code === null || sampled.code > 5) throw new Error(`check failed (${sampled.code}): ${sampled.stderr}`);
      const [check, node] = alternate([{ cmd: process.execPath, args, cwd: pr.dir }, { cmd: process.execPath, args: ['-e', '0'] }], runs);
      const ratio = check.median / node.median;
      log(
        `PR check, ${c.name}, one new migration (${pr.tag}): median ${ms(check.median)} vs node -e 0 ${ms(node.median)} = ` +
          `${ratio.toFixed(2)}× (goal ≤ ${c.goal}×), peak memory ${sampled.peakMb.toFixed(0)} MB`,
      );
      results.push({ name: c.name, ms: check.median, nodeMs: node.median, ratio, peakMb: sampled.peakMb });
    } finally {
      fs.rmSync(pr.dir, { recursive: true, force: true });
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPr();
