// Finds and loads drizzle.config.* the way drizzle-kit does (default export, often defineConfig({...})),
// then applies drizzle-kit's defaults. TypeScript configs run through jiti with a sucrase transform
// (Babel, jiti's default, costs ~150 ms to load); `drizzle-kit` is aliased to a one-line shim so a
// config loads even where drizzle-kit is not installed, and without loading drizzle-kit itself.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isObject } from '../model/json.js';
import { configLiterals } from './config-literals.js';
import { DIALECTS, type Casing, type Dialect, type ResolvedConfig } from '../model/types.js';

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

/** Loads one config file (relative to cwd). `execute` is false where the repository's code must not run. */
export async function loadDrizzleConfig(cwd: string, file: string, overrides: ConfigOverrides, execute: boolean): Promise<ResolvedConfig> {
  const abs = path.resolve(cwd, file);
  if (!fs.existsSync(abs)) throw new ConfigError(`config file not found: ${file}`, file);
  const raw = abs.endsWith('.json') ? readJsonConfig(abs, file) : execute ? await importConfig(abs, file) : configLiterals(fs.readFileSync(abs, 'utf8'));
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

function readJsonConfig(abs: string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(abs, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`, file);
  }
  if (!isObject(value)) throw new ConfigError(`${file} must hold a JSON object`, file);
  return value;
}

async function importConfig(abs: string, file: string): Promise<Record<string, unknown>> {
  const [{ createJiti }, { transform }] = await Promise.all([import('jiti'), import('sucrase')]);
  const jiti = createJiti(pathToFileURL(abs).href, {
    fsCache: false,
    moduleCache: false,
    alias: { 'drizzle-kit': drizzleKitShim() },
    transform: (opts) => ({
      code: transform(opts.source, {
        transforms: opts.ts ? ['typescript', 'imports'] : ['imports'],
        filePath: opts.filename,
      }).code,
    }),
  });
  let mod: unknown;
  try {
    mod = await jiti.import(abs, { default: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const hint = err.code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(err.message) ? ' (run npm ci / pnpm install before this step)' : '';
    throw new ConfigError(`${file} could not be loaded: ${firstLine(err.message)}${hint}`, file);
  }
  if (!isObject(mod)) throw new ConfigError(`${file} has no default export holding the config object`, file);
  return mod;
}

/** A module exporting drizzle-kit's config helpers as identities, written once per process to the temp folder. */
let shimPath: string | undefined;
function drizzleKitShim(): string {
  if (!shimPath) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-guard-'));
    shimPath = path.join(dir, 'drizzle-kit.cjs');
    fs.writeFileSync(shimPath, 'exports.defineConfig = (c) => c;\n');
  }
  return shimPath;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 500);
}
