// File trees the model is read from: the working tree, or a commit of the git repository.
// The only module of the model that touches the disk or git.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TreeEntry {
  name: string;
  kind: 'file' | 'dir' | 'other';
  /** Set when the entry is a symlink leading outside the repository: it is not followed. */
  outside?: true;
}

export interface FileTree {
  /** Directory entries sorted by name, or undefined when the directory does not exist. Paths are relative to cwd. */
  list(dir: string): TreeEntry[] | undefined;
  /** Whole file, or undefined when absent. */
  read(file: string): Buffer | undefined;
  /** First `head` and last `tail` bytes plus the size: enough to validate a large snapshot cheaply. */
  peek(file: string, head: number, tail: number): { head: Buffer; tail: Buffer; size: number } | undefined;
}

/** The working tree below `cwd`. Symlinks whose target lies outside `repoRoot` are reported, never followed. */
export function workingTree(cwd: string, repoRoot: string): FileTree {
  const root = fs.realpathSync(repoRoot);
  const abs = (p: string) => path.resolve(cwd, p);
  // Listings are cached: reads consult them instead of calling realpath for every file.
  const listings = new Map<string, Map<string, TreeEntry> | undefined>();
  const listing = (dir: string) => {
    const key = abs(dir);
    if (!listings.has(key)) listings.set(key, readListing(key, root));
    return listings.get(key);
  };
  /** The file's absolute path when it is a readable file that does not lead outside the repository. */
  const readable = (file: string) => {
    const entry = listing(path.dirname(file))?.get(path.basename(file));
    return entry && entry.kind === 'file' && !entry.outside ? abs(file) : undefined;
  };
  return {
    list(dir) {
      const entries = listing(dir);
      return entries && [...entries.values()].sort(byName);
    },
    read(file) {
      const full = readable(file);
      try {
        return full === undefined ? undefined : fs.readFileSync(full);
      } catch {
        return undefined;
      }
    },
    peek(file, head, tail) {
      const full = readable(file);
      if (full === undefined) return undefined;
      let fd: number;
      try {
        fd = fs.openSync(full, 'r');
      } catch {
        return undefined;
      }
      try {
        const size = fs.fstatSync(fd).size;
        const h = Buffer.alloc(Math.min(head, size));
        fs.readSync(fd, h, 0, h.length, 0);
        const t = Buffer.alloc(Math.min(tail, size));
        fs.readSync(fd, t, 0, t.length, size - t.length);
        return { head: h, tail: t, size };
      } finally {
        fs.closeSync(fd);
      }
    },
  };
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
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function byName(a: TreeEntry, b: TreeEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The tree of `commit` below `prefix` (cwd relative to the repository root), read with two git
 * processes: one `ls-tree` and one `cat-file --batch` for every blob under `dirs`.
 */
export function gitTree(repoRoot: string, commit: string, prefix: string, dirs: string[]): FileTree {
  const files = new Map<string, Buffer>();
  const dirEntries = new Map<string, Map<string, TreeEntry>>();
  const toRepo = (p: string) => path.posix.normalize(path.posix.join(prefix, p)).replace(/^\.\/?/, '');
  const repoDirs = dirs.map((d) => toRepo(d).replace(/\/$/, ''));
  const listing = execFileSync('git', ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...repoDirs], {
    cwd: repoRoot,
    maxBuffer: 1 << 30,
  }).toString('utf8');
  const blobs: { oid: string; file: string }[] = [];
  for (const record of listing.split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (!m || m[2] !== 'blob') continue;
    blobs.push({ oid: m[3]!, file: m[4]! });
    addToDirs(dirEntries, m[4]!);
  }
  if (blobs.length > 0) {
    const out = execFileSync('git', ['cat-file', '--batch'], {
      cwd: repoRoot,
      input: blobs.map((b) => b.oid).join('\n') + '\n',
      maxBuffer: 1 << 30,
    });
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
      const entries = dirEntries.get(toRepo(dir));
      return entries ? [...entries.values()].sort(byName) : undefined;
    },
    read(file) {
      return files.get(toRepo(file));
    },
    peek(file, head, tail) {
      const buf = files.get(toRepo(file));
      if (!buf) return undefined;
      return { head: buf.subarray(0, head), tail: buf.subarray(Math.max(0, buf.length - tail)), size: buf.length };
    },
  };
}

function addToDirs(dirs: Map<string, Map<string, TreeEntry>>, file: string): void {
  const parts = file.split('/');
  for (let i = 0; i < parts.length; i++) {
    const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
    let entries = dirs.get(dir);
    if (!entries) dirs.set(dir, (entries = new Map()));
    const kind = i === parts.length - 1 ? 'file' : 'dir';
    if (!entries.has(parts[i]!)) entries.set(parts[i]!, { name: parts[i]!, kind });
  }
}
