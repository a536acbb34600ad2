// Finds and loads drizzle.config.* the way drizzle-kit does (default export, often defineConfig({...})),
// then applies drizzle-kit's defaults. A config is code: it runs in the worker process (time and memory
// limits, our secrets scrubbed from its environment, its output kept off our stdout), loaded as
// load-module.ts describes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigJob, ConfigResult } from '../checks/drift/protocol.js';
import { gitRoot } from '../model/base.js';
import { workingTree } from '../model/tree.js';
import { isObject } from '../model/json.js';
import { configLiterals } from './config-literals.js';
import { DIALECTS, type Casing, type Dialect, type ResolvedConfig } from '../model/types.js';
import { installCommand, packageManagerOf } from './package-manager.js';
import { limitFromEnv, redactUrls, runWorker, type WorkerFailure } from './worker-process.js';

export const CONFIG_NAMES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `drizzle.config.${ext}`);

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

export interface ConfigOverrides {
  out?: string;
  dialect?: Dialect;
}

/** Config files to check, relative to cwd: the given ones, or the one found in cwd, or none (flags only). */
export function discoverConfigs(cwd: string, given: string[], overrides: ConfigOverrides): string[] | undefined {
  if (given.length > 0) return given;
  const found = CONFIG_NAMES.find((name) => fs.existsSync(path.join(cwd, name)));
  if (found) return [found];
  if (overrides.out || overrides.dialect) return [];
  throw new ConfigError(
    `no drizzle config found in ${cwd} (looked for ${CONFIG_NAMES.join(', ')}); pass --config FILE, or --out DIR and --dialect`,
  );
}

/**
 * Loads one config file (relative to cwd). `execute` is false where the repository's code must not run;
 * `secrets` (database URLs) are kept out of the environment of the code that does.
 */
export async function loadDrizzleConfig(
  cwd: string,
  file: string,
  overrides: ConfigOverrides,
  execute: boolean,
  secrets: string[] = [],
): Promise<ResolvedConfig> {
  const abs = path.resolve(cwd, file);
  if (!fs.existsSync(abs)) throw new ConfigError(`config file not found: ${file}`, file);
  const raw = abs.endsWith('.json') ? readJsonConfig(cwd, file) : execute ? await importConfig(cwd, abs, file, secrets) : configLiterals(readConfigText(cwd, file));
  if (!execute && !abs.endsWith('.json') && raw.dialect === undefined && !overrides.dialect) {
    throw new ConfigError(
      `${file} was read without running it (code from this pull request is untrusted here) and its dialect is not a plain string literal; ` +
        'pass --dialect (and --out when the folder is not a literal either)',
      file,
    );
  }
  return resolveConfig(raw, overrides, path.relative(cwd, abs).split(path.sep).join('/'));
}

export function resolveConfig(raw: Record<string, unknown>, overrides: ConfigOverrides, file?: string): ResolvedConfig {
  const where = file ?? 'the command line';
  const dialect = overrides.dialect ?? normalizeDialect(raw.dialect, where);
  const out = overrides.out ?? stringField(raw, 'out', where) ?? 'drizzle';
  const schema = raw.schema === undefined ? undefined : Array.isArray(raw.schema) ? raw.schema.map(String) : [String(raw.schema)];
  const casing = raw.casing;
  if (casing !== undefined && casing !== 'snake_case' && casing !== 'camelCase') {
    throw new ConfigError(`${where}: "casing" must be "snake_case" or "camelCase", got ${JSON.stringify(casing)}`, file);
  }
  const migrations = isObject(raw.migrations) ? raw.migrations : {};
  return {
    ...(file ? { file } : {}),
    dialect,
    out: path.posix.normalize(out.split(path.sep).join('/')),
    ...(schema ? { schema } : {}),
    ...(casing ? { casing: casing as Casing } : {}),
    breakpoints: raw.breakpoints !== false,
    migrations: {
      table: stringField(migrations, 'table', where) ?? '__drizzle_migrations',
      schema: stringField(migrations, 'schema', where) ?? 'drizzle',
      prefix: stringField(migrations, 'prefix', where) ?? 'index',
    },
  };
}

