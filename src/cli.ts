#!/usr/bin/env node
// Starts the CLI; everything else lives in src/cli/main.ts.
import { runCli } from './cli/main.js';

// A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere to go, and the
// verdict's exit code must still be the one the check decided, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

runCli({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`drizzle-guard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 4;
  },
);
