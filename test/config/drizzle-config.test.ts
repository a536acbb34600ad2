import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, discoverConfigs, loadDrizzleConfig } from '../../src/config/drizzle-config.js';
import { runCheck } from '../../src/engine.js';
import { options } from '../helpers/project.js';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-config-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('drizzle config', () => {
  it('loads a TypeScript config with defineConfig, imports and types, like drizzle-kit', async () => {
    const dir = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nimport { out } from './paths';\nconst casing: 'snake_case' = 'snake_case';\nexport default defineConfig({ dialect: 'postgresql', schema: ['./a.ts', './b/*.ts'], out, casing, breakpoints: false, migrations: { table: 'm', schema: 'public', prefix: 'timestamp' } });\n`,
      'paths.ts': `export const out: string = './db/migrations';\n`,
    });
    const config = await loadDrizzleConfig(dir, 'drizzle.config.ts', {}, true);
    expect(config).toEqual({
      file: 'drizzle.config.ts',
      dialect: 'postgresql',
      out: 'db/migrations',
      schema: ['./a.ts', './b/*.ts'],
      casing: 'snake_case',
      breakpoints: false,
      migrations: { table: 'm', schema: 'public', prefix: 'timestamp' },
    });
  });

  it.each([
    ['drizzle.config.mjs', `export default { dialect: 'mysql' };`, 'mysql'],
    ['drizzle.config.cjs', `module.exports = { dialect: 'sqlite' };`, 'sqlite'],
    ['drizzle.config.mts', `export default { dialect: 'turso' as const };`, 'turso'],
    // "pg" is drizzle-kit 0.20's name for PostgreSQL, which drizzle-kit 0.31 calls "postgresql".
    ['drizzle.config.json', `{ "dialect": "pg" }`, 'postgresql'],
  ])('finds and loads %s with drizzle-kit defaults', async (name, text, dialect) => {
    const dir = project({ [name]: text });
    expect(discoverConfigs(dir, [], {})).toEqual([name]);
    const config = await loadDrizzleConfig(dir, name, {}, true);
    expect(config.out).toBe('drizzle');
    expect(config.migrations).toEqual({ table: '__drizzle_migrations', schema: 'drizzle', prefix: 'index' });
    expect(config.dialect).toBe(dialect);
  });

  it('lets --out and --dialect override the config', async () => {
    const dir = project({ 'drizzle.config.json': `{ "dialect": "mysql", "out": "a" }` });
    expect(await loadDrizzleConfig(dir, 'drizzle.config.json', { out: 'b', dialect: 'sqlite' }, true)).toMatchObject({ out: 'b', dialect: 'sqlite' });
  });

  it('reports a config that throws, a missing dialect and an unsupported one as configuration errors (exit 4)', async () => {
    const cases = {
      'drizzle.config.ts': `throw new Error('DATABASE_URL is not set');`,
      'b.config.json': `{ "out": "x" }`,
      'c.config.json': `{ "dialect": "oracle" }`,
      'd.config.ts': `import { x } from 'not-installed-anywhere';\nexport default { dialect: 'postgresql', x };`,
    };
    const dir = project(cases);
    const messages: string[] = [];
    for (const file of Object.keys(cases)) {
      const report = await runCheck(options(dir, { configs: [file] }));
      expect(report.exitCode).toBe(4);
      messages.push(report.findings[0]!.message);
    }
    expect(messages[0]).toContain('DATABASE_URL is not set');
    expect(messages[1]).toContain('no "dialect"');
    expect(messages[2]).toContain('unsupported dialect "oracle"');
    expect(messages[3]).toContain('imports not-installed-anywhere, which is not installed (run npm ci before this step)');
  });

  it('explains what to do when there is no config at all', () => {
    expect(() => discoverConfigs(project({}), [], {})).toThrow(ConfigError);
    expect(() => discoverConfigs(project({}), [], {})).toThrow(/pass --config FILE, or --out DIR and --dialect/);
  });

  it('does not execute a TypeScript config when code execution is not allowed', async () => {
    const dir = project({ 'drizzle.config.ts': `require('fs').writeFileSync('ran', '1'); export default { dialect: 'postgresql' };` });
    // Read as text: the literal dialect is taken, the code is not run.
    expect(await loadDrizzleConfig(dir, 'drizzle.config.ts', {}, false)).toMatchObject({ dialect: 'postgresql', out: 'drizzle' });
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false);
    const computed = project({ 'drizzle.config.ts': `require('fs').writeFileSync('ran', '1'); export default { dialect: process.env.D };` });
    await expect(loadDrizzleConfig(computed, 'drizzle.config.ts', {}, false)).rejects.toThrow(/untrusted here.*pass --dialect/);
    expect(fs.existsSync(path.join(computed, 'ran'))).toBe(false);
    expect(await loadDrizzleConfig(computed, 'drizzle.config.ts', { out: 'drizzle', dialect: 'mysql' }, false)).toMatchObject({ dialect: 'mysql' });
  });
});