function normalizeDialect(value: unknown, where: string): Dialect {
  if (value === 'pg') return 'postgresql';
  if (typeof value === 'string' && (DIALECTS as readonly string[]).includes(value)) return value as Dialect;
  if (value === undefined) throw new ConfigError(`${where}: no "dialect" (pass --dialect ${DIALECTS.join('|')})`);
  throw new ConfigError(`${where}: unsupported dialect ${JSON.stringify(value)} (supported: ${DIALECTS.join(', ')})`);
}

function stringField(o: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new ConfigError(`${where}: "${key}" must be a non-empty string`);
  return v;
}

/** Config files larger than this are not read (drizzle configs are a few hundred bytes). */
const CONFIG_BYTES = 1024 * 1024;

/**
 * A config read as text (JSON, or literals when code must not run) is read like the migrations: confined
 * to the repository, so a symlink to a file of the runner cannot bring its text into an error message.
 */
function readConfigText(cwd: string, file: string): string {
  const read = workingTree(cwd, gitRoot(cwd) ?? cwd).read(file, CONFIG_BYTES);
  if (read === undefined) throw new ConfigError(`config file not found or not a regular file: ${file}`, file);
  if ('refused' in read) {
    throw new ConfigError(
      read.refused === 'outside'
        ? `${file} resolves outside the repository (a symlink?): it is not read`
        : `${file} is ${read.size} bytes, more than a drizzle config's limit of ${read.limit}: it is not read`,
      file,
    );
  }
  return read.bytes.toString('utf8');
}

function readJsonConfig(cwd: string, file: string): Record<string, unknown> {
  let value: unknown;
  const text = readConfigText(cwd, file);
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`, file);
  }
  if (!isObject(value)) throw new ConfigError(`${file} must hold a JSON object`, file);
  return value;
}

/** A config that never settles, loops or exits gets this long; a normal one takes well under a second. */
const CONFIG_TIMEOUT_MS = 30_000;

async function importConfig(cwd: string, abs: string, file: string, secrets: string[]): Promise<Record<string, unknown>> {
  const job: ConfigJob = { kind: 'config', cwd, file: abs };
  const timeoutMs = limitFromEnv('DRIZZLE_GUARD_CONFIG_TIMEOUT_MS', CONFIG_TIMEOUT_MS);
  const result = await runWorker<ConfigResult>(job, cwd, { timeoutMs, task: `loading ${file}`, secrets });
  if (result.ok) return result.config;
  throw new ConfigError(`${file} could not be loaded: ${describeLoadFailure(result, cwd)}`, file);
}

/**
 * A failed load in the user's terms: where (file:line relative to cwd), what, and the install command
 * only when a package is really missing. No absolute path of the machine it ran on.
 */
export function describeLoadFailure(
  failure: Exclude<ConfigResult, { ok: true }> | WorkerFailure,
  cwd: string,
): string {
  const where = 'file' in failure && failure.file ? `${relativeTo(cwd, failure.file)}${failure.line ? `:${failure.line}` : ''}: ` : '';
  const missing = 'missingPackage' in failure && failure.missingPackage;
  const hint = missing ? ` (run ${installCommand(packageManagerOf(cwd, gitRoot(cwd)))} before this step)` : '';
  const message = redactUrls(withoutAbsolutePaths(failure.message, cwd));
  return `${where && !message.startsWith(where.slice(0, -2)) ? where : ''}${message}${hint}`;
}

function relativeTo(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** Paths under cwd (or its repository) written relative to cwd: a message must not carry the runner's folders. */
export function withoutAbsolutePaths(text: string, cwd: string): string {
  const root = gitRoot(cwd);
  let out = text.split(`file://${cwd}${path.sep}`).join('').split(`${cwd}${path.sep}`).join('');
  if (root && root !== cwd) out = out.split(`${root}${path.sep}`).join(`${relativeTo(cwd, root)}/`);
  return out;
}
