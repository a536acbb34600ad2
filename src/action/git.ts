// The few git operations the action needs: where the repository root is, and making the base
// commit available in a shallow clone (actions/checkout fetches one commit by default).

import { execFileSync } from 'node:child_process';
import { isValidRevision } from '../model/base.js';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).trim();
  } catch {
    return undefined;
  }
}

export function repositoryRoot(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', '--show-toplevel']);
}

function commitOf(cwd: string, ref: string): string | undefined {
  return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
}

/**
 * The full sha of `ref` (a sha, branch or tag), fetching it from origin when the clone lacks it.
 * Undefined when it cannot be had.
 */
export function ensureCommit(cwd: string, ref: string): string | undefined {
  // What could pass for an option never reaches git (the engine reports it as a config-error).
  if (!isValidRevision(ref)) return undefined;
  const local = commitOf(cwd, ref) ?? (/^[0-9a-f]{40}$/i.test(ref) ? undefined : commitOf(cwd, `origin/${ref}`));
  if (local) return local;
  // One commit is enough: the base tree is read with `git show <sha>:<path>`.
  if (git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', '--', ref]) === undefined) return undefined;
  return commitOf(cwd, /^[0-9a-f]{40}$/i.test(ref) ? ref : 'FETCH_HEAD');
}

/** True when HEAD is `sha` itself or a merge commit with `sha` as a parent (the pull_request merge ref). */
export function checkoutIs(cwd: string, sha: string): boolean {
  const head = commitOf(cwd, 'HEAD');
  if (head === undefined) return false;
  if (head === sha) return true;
  // The commit object names its parents even when a shallow clone lacks them.
  const parents = (git(cwd, ['cat-file', '-p', head]) ?? '').split('\n').filter((l) => l.startsWith('parent ')).map((l) => l.slice('parent '.length));
  return parents.length > 1 && parents.includes(sha);
}

/**
 * The pull request's head commit as git objects (no checkout): by its sha, else through the ref GitHub keeps
 * for every pull request in the base repository (also for forks).
 */
export function fetchPullHead(cwd: string, sha: string, pullNumber: number | undefined): string | undefined {
  if (commitOf(cwd, sha)) return sha;
  if (git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]) !== undefined && commitOf(cwd, sha)) return sha;
  if (pullNumber === undefined) return undefined;
  if (git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', `refs/pull/${pullNumber}/head`]) === undefined) return undefined;
  return commitOf(cwd, 'FETCH_HEAD') === sha ? sha : undefined;
}

/** Files changed between two commits, relative to the check's folder (`prefix` from the repository root). */
export function changedFiles(cwd: string, base: string, head: string, prefix: string): string[] | undefined {
  const out = git(cwd, ['diff', '--name-only', '-z', base, head, '--', '.']);
  if (out === undefined) return undefined;
  const under = prefix === '' ? '' : `${prefix}/`;
  // `git diff` names files from the repository root whatever the cwd.
  return out.split('\0').filter((f) => f !== '' && f.startsWith(under)).map((f) => f.slice(under.length));
}

/** The first added or changed line of each file (repository-relative paths), from `git diff -U0`. */
export function firstChangedLines(cwd: string, base: string, head: string, files: string[]): Map<string, number> {
  const lines = new Map<string, number>();
  const out = git(cwd, ['diff', '-U0', '--no-color', base, head, '--', ...files.map((f) => `:(top,literal)${f}`)]);
  let file: string | undefined;
  for (const line of (out ?? '').split('\n')) {
    if (line.startsWith('+++ ')) file = line.startsWith('+++ b/') ? line.slice(6) : undefined;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && file && !lines.has(file)) lines.set(file, Math.max(1, Number(hunk[1])));
  }
  return lines;
}

/** A file's text at a commit (repository-relative path). */
export function showFile(cwd: string, commit: string, file: string): string | undefined {
  return git(cwd, ['show', `${commit}:${file}`]);
}
