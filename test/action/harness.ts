// Runs the bundled action as the runner starts it: inputs in INPUT_* variables, a real event payload file,
// a real git clone (shallow, as actions/checkout makes it), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a
// loopback REST API. DG_ACTION_BUNDLE points the tests at another bundle (an older build, to see them fail).

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/report/types.js';
import type { FakeGitHub } from './fake-github.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLE = process.env['DG_ACTION_BUNDLE'] ?? path.join(ROOT, 'dist/action/index.js');
export const FIXTURE = path.join(ROOT, 'fixtures/action-basic');
export const REPO = 'acme/shop';
export const PULL = 7;
/** The check's folder inside the repository: paths in annotations and links must carry it. */
export const WD = 'packages/db';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  }).trim();
}

export interface Origin {
  dir: string;
  baseSha: string;
  headSha: string;
}

/**
 * The upstream repository: `main` holds the base commit (the fixture's first migration), the checked-out
 * branch `feature` the PR commit (its second), and refs/pull/<n>/head points at it as on GitHub.
 * `headStep` replaces the PR commit's content (default: the fixture's second migration and schema).
 */
export function makeOrigin(dir: string, headStep?: (db: string) => void): Origin {
  const db = path.join(dir, WD);
  mkdirSync(path.join(db, 'drizzle/meta'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  cpSync(path.join(FIXTURE, 'drizzle.config.ts'), path.join(db, 'drizzle.config.ts'));
  cpSync(path.join(FIXTURE, 'steps/01.ts'), path.join(db, 'schema.ts'));
  cpSync(path.join(FIXTURE, 'drizzle/0000_init.sql'), path.join(db, 'drizzle/0000_init.sql'));
  cpSync(path.join(FIXTURE, 'drizzle/meta/0000_snapshot.json'), path.join(db, 'drizzle/meta/0000_snapshot.json'));
  // The journal as drizzle-kit wrote it after the first step: its final journal with the first entry only
  // (drizzle-kit writes JSON.stringify(journal, null, 2); checked byte for byte when the fixture was made).
  const journal = JSON.parse(readFileSync(path.join(FIXTURE, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  writeFileSync(path.join(db, 'drizzle/meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }, null, 2));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  (headStep ?? addPosts)(db);
  git(dir, 'add', '-A', '.');
  git(dir, 'commit', '-q', '-m', 'pull request');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'update-ref', `refs/pull/${PULL}/head`, headSha);
  return { dir, baseSha, headSha };
}

/** The fixture's second step: the posts table, a NOT NULL column on users, an index on users. */
export function addPosts(db: string): void {
  cpSync(path.join(FIXTURE, 'schema.ts'), path.join(db, 'schema.ts'));
  cpSync(path.join(FIXTURE, 'drizzle'), path.join(db, 'drizzle'), { recursive: true });
}

/** A later push to the PR branch; returns the new head. */
export function push(origin: Origin, message: string, edit: (db: string) => void): string {
  edit(path.join(origin.dir, WD));
  git(origin.dir, 'add', '-A', '.');
  git(origin.dir, 'commit', '-q', '-m', message);
  origin.headSha = git(origin.dir, 'rev-parse', 'HEAD');
  git(origin.dir, 'update-ref', `refs/pull/${PULL}/head`, origin.headSha);
  return origin.headSha;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
  report: () => Report;
}

export interface RunOptions {
  fork?: boolean;
  inputs?: Record<string, string>;
  eventName?: string;
  baseSha?: string;
  headSha?: string;
  /** What actions/checkout left in the workspace: the PR head (default) or the base branch (pull_request_target's default). */
  checkout?: 'head' | 'base';
  /** Changes the checked-out workspace before the action runs (a hostile config, say). */
  prepare?: (dir: string) => void;
}

/** One run of the bundle in a fresh shallow clone of `origin`, named `name` under `tmp`. */
export async function runAction(tmp: string, origin: Origin, github: FakeGitHub, name: string, opts: RunOptions = {}): Promise<RunResult> {
  const dir = path.join(tmp, name);
  git(tmp, 'clone', '-q', '--depth=1', ...(opts.checkout === 'base' ? ['--branch', 'main'] : []), `file://${origin.dir}`, dir);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  opts.prepare?.(dir);
  const files = path.join(tmp, `${name}-files`);
  mkdirSync(files);
  const headSha = opts.headSha ?? origin.headSha;
  const event = {
    number: PULL,
    pull_request: {
      number: PULL,
      base: { sha: opts.baseSha ?? origin.baseSha, ref: 'main', repo: { full_name: REPO } },
      head: { sha: headSha, ref: 'feature', repo: { full_name: opts.fork ? 'someone/shop-fork' : REPO } },
    },
    repository: { full_name: REPO },
  };
  writeFileSync(path.join(files, 'event.json'), JSON.stringify(event));
  writeFileSync(path.join(files, 'output'), '');
  writeFileSync(path.join(files, 'summary'), '');
  const inputs: Record<string, string> = { 'working-directory': WD, 'github-token': 'ghs_test', comment: 'true', 'sarif-file': 'results.sarif', ...opts.inputs };
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: path.join(files, 'event.json'),
    GITHUB_REPOSITORY: REPO,
    // pull_request_target runs on the base branch's last commit; pull_request on the PR (merge) commit.
    GITHUB_SHA: opts.checkout === 'base' ? origin.baseSha : headSha,
    GITHUB_WORKSPACE: dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_GRAPHQL_URL: `${github.url}/graphql`,
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out }));
  });
  const outputs = parseOutputs(readFileSync(path.join(files, 'output'), 'utf8'));
  return {
    code,
    stdout,
    outputs,
    summary: readFileSync(path.join(files, 'summary'), 'utf8'),
    dir,
    report: () => JSON.parse(readFileSync(outputs['report-file']!, 'utf8')) as Report,
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/** (rule id, file, line) of every finding, sorted: what a test pins the verdict to. */
export function findingKeys(report: Report): string[] {
  return report.configs
    .flatMap((c) => c.findings)
    .map((f) => `${f.ruleId} ${f.file ?? '-'}:${f.line ?? '-'}`)
    .sort();
}

/** The comments drizzle-guard's bot identity wrote. */
export function botComments(github: FakeGitHub): { id: number; body: string }[] {
  return github.comments.filter((c) => c.user.type === 'Bot' && c.body.startsWith('<!-- drizzle-guard:'));
}

export function writes(github: FakeGitHub): string[] {
  return github.requests.filter((r) => /^(POST|PATCH|DELETE) /.test(r));
}
