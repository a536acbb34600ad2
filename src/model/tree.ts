// The file-access layer of the model: the migration folder is read only through a FileTree. Nothing that
// resolves outside the repository is read (the folder itself, `meta`, any file: through a symlink, `..` or an
// absolute path), and a file larger than the caller's limit is not read (its size is taken first).

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
