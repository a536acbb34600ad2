// The CLI: flags → engine → rendered report → exit code.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCheck } from '../engine.js';
import { EXIT } from '../findings.js';
import { gitRoot } from '../model/base.js';
import { render } from '../report/render.js';
import { VERSION } from '../version.js';
import { HELP, parseCommand, UsageError } from './args.js';

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
}

/** Runs the CLI and returns its exit code. */
export async function runCli(io: CliIo): Promise<number> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(io.argv, io.env, io.cwd);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`drizzle-guard: ${e.message}\n`);
    return EXIT.config;
  }
  if (command.kind === 'help') return io.stdout.write(HELP), EXIT.ok;
  if (command.kind === 'version') return io.stdout.write(`${VERSION}\n`), EXIT.ok;
  const { options } = command;
  const report = await runCheck(options);
  const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
  const root = options.format === 'sarif' || options.format === 'markdown' ? gitRoot(path.resolve(io.cwd, options.cwd)) : undefined;
  const pathPrefix = root ? path.relative(root, path.resolve(io.cwd, options.cwd)).split(path.sep).join('/') : '';
  const rendered = render(report, options.format, { color: options.output ? false : color, ...(pathPrefix ? { pathPrefix } : {}) });
  if (options.output) {
    const target = path.resolve(io.cwd, options.output);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, rendered);
    } catch (e) {
      io.stderr.write(`drizzle-guard: cannot write --output ${options.output}: ${(e as Error).message}\n`);
      return EXIT.config;
    }
    if (options.format !== 'text') io.stdout.write(render(report, 'text', { color }));
  } else {
    io.stdout.write(rendered);
  }
  return report.exitCode;
}
