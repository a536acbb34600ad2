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
