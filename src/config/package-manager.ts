// The project's package manager, from its lock file (or package.json's "packageManager"), so that
// printed commands work where they are printed: `pnpm drizzle-kit generate`, not always `npx`.

import * as fs from 'node:fs';
import * as path from 'node:path';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

const LOCK_FILES: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** Looks in `dir` and its parents up to `root` (the repository root) inclusive; npm when nothing says. */
export function packageManagerOf(dir: string, root: string | undefined): PackageManager {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const [file, pm] of LOCK_FILES) if (fs.existsSync(path.join(d, file))) return pm;
    const declared = declaredManager(path.join(d, 'package.json'));
    if (declared) return declared;
    if ((root && path.resolve(root) === d) || path.dirname(d) === d) return 'npm';
  }
}

function declaredManager(file: string): PackageManager | undefined {
  try {
    const name = String((JSON.parse(fs.readFileSync(file, 'utf8')) as { packageManager?: unknown }).packageManager ?? '').split('@')[0];
    return (['npm', 'pnpm', 'yarn', 'bun'] as const).find((pm) => pm === name);
  } catch {
    return undefined;
  }
}

/** How to run a package's binary: `npx drizzle-kit`, `pnpm drizzle-kit`, … */
export function runBinary(pm: PackageManager, bin: string): string {
  return `${{ npm: 'npx', pnpm: 'pnpm', yarn: 'yarn', bun: 'bunx' }[pm]} ${bin}`;
}

export function installCommand(pm: PackageManager): string {
  return { npm: 'npm ci', pnpm: 'pnpm install', yarn: 'yarn install', bun: 'bun install' }[pm];
}
