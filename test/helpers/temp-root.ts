// Vitest global setup: every temp folder a test (or a child process it starts) makes goes into one
// folder per run, removed when the run ends, so runs leave nothing behind in the system's temp folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-run-'));
  // os.tmpdir() reads TMPDIR on every call; the test workers and their child processes inherit it.
  process.env.TMPDIR = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
