// Test projects: a copy of a generated fixture in a temp folder, optionally a git repository,
// so a test can apply one reasoned change to real drizzle-kit output.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckOptions } from '../../src/checks/types.js';
import { runCheck } from '../../src/engine.js';
import type { Finding } from '../../src/findings.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'fixtures');
export const CORPORA = path.resolve(ROOT, '../shared/corpora');
export const CLI = path.join(ROOT, 'dist/cli/index.js');

export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dg-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Gives a project the node_modules a user's has for drift: drizzle-orm (the schema imports it) and no drizzle-kit. */
export function linkDrizzleOrmOnly(dir: string): string {
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(ROOT, 'node_modules/drizzle-orm'), path.join(dir, 'node_modules/drizzle-orm'), 'dir');
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  }).toString();
}

/** Makes `dir` a git repository whose first commit holds its current files; returns that commit. */
export function commitAll(dir: string, message = 'base'): string {
  if (!fs.existsSync(path.join(dir, '.git'))) git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

export function options(cwd: string, extra: Partial<CheckOptions> = {}): CheckOptions {
  return { cwd, configs: [], format: 'json', failOn: 'error', drift: false, lint: false, replay: false, replaySeed: false, allowCodeExecution: true, ...extra };
}

/** Runs the engine and returns the findings of one category. */
export async function findingsOf(cwd: string, category: Finding['category'], extra: Partial<CheckOptions> = {}): Promise<Finding[]> {
  const report = await runCheck(options(cwd, extra));
  return report.findings.filter((f) => f.category === category);
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}
