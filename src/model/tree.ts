// The file-access layer of the model: the migration folder is read only through a FileTree. Nothing that
// resolves outside the repository is read (the folder itself, `meta`, any file: through a symlink, `..` or an
// absolute path), and a file larger than the caller's limit is not read (its size is taken first).

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TreeEntry {
  name: string;
  kind: 'file' | 'dir' | 'other';
  /** Set when the entry is a symlink leading outside the repository: it is not followed. */
  outside?: true;
}

/** A file's bytes, or why they were not read. */
export type FileRead = { bytes: Buffer } | { refused: 'outside' } | { refused: 'too-large'; size: number; limit: number };

export interface FileTree {
  /** Directory entries sorted by name; undefined when the directory does not exist or resolves outside the repository. */
  list(dir: string): TreeEntry[] | undefined;
  /** The whole file when it is at most `limit` bytes; undefined when it is absent or not a regular file. */
  read(file: string, limit: number): FileRead | undefined;
  /** First `head` and last `tail` bytes plus the size: enough to validate a large snapshot cheaply. */
  peek(file: string, head: number, tail: number): { head: Buffer; tail: Buffer; size: number } | undefined;
  /** True when `p` (a folder or file, existing or not) resolves outside the repository. */
  isOutside(p: string): boolean;
}

/** The working tree below `cwd`, confined to `repoRoot`. */
export function workingTree(cwd: string, repoRoot: string): FileTree {
  const root = fs.realpathSync(repoRoot);
  const abs = (p: string) => path.resolve(cwd, p);
  const isOutside = (p: string) => !isInside(root, realPath(abs(p)));
  // Listings are cached, each folder's real path checked once: reads consult them instead of calling realpath per file.
  const listings = new Map<string, Map<string, TreeEntry> | 'outside' | undefined>();
  const listing = (dir: string) => {
    const key = abs(dir);
    if (!listings.has(key)) listings.set(key, isOutside(key) ? 'outside' : readListing(key, root));
    return listings.get(key);
  };
  /** A file's entry in its folder, or 'outside' when the file or its folder leads outside the repository. */
  const entryOf = (file: string) => {
    const entries = listing(path.dirname(file));
    if (entries === 'outside') return 'outside';
    const entry = entries?.get(path.basename(file));
    return entry?.outside ? 'outside' : entry;
  };
  return {
    list(dir) {
      const entries = listing(dir);
      return entries === undefined || entries === 'outside' ? undefined : [...entries.values()].sort(byName);
    },
    read(file, limit) {
      const entry = entryOf(file);
      if (entry === 'outside') return { refused: 'outside' };
      return entry?.kind === 'file' ? readLimited(abs(file), limit) : undefined;
    },
    peek(file, head, tail) {
      const entry = entryOf(file);
      if (entry === 'outside' || entry?.kind !== 'file') return undefined;
      return withOpenFile(abs(file), (fd, size) => {
        const h = Buffer.alloc(Math.min(head, size));
        fs.readSync(fd, h, 0, h.length, 0);
        const t = Buffer.alloc(Math.min(tail, size));
        fs.readSync(fd, t, 0, t.length, size - t.length);
        return { head: h, tail: t, size };
      });
    },
    isOutside,
  };
}

/** Blobs larger than this are not taken out of git when a commit is read: their readers' limits are smaller. */
const COMMIT_BLOB_LIMIT = 64 * 1024 * 1024;

/**
 * The tree of `commit` below `prefix` (cwd relative to the repository root), for a pull request whose head is
 * not checked out: git objects only, nothing written or run. Two git processes: `ls-tree -l` (sizes first, so
 * an oversized blob is never read) and one `cat-file --batch` for the blobs under `dirs`. Symlinks are git
 * blobs of their own mode: listed as `other`, never followed.
 */
