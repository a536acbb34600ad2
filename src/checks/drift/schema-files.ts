// Finding and resolving the user's schema files the way drizzle-kit 0.31 does: each `schema` entry is a
// file, a folder (its files, not subfolders) or a glob, relative to the working directory; tsconfig
// `paths` aliases apply to imports; errors point at the user's own line.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPathsMatcher, getTsconfig } from 'get-tsconfig';

/** The extensions drizzle-kit accepts for schema files. */
const SCRIPT_FILE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;

export function findSchemaFiles(cwd: string, patterns: string[]): string[] {
  const out = new Set<string>();
  for (const pattern of patterns) {
    for (const match of expand(cwd, pattern)) {
      const stat = fs.statSync(match, { throwIfNoEntry: false });
      if (!stat) continue;
      const files = stat.isDirectory()
        ? fs.readdirSync(match, { withFileTypes: true }).filter((d) => !d.isDirectory()).map((d) => path.join(match, d.name)).sort()
        : [match];
      for (const f of files) if (SCRIPT_FILE.test(f) && !/\.d\.[mc]?ts$/.test(f)) out.add(f);
    }
  }
  return [...out];
}

const MAGIC = /[*?[{]/;

function expand(cwd: string, pattern: string): string[] {
  const abs = path.resolve(cwd, pattern).split(path.sep).join('/');
  if (!MAGIC.test(abs)) return [abs];
  const segments = abs.split('/');
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const root = segments.slice(0, firstMagic).join('/') || '/';
  const rest = globRegExp(segments.slice(firstMagic));
  const found: string[] = [];
  walk(root, '', rest, found, 0);
  return found.sort();
}

/** Depth-first walk; like glob's defaults, dot entries are not matched and node_modules is not entered. */
function walk(dir: string, rel: string, re: RegExp, found: string[], depth: number): void {
  if (depth > 32) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    const child = `${dir === '/' ? '' : dir}/${e.name}`;
    if (re.test(childRel)) found.push(child);
    if (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(child, { throwIfNoEntry: false })?.isDirectory())) {
      walk(child, childRel, re, found, depth + 1);
    }
  }
}

function globRegExp(segments: string[]): RegExp {
  const parts = segments.map((seg) => (seg === '**' ? '(?:[^/]+/)*' : `${segmentSource(seg)}/`));
  // The last part must not end with a slash, and a trailing ** matches everything below.
  const source = parts.join('').replace(/\/$/, '').replace(/\(\?:\[\^\/\]\+\/\)\*$/, '.*');
  return new RegExp(`^${source}$`);
}

function segmentSource(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = seg.indexOf('}', i);
      if (end === -1) out += '\\{';
      else {
        out += `(?:${seg.slice(i + 1, end).split(',').map(segmentSource).join('|')})`;
        i = end;
      }
    } else if (c === '[') {
      const end = seg.indexOf(']', i);
      if (end === -1) out += '\\[';
      else {
        out += `[${seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}

const PROBE = '__drizzle_guard_probe__';

/**
 * tsconfig `paths` as import aliases (prefix patterns like "@/*" and exact names), resolved with the
 * tsconfig's own baseUrl and `extends` chain. Patterns with a wildcard in the middle cannot be aliases
 * and are left to fail with the user's own error.
 */
export function tsconfigAliases(projectDir: string): Record<string, string> {
  let tsconfig: ReturnType<typeof getTsconfig>;
  try {
    tsconfig = getTsconfig(projectDir);
  } catch {
    // An `extends` that cannot be read (a workspace package not installed): drizzle-kit loads the
    // project anyway, and so must we, without aliases.
    return {};
  }
  const matcher = tsconfig && createPathsMatcher(tsconfig);
  if (!tsconfig || !matcher) return {};
  const alias: Record<string, string> = {};
  for (const key of Object.keys(tsconfig.config.compilerOptions?.paths ?? {})) {
    const star = key.indexOf('*');
    if (star === -1) {
      const [target] = matcher(key);
      if (target) alias[key] = target;
    } else if (star === key.length - 1) {
      const prefix = key.slice(0, -1);
      const [target] = matcher(prefix + PROBE);
      if (target?.endsWith(PROBE)) alias[prefix.replace(/\/$/, '')] = target.slice(0, -PROBE.length).replace(/\/$/, '');
    }
  }
  return alias;
}

/**
 * The first stack frame in the user's code: not Node's internals, not a dependency, not this tool.
 */
export function userFrame(stack: string, ownDirs: string[]): { file: string; line: number } | undefined {
  for (const raw of stack.split('\n')) {
    const m = /^\s*at (?:.*?\()?((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^()]*?):(\d+):\d+\)?\s*$/.exec(raw);
    if (!m) continue;
    const file = m[1]!.startsWith('file://') ? decodeURIComponent(new URL(m[1]!).pathname) : m[1]!;
    if (/[\\/]node_modules[\\/]/.test(file)) continue;
    if (ownDirs.some((d) => d && file.startsWith(d + path.sep))) continue;
    return { file, line: Number(m[2]) };
  }
  return undefined;
}
