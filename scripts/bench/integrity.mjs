// Bench: the whole-history integrity check over sim's 299 migrations (bundled CLI, cold process, no lint).
import { resolve } from 'node:path';
import { alternate, ms } from './measure.mjs';

const root = resolve(import.meta.dirname, '../..');
const sim = resolve(root, '../shared/corpora/simstudioai__sim/packages/db/migrations');

export async function benchIntegrity({ log = console.log, runs = 15 } = {}) {
  const [cli, node] = alternate(
    [
      { cmd: process.execPath, args: [resolve(root, 'dist/cli/index.js'), 'check', '--out', sim, '--dialect', 'postgresql', '--no-drift', '--no-replay', '--no-lint'] },
      { cmd: process.execPath, args: ['-e', '0'] },
    ],
    runs,
  );
  log(`integrity, whole history of sim (299 files, 297 snapshots): median ${ms(cli.median)}, min ${ms(cli.min)} (node itself starts in ${ms(node.median)})`);
  return { integrityMs: cli.median };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchIntegrity();
