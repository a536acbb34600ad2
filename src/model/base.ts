// The base commit's view of the migration folder, from git (or from the GitHub API's file list).

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** Resolves `ref` to a commit; a missing commit (shallow clone) is a configuration error naming the fix. */
export function resolveCommit(repoRoot: string | undefined, ref: string): string {
  if (!repoRoot) throw new ConfigError(`--base ${ref} needs a git repository, and the checked folder is not inside one`);
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    throw new ConfigError(
      `base ${ref} is not in this clone (a shallow checkout?). Fetch it first: git fetch --depth=1 origin ${ref}` +
        ` (with actions/checkout, or set fetch-depth: 0)`,
    );
  }
}

/** Reads the base: which migration files existed there, which changed since, and its journal. */
export function readBase(repoRoot: string, cwd: string, ref: string, head: MigrationSet): BaseInfo {
  const commit = resolveCommit(repoRoot, ref);
  const prefix = path.relative(repoRoot, cwd).split(path.sep).join('/');
  const toRepo = (p: string) => path.posix.normalize(path.posix.join(prefix || '.', p));
  const fromRepo = (p: string) => path.posix.relative(prefix || '.', p);
  const outInRepo = toRepo(head.out);
  const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const files = new Set(
    git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', outInRepo])
      .split('\0')
      .filter(Boolean)
      .map(fromRepo),
  );
  // Compares the base commit with the working tree, so uncommitted edits count as changes too.
  const changed = git(['diff', '--no-renames', '--name-only', '-z', commit, '--', outInRepo]).split('\0').filter(Boolean).map(fromRepo);
  const exists = (f: string) => fs.existsSync(path.join(cwd, f));
  const modified = new Set(changed.filter((f) => files.has(f) && exists(f)));
  const deleted = [...files].filter((f) => !exists(f));
  const journalPath = `${head.out}/meta/_journal.json`;
  let journal: BaseInfo['journal'];
  if (files.has(journalPath)) {
    const parsed = parseJournalText(journalPath, git(['show', `${commit}:${toRepo(journalPath)}`]));
    if ('journal' in parsed) journal = parsed.journal;
  }
  return { ref, commit, files, modified, deleted, ...(journal ? { journal } : {}) };
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
