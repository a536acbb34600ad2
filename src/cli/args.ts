// Command-line flags → CheckOptions. Usage errors become a UsageError (exit 4), never a stack trace.

import { parseArgs } from 'node:util';
import type { CheckOptions, OutputFormat } from '../checks/types.js';
import type { FailOn } from '../findings.js';
import { DIALECTS, type Dialect } from '../model/types.js';

export class UsageError extends Error {}

export const HELP = `drizzle-guard — guards Drizzle ORM migrations: drift, journal integrity, SQL safety, replay, pending.

Usage:
  drizzle-guard check [options]

Options:
  --cwd DIR               Project folder (default: the current directory).
  --config FILE           drizzle config file, relative to --cwd; repeat for several configs
                          (default: drizzle.config.{ts,mts,cts,js,mjs,cjs,json} in --cwd).
  --out DIR               Migrations folder (overrides the config's "out"; works without a config).
  --dialect NAME          ${DIALECTS.filter((d) => d !== 'gel').join('|')} (overrides the config's "dialect").
  --base GIT-REF          Compare with this commit: migrations added since are "new", older ones "applied";
                          edits to and deletions of applied migrations are reported.
  --format FORMAT         text (default) | json | markdown | sarif.
  --output FILE           Write the report to FILE instead of stdout (a text summary still goes to stdout).
  --fail-on LEVEL         error | warning | never: the lowest severity that fails the check
                          (default: failOn in .drizzle-guard.json, else error).
  --no-drift              Do not compare the TypeScript schema with the snapshots.
  --no-lint               Do not lint the SQL.
  --replay                Replay migrations on an embedded PostgreSQL (PGlite) even with no new migration.
  --no-replay             Never replay.
  --replay-seed           Before the new migrations run, insert a row into every table and trace what each
                          new statement does to it (locks, rewrites, scans, failures on rows). On by default.
  --replay-timeout SECONDS  Replay time limit per statement (default 60; the whole replay: ten times that).
  --database-url URL      Compare with a live database's __drizzle_migrations (read-only). Prefer the
                          DRIZZLE_GUARD_DATABASE_URL environment variable: command lines are visible to others.
  -h, --help              Show this help.
  -v, --version           Print the version.

Exit codes:
  0 ok · 1 schema drift · 2 integrity or replay failure · 3 pending migrations · 4 configuration or usage error
  5 unsafe SQL. Only findings at or above --fail-on count; with several failures the first of 4, 2, 1, 3, 5 wins.
`;

export type ParsedCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'check'; options: CheckOptions };

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv, cwd: string): ParsedCommand {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (e) {
    throw new UsageError(`${flagError(e as Error & { code?: string })} (see --help)`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (positionals.length === 0) throw new UsageError('missing command: drizzle-guard check [options] (see --help)');
  if (positionals[0] !== 'check' || positionals.length > 1) throw new UsageError(`unknown command: ${positionals.join(' ')} (see --help)`);
  if (v.replay && v['no-replay']) throw new UsageError('--replay and --no-replay contradict each other (see --help)');
  return {
    kind: 'check',
    options: {
      cwd: v.cwd ?? cwd,
      configs: v.config ?? [],
      ...(v.out !== undefined ? { out: v.out } : {}),
      ...(v.dialect !== undefined ? { dialect: oneOf('--dialect', v.dialect, DIALECTS) as Dialect } : {}),
      ...(v.base !== undefined ? { base: v.base } : {}),
      format: oneOf('--format', v.format ?? 'text', ['text', 'json', 'markdown', 'sarif']) as OutputFormat,
      ...(v.output !== undefined ? { output: v.output } : {}),
      ...(v['fail-on'] !== undefined ? { failOn: oneOf('--fail-on', v['fail-on'], ['error', 'warning', 'never']) as FailOn } : {}),
      drift: !v['no-drift'],
      lint: !v['no-lint'],
      replay: v.replay ? true : v['no-replay'] ? false : 'auto',
      // --replay-seed names the traced replay, which is now the default: the flag stays accepted.
      replaySeed: true,
      ...(v['replay-timeout'] !== undefined ? { replayTimeout: positiveSeconds('--replay-timeout', v['replay-timeout']) } : {}),
      ...(v['database-url'] ?? env.DRIZZLE_GUARD_DATABASE_URL ? { databaseUrl: v['database-url'] ?? env.DRIZZLE_GUARD_DATABASE_URL } : {}),
      allowCodeExecution: true,
    },
  };
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      cwd: { type: 'string' },
      config: { type: 'string', multiple: true },
      out: { type: 'string' },
      dialect: { type: 'string' },
      base: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
      'fail-on': { type: 'string' },
      'no-drift': { type: 'boolean' },
      'no-lint': { type: 'boolean' },
      replay: { type: 'boolean' },
      'no-replay': { type: 'boolean' },
      'replay-seed': { type: 'boolean' },
      'replay-timeout': { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

export function positiveSeconds(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a number of seconds greater than 0; got ${JSON.stringify(value)}`);
  return n;
}

function oneOf(flag: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)} (see --help)`);
  return value;
}

/** parseArgs' complaint in our words: which flag, and what is wrong with it. */
function flagError(e: Error & { code?: string }): string {
  const flag = /'(-[^' ]+)/.exec(e.message)?.[1] ?? 'an option';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message) ? `${flag} takes no value` : `${flag} needs a value`;
    default:
      return e.message;
  }
}
