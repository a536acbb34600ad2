// The bundled CLI loading configs that real projects write (issue 10) and configs written to break it
// (issue 14): the config runs in the bounded worker process, its output never reaches a JSON stdout,
// nothing is left in the temp folder, and our secrets are not in its environment.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyFixture, ROOT } from '../helpers/project.js';

/** pg-clean (real drizzle-kit output) with its config replaced by `config` and extra files. */
function project(config: string, files: Record<string, string> = {}): string {
  const dir = copyFixture('pg-clean');
  fs.writeFileSync(path.join(dir, 'drizzle.config.ts'), config);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function cli(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', dir, '--no-drift', '--no-replay', '--format', 'json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const PG_CONFIG = `export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' };\n`;

describe('loading configs as drizzle-kit does (bundled CLI)', () => {
  it('loads import.meta.url, .dirname and .filename in the config and in an imported .mts module (srcbook)', () => {
    const dir = project(
      `import { folder } from './lib/paths.mts';\n` +
        `const same = import.meta.dirname === folder.replace(/\\/lib$/, '') && import.meta.filename.endsWith('drizzle.config.ts');\n` +
        `if (!same) throw new Error('import.meta is wrong');\n` +
        PG_CONFIG,
      { 'lib/paths.mts': `import path from 'node:path';\nimport { fileURLToPath } from 'node:url';\nexport const folder = path.dirname(fileURLToPath(import.meta.url));\n` },
    );
    const r = cli(dir);
    expect(r.stderr).not.toMatch(/import\.meta|data:text/);
    expect(JSON.parse(r.stdout)).toMatchObject({ exitCode: 0, categories: { config: 'pass' } });
  });

  it('loads a config with top-level await (drizzle-kit 1.x imports configs as modules)', () => {
    const dir = project(`const dialect = await Promise.resolve('postgresql' as const);\nexport default { dialect, schema: './schema.ts', out: './drizzle' };\n`);
    expect(JSON.parse(cli(dir).stdout)).toMatchObject({ exitCode: 0, categories: { config: 'pass' } });
  });

  it('loads a workspace package linked into node_modules that ships only TypeScript sources (pnpm and yarn layouts)', () => {
    const dir = project(`import { Dialect } from '@acme/db-settings';\nexport default { dialect: Dialect.Pg, schema: './schema.ts', out: './drizzle' };\n`, {
      'packages/db-settings/package.json': JSON.stringify({ name: '@acme/db-settings', main: 'src/index.ts' }),
      'packages/db-settings/src/index.ts': `export enum Dialect { Pg = 'postgresql' }\n`,
    });
    fs.mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'packages/db-settings'), path.join(dir, 'node_modules/@acme/db-settings'), 'dir');
    expect(JSON.parse(cli(dir).stdout)).toMatchObject({ exitCode: 0, categories: { config: 'pass' } });
  });

  it('keeps what the config prints off a JSON stdout (dotenv 17 prints on every config() call)', () => {
    const dir = project(`console.log('[dotenv@17.2.0] injecting env (0) from .env');\nconsole.info('more noise');\n${PG_CONFIG}`);
    const r = cli(dir);
    expect(JSON.parse(r.stdout)).toMatchObject({ tool: 'drizzle-guard', exitCode: 0 });
    expect(r.stderr).toContain('[dotenv@17.2.0] injecting env (0) from .env');
  });

  it('names the file and line of a config that throws, without the machine’s absolute paths', () => {
    const dir = project(`import { out } from './settings';\nexport default { dialect: 'postgresql', out };\n`, {
      'settings.ts': `// settings\n\nthrow new Error('DATABASE_URL is not set');\nexport const out = './drizzle';\n`,
    });
    const report = JSON.parse(cli(dir).stdout);
    expect(report.exitCode).toBe(4);
    const message: string = report.findings[0].message;
    expect(message).toContain('settings.ts:3');
    expect(message).toContain('DATABASE_URL is not set');
    expect(message).not.toContain(dir);
    // Nothing is missing, so no install advice.
    expect(message).not.toMatch(/npm ci|install/);
  });

  it('names a package that is really missing, with the install command of the project’s package manager', () => {
    const dir = project(`import 'not-installed-anywhere/config';\n${PG_CONFIG}`, { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" });
    const message: string = JSON.parse(cli(dir).stdout).findings[0].message;
    expect(message).toContain('imports not-installed-anywhere, which is not installed');
    expect(message).toContain('pnpm install');
    expect(message).not.toContain(dir);
  });
});

describe('user code that never answers (bundled CLI)', () => {
  const limits = { DRIZZLE_GUARD_CONFIG_TIMEOUT_MS: '3000', DRIZZLE_GUARD_WORKER_MEMORY_MB: '96' };
  it.each([
    ['never settles', `await new Promise(() => {});\n${PG_CONFIG}`],
    ['exits with 0', `process.exit(0);\n${PG_CONFIG}`],
    ['loops forever', `while (true) {}\n${PG_CONFIG}`],
    ['exhausts memory', `const hoard: unknown[] = [];\nwhile (true) hoard.push(new Array(1e5).fill(Math.random()));\n${PG_CONFIG}`],
  ])('a config that %s is a config-error (exit 4) with a report, within the limit', (_, config) => {
    const r = cli(project(config), [], limits);
    // Never exit 0, and never without the report: one JSON document on stdout.
    expect(r.code).toBe(4);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ exitCode: 4, categories: { config: 'fail' } });
    expect(report.findings[0]).toMatchObject({ ruleId: 'config-error', file: 'drizzle.config.ts' });
    // 3 s limit plus process start-up on a loaded machine.
    expect(r.ms).toBeLessThan(60_000);
  });
});

describe('the worker process (bundled CLI)', () => {
  it('does not see the action inputs, GitHub tokens or our database URL', () => {
    const url = 'postgres://u:secret@127.0.0.1:1/x';
    const probe = `console.log('ENV ' + JSON.stringify(['INPUT_GITHUB-TOKEN', 'GITHUB_TOKEN', 'DRIZZLE_GUARD_DATABASE_URL', 'APP_DB', 'KEEP_ME'].map((k) => k in process.env)));\n`;
    const r = cli(project(probe + PG_CONFIG), [], {
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      GITHUB_TOKEN: 'ghs_y',
      DRIZZLE_GUARD_DATABASE_URL: url,
      // The same URL under the project's own name is ours too once we were given it.
      APP_DB: url,
      KEEP_ME: '1',
    });
    expect(r.stderr).toContain('ENV [false,false,false,false,true]');
  });

  it('leaves nothing in the temp folder, also when the worker is killed', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-tmpdir-'));
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    // Drift too: the schema worker loads TypeScript as well.
    const driftProject = copyFixture('drift-pg');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(driftProject, 'node_modules'), 'dir');
    const ok = spawnSync(process.execPath, [CLI, 'check', '--cwd', driftProject, '--no-replay', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(JSON.parse(ok.stdout).categories.drift).not.toBe('skipped');
    cli(project(`while (true) {}\n${PG_CONFIG}`), [], { ...env, DRIZZLE_GUARD_CONFIG_TIMEOUT_MS: '2000' });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
