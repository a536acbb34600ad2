// The base commit's view of the migration folder, from git (or from the GitHub API's file list).

import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { BaseInfo, ChangedFile } from '../checks/types.js';
import { ConfigError } from '../config/drizzle-config.js';
import { parseJournalText } from './folder.js';
import type { MigrationSet } from './types.js';

/** The repository root containing cwd, or undefined outside a git work tree. */
export function gitRoot(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}

const execGit = promisify(execFile);

async function git(repoRoot: string, args: string[]): Promise<string> {
  return (await execGit('git', args, { cwd: repoRoot, maxBuffer: 1 << 28 })).stdout;
}

/**
 * True for what --base and base-ref may name: an object id, or a ref name as git check-ref-format allows it
 * (never starting with `-`, so it cannot pass for an option, nor `+`), optionally followed by ~N / ^N ancestry steps.
 */
export function isValidRevision(ref: string): boolean {
  if (/^[0-9a-f]{4,64}$/i.test(ref)) return true;
  if (ref.length > 255) return false;
  const name = ref.replace(/(?:[~^]\d*)+$/, '');
  const forbidden = /[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|\.lock(?:\/|$)|(?:^|\/)\./;
  // A leading `+` is legal in a ref name, but git fetch reads it as a refspec's force flag.
  return name !== '' && name !== '@' && !/^[-+]/.test(name) && !forbidden.test(name);
}

/** Resolves `ref` to a commit; an invalid ref or a missing commit (shallow clone) is a configuration error naming the fix. */
async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  if (!isValidRevision(ref)) throw new ConfigError(`base ${JSON.stringify(ref)} is not a git ref name or commit sha: no git command was run with it`);
  try {
    return (await git(repoRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new ConfigError(
      `base ${ref} is not in this clone (a shallow checkout?). Fetch it first: git fetch --depth=1 origin ${ref}` +
        ` (with actions/checkout, or set fetch-depth: 0)`,
    );
  }
}

/**
 * Reads the base: which files under `out` existed there, which changed since, and its journal. Asynchronous
 * so that the git processes run while the engine reads the working tree.
 */
export async function readBase(repoRoot: string, cwd: string, ref: string, out: string, headCommit?: string): Promise<BaseInfo> {
  const commit = await resolveCommit(repoRoot, ref);
  const prefix = path.relative(repoRoot, cwd).split(path.sep).join('/');
  const toRepo = (p: string) => path.posix.normalize(path.posix.join(prefix || '.', p));
  const fromRepo = (p: string) => path.posix.relative(prefix || '.', p);
  const names = (text: string) => text.split('\0').filter(Boolean).map(fromRepo);
  const journalPath = `${out}/meta/_journal.json`;
  const listFiles = (c: string) => git(repoRoot, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', c, '--', toRepo(out)]);
  const [listing, diff, journalText, headListing] = await Promise.all([
    listFiles(commit),
    // Compares the base commit with the working tree (uncommitted edits count as changes too), or with the head commit.
    git(repoRoot, ['diff', '--no-renames', '--name-only', '-z', commit, ...(headCommit ? [headCommit] : []), '--', toRepo(out)]),
    git(repoRoot, ['show', `${commit}:${toRepo(journalPath)}`]).catch(() => undefined),
    headCommit ? listFiles(headCommit) : undefined,
  ]);
  const files = new Set(names(listing));
  const headFiles = headListing === undefined ? undefined : new Set(names(headListing));
  const exists = (f: string) => (headFiles ? headFiles.has(f) : fs.existsSync(path.join(cwd, f)));
  const modified = new Set(names(diff).filter((f) => files.has(f) && exists(f)));
  const deleted = [...files].filter((f) => !exists(f));
  const parsed = journalText === undefined ? undefined : parseJournalText(journalPath, journalText);
  // Few files change in a PR: their base text tells an edit that changes nothing (white space, comments) from one that does.
  const modifiedSql = new Map(
    await Promise.all(
      [...modified].filter((f) => f.endsWith('.sql')).map(async (f) => [f, await git(repoRoot, ['show', `${commit}:${toRepo(f)}`])] as const),
    ),
  );
  return { ref, commit, files, modified, deleted, modifiedSql, ...(parsed && 'journal' in parsed ? { journal: parsed.journal } : {}) };
}

/** The base as far as the GitHub API's list of changed files tells it (no base commit in the clone). */
export function baseFromChangedFiles(ref: string, head: MigrationSet, changed: readonly ChangedFile[]): BaseInfo {
  const under = (f: string) => f.startsWith(`${head.out}/`);
  const status = new Map(changed.filter((c) => under(c.file)).map((c) => [c.file, c.status]));
  const headFiles = [...head.migrations.map((m) => m.file), ...head.strayFiles, ...head.snapshots.map((s) => s.file)];
  const files = new Set(headFiles.filter((f) => status.get(f) !== 'added'));
  const deleted = [...status].filter(([, s]) => s === 'removed').map(([f]) => f);
  for (const f of deleted) files.add(f);
  const modified = new Set([...status].filter(([, s]) => s === 'modified').map(([f]) => f));
  return { ref, files, modified, deleted };
}
