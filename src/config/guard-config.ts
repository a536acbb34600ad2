// drizzle-guard's own settings: `.drizzle-guard.json` in the working directory, or the
// `drizzle-guard` key of package.json. The file's shape is published as
// schema/drizzle-guard.schema.json; this loader checks the same shape by hand (no runtime ajv).

import { RE2JS } from 're2js';
import type { FailOn, Finding, Severity } from '../findings.js';
import { formatSize } from '../model/folder.js';
import { isObject } from '../model/json.js';
import { workingTree, type FileTree } from '../model/tree.js';
import { RULES } from '../rules/catalog.js';
import { checkCrashed, configError } from './errors.js';

export type RuleSetting = Severity | 'off';

export interface GuardConfig {
  /** Where the settings came from (relative to cwd), absent when none exist. */
  file?: string;
  /** Per-rule severity override, or `off`. */
  rules: Record<string, RuleSetting>;
  /** PostgreSQL major version the migrations run on (safety rules that depend on it). */
  postgresVersion: number;
  /** Glob patterns (relative to cwd) of migration files the SQL lint skips. */
  ignore: string[];
  /** Overrides the default of --fail-on (an explicit flag still wins). */
  failOn?: FailOn;
}

export const CONFIG_FILE = '.drizzle-guard.json';
export const PACKAGE_KEY = 'drizzle-guard';
export const DEFAULT_POSTGRES_VERSION = 14;

// A check that could not run is not a setting: config-error and check-crashed cannot be tuned.
const KNOWN_IDS: ReadonlySet<string> = new Set(RULES.filter((r) => r !== configError && r !== checkCrashed).map((r) => r.id));

/** Rule ids a settings file may name: every rule of the catalog. */
export function knownRuleIds(): ReadonlySet<string> {
  return KNOWN_IDS;
}

const TOP_KEYS = new Set(['$schema', 'rules', 'postgresVersion', 'ignore', 'failOn']);
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export function defaultGuardConfig(): GuardConfig {
  return { rules: {}, postgresVersion: DEFAULT_POSTGRES_VERSION, ignore: [] };
}

/** Settings files are read whole: larger ones are refused (a real one is a few hundred bytes). */
const SETTINGS_LIMIT = 1024 * 1024;

/**
 * Loads the settings for `cwd`, reading only inside `repoRoot`. `.drizzle-guard.json` wins over package.json's
 * key; neither gives the defaults. Errors name the file and every offending key or rule id.
 */
export function loadGuardConfig(cwd: string, repoRoot = cwd): GuardConfig | { error: string; file?: string } {
  const tree = workingTree(cwd, repoRoot);
  const own = readJson(tree, CONFIG_FILE);
  if (own) {
    if ('error' in own) return { error: `${CONFIG_FILE}: ${own.error}`, file: CONFIG_FILE };
    return validateGuardConfig(own.value, CONFIG_FILE);
  }
  const pkg = readJson(tree, 'package.json');
  // A broken package.json is not ours to report unless it is where our settings would be.
  if (!pkg || 'error' in pkg || !isObject(pkg.value) || !(PACKAGE_KEY in pkg.value)) return defaultGuardConfig();
  return validateGuardConfig(pkg.value[PACKAGE_KEY], `package.json#${PACKAGE_KEY}`);
}

/** Checks a settings document; `where` names it in messages. */
export function validateGuardConfig(doc: unknown, where: string): GuardConfig | { error: string; file?: string } {
  const file = where.startsWith('package.json') ? 'package.json' : where;
  if (!isObject(doc)) return { error: `${where}: must be a JSON object`, file };
  const problems: string[] = [];
  const unknownKeys = Object.keys(doc).filter((k) => !TOP_KEYS.has(k));
  if (unknownKeys.length) problems.push(`unknown key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')} (allowed: ${[...TOP_KEYS].join(', ')})`);

  const config = defaultGuardConfig();
  config.file = file;
  if (doc.rules !== undefined) {
    if (!isObject(doc.rules)) problems.push('"rules" must be an object of rule id → "off" | "info" | "warning" | "error"');
    else {
      const unknownRules = Object.keys(doc.rules).filter((id) => !KNOWN_IDS.has(id));
      if (unknownRules.length) problems.push(`unknown rule id${unknownRules.length > 1 ? 's' : ''} ${unknownRules.map((k) => `"${k}"`).join(', ')} in "rules"`);
      for (const [id, value] of Object.entries(doc.rules)) {
        if (!SETTINGS.includes(value as RuleSetting)) problems.push(`"rules"."${id}" must be one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}`);
        else if (KNOWN_IDS.has(id)) config.rules[id] = value as RuleSetting;
      }
    }
  }
  if (doc.postgresVersion !== undefined) {
    const v = doc.postgresVersion;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 9 || v > 18) problems.push('"postgresVersion" must be a major version number from 9 to 18');
    else config.postgresVersion = v;
  }
  if (doc.ignore !== undefined) {
    if (!Array.isArray(doc.ignore) || !doc.ignore.every((p) => typeof p === 'string')) problems.push('"ignore" must be an array of glob patterns');
    else config.ignore = doc.ignore as string[];
  }
  if (doc.failOn !== undefined) {
    if (!FAIL_ON.includes(doc.failOn as FailOn)) problems.push(`"failOn" must be one of ${FAIL_ON.map((s) => `"${s}"`).join(', ')}`);
    else config.failOn = doc.failOn as FailOn;
  }
  if (problems.length) return { error: `${where}: ${problems.join('; ')}`, file };
  return config;
}

/** Applies per-rule settings: drops findings of rules turned off, replaces severities. Pure. */
export function applyRuleSettings(findings: readonly Finding[], settings: Readonly<Record<string, RuleSetting>>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = settings[f.ruleId];
    if (setting === 'off') continue;
    out.push(setting === undefined || setting === f.severity ? f : { ...f, severity: setting });
  }
  return out;
}

/** True when `file` (relative to cwd, forward slashes) matches one of the glob patterns. */
export function isIgnoredPath(file: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => globMatcher(p).testExact(file));
}

const matchers = new Map<string, RE2JS>();

/**
 * `**` crosses folders, `*` and `?` do not; a pattern without `/` matches the file name anywhere. Patterns come
 * from the pull request, so they run on RE2 (re2js): matching time is linear in the file name, where a
 * backtracking RegExp takes minutes on `*a*a*a*a*a*a*a*a*b` against 60 characters.
 */
function globMatcher(pattern: string): RE2JS {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    const p = pattern.replace(/^\.\//, '');
    let re = '';
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === '*' && p[i + 1] === '*') {
        re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += p[i + 2] === '/' ? 2 : 1;
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += RE2JS.quote(c);
    }
    matcher = RE2JS.compile(p.includes('/') ? re : `(?:.*/)?${re}`, RE2JS.DOTALL);
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/** The file's JSON, or why not; undefined when it does not exist. Its text is never quoted from outside the repository. */
function readJson(tree: FileTree, file: string): { value: unknown } | { error: string } | undefined {
  const read = tree.read(file, SETTINGS_LIMIT);
  if (!read) return undefined;
  if (!('bytes' in read)) {
    return { error: read.refused === 'outside' ? 'resolves outside the repository (not read)' : `${formatSize(read.size)}, over the ${formatSize(read.limit)} limit (not read)` };
  }
  try {
    return { value: JSON.parse(read.bytes.toString('utf8')) };
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
}
