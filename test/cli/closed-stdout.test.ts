// A reader that closes the pipe early (`drizzle-guard check --format json | head -1`) must not turn the
// verdict into a crash: the bundled CLI keeps the check's exit code and prints no stack trace.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { CLI, FIXTURES } from '../helpers/project.js';

it('keeps the exit code and prints no stack trace when stdout is closed before the report is written', async () => {
  const child = spawn(process.execPath, [CLI, 'check', '--cwd', path.join(FIXTURES, 'lint-pg'), '--no-drift', '--no-replay', '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy(); // nobody reads: the first write fails with EPIPE
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // lint-pg's 0001 drops a table (drop-table, error): the verdict is unsafe SQL.
  expect(code).toBe(5);
  expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
});
