// File trees the model is read from: the working tree (the base commit is read by model/base.ts).
// The only module of the model that reads the working tree from disk.

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
