// The drift tests run the worker compiled once per test file (esbuild, installed with drizzle-kit),
// instead of through the TypeScript loader in every forked process (~1 s each). The compiled file sits
// under node_modules/.cache so that its package imports resolve from the project's node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ROOT } from '../helpers/project.js';

export async function useCompiledWorker(): Promise<() => void> {
  const { build } = await import('esbuild');
  const cache = path.join(ROOT, 'node_modules/.cache'); // absent after a fresh npm ci
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'drift-worker-'));
  const outfile = path.join(dir, 'drift-worker.mjs');
  await build({ entryPoints: [path.join(ROOT, 'src/drift-worker.ts')], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  process.env.DRIZZLE_GUARD_DRIFT_WORKER = outfile;
  return () => {
    delete process.env.DRIZZLE_GUARD_DRIFT_WORKER;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * For the enclosing suite: the compiled worker, and a list of temporary folders (push to it) removed after
 * each test.
 */
export function compiledWorkerSuite(): string[] {
  let dropWorker: () => void;
  beforeAll(async () => {
    dropWorker = await useCompiledWorker();
  });
  afterAll(() => dropWorker());
  const temp: string[] = [];
  afterEach(() => {
    for (const dir of temp.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return temp;
}