export function commitTree(repoRoot: string, commit: string, prefix: string, dirs: string[]): FileTree {
  const files = new Map<string, Buffer | number>();
  const dirEntries = new Map<string, Map<string, TreeEntry>>();
  const toRepo = (p: string) => path.posix.normalize(path.posix.join(prefix, p)).replace(/^\.\/?/, '') || '.';
  const isOutside = (p: string) => toRepo(p).startsWith('..') || path.posix.isAbsolute(p);
  const repoDirs = dirs.filter((d) => !isOutside(d)).map((d) => toRepo(d).replace(/\/$/, ''));
  const listing = repoDirs.length === 0 ? '' : execFileSync('git', ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...repoDirs], { cwd: repoRoot, maxBuffer: 1 << 28 }).toString('utf8');
  const blobs: { oid: string; file: string }[] = [];
  for (const record of listing.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(record);
    if (!m || m[2] !== 'blob') continue;
    const [, mode, , oid, size, file] = m as unknown as [string, string, string, string, string, string];
    addToDirs(dirEntries, file, mode === '100644' || mode === '100755' ? 'file' : 'other');
    if (Number(size) > COMMIT_BLOB_LIMIT) files.set(file, Number(size));
    else if (mode !== '120000') blobs.push({ oid, file });
  }
  if (blobs.length > 0) {
    const out = execFileSync('git', ['cat-file', '--batch'], { cwd: repoRoot, input: blobs.map((b) => b.oid).join('\n') + '\n', maxBuffer: 1 << 30 });
    let pos = 0;
    for (const blob of blobs) {
      const nl = out.indexOf(10, pos);
      const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
      files.set(blob.file, out.subarray(nl + 1, nl + 1 + size));
      pos = nl + 1 + size + 1;
    }
  }
  return {
    list(dir) {
      const entries = isOutside(dir) ? undefined : dirEntries.get(toRepo(dir));
      return entries ? [...entries.values()].sort(byName) : undefined;
    },
    read(file, limit) {
      if (isOutside(file)) return { refused: 'outside' };
      const content = files.get(toRepo(file));
      if (content === undefined) return undefined;
      const size = typeof content === 'number' ? content : content.length;
      return typeof content === 'number' || size > limit ? { refused: 'too-large', size, limit } : { bytes: content };
    },
    peek(file, head, tail) {
      const content = isOutside(file) ? undefined : files.get(toRepo(file));
      if (content === undefined || typeof content === 'number') return undefined;
      return { head: content.subarray(0, head), tail: content.subarray(Math.max(0, content.length - tail)), size: content.length };
    },
    isOutside,
  };
}

function addToDirs(dirs: Map<string, Map<string, TreeEntry>>, file: string, kind: TreeEntry['kind']): void {
  const parts = file.split('/');
  for (let i = 0; i < parts.length; i++) {
    const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
    let entries = dirs.get(dir);
    if (!entries) dirs.set(dir, (entries = new Map()));
    if (!entries.has(parts[i]!)) entries.set(parts[i]!, { name: parts[i]!, kind: i === parts.length - 1 ? kind : 'dir' });
  }
}

/** The tree a check reads extra files through: the engine's, or (unit tests) the working tree below cwd. */
export function treeOf(ctx: { cwd: string; tree?: FileTree }): FileTree {
  return ctx.tree ?? workingTree(ctx.cwd, ctx.cwd);
}

/** The file's bytes, its size taken from the open file before anything is read. */
function readLimited(full: string, limit: number): FileRead | undefined {
  return withOpenFile(full, (fd, size): FileRead => {
    if (size > limit) return { refused: 'too-large', size, limit };
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const n = fs.readSync(fd, bytes, filled, size - filled, filled);
      if (n === 0) break; // the file shrank since fstat
      filled += n;
    }
    return { bytes: bytes.subarray(0, filled) };
  });
}

function withOpenFile<T>(full: string, use: (fd: number, size: number) => T): T | undefined {
  let fd: number;
  try {
    fd = fs.openSync(full, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFile() ? use(fd, stat.size) : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** The real path of `p`; for a path that does not exist, its nearest existing ancestor's real path and the rest. */
function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realPath(parent), path.basename(p));
  }
}

function readListing(dir: string, root: string): Map<string, TreeEntry> | undefined {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  return new Map(
    dirents.map((d): [string, TreeEntry] => [
      d.name,
      d.isSymbolicLink() ? symlinkEntry(path.join(dir, d.name), d.name, root) : { name: d.name, kind: d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other' },
    ]),
  );
}

function symlinkEntry(full: string, name: string, root: string): TreeEntry {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(full);
    stat = fs.statSync(target);
  } catch {
    return { name, kind: 'other' };
  }
  if (!isInside(root, target)) return { name, kind: stat.isDirectory() ? 'dir' : 'file', outside: true };
  return { name, kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other' };
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function byName(a: TreeEntry, b: TreeEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
