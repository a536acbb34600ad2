// npm run bench: every speed figure the issues ask for, measured on this machine in one run.
// Each part runs the committed bundle (dist/) in cold processes, beside the peer it is compared with, on the
// Node that runs this script (CI: Node 24, the action's runtime).
import { benchDrift } from './bench/drift.mjs';
import { benchIntegrity } from './bench/integrity.mjs';
import { benchLint } from './bench/lint.mjs';
import { benchPr } from './bench/pr.mjs';
import { benchReplay } from './bench/replay.mjs';

const parts = { integrity: benchIntegrity, lint: benchLint, pr: benchPr, drift: benchDrift, replay: benchReplay };
const only = process.argv.slice(2);
for (const [name, run] of Object.entries(parts)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run({ log: console.log });
}
