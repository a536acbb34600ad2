// The bundled CLI as a user runs it: a child process on real fixtures.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, commitAll, copyFixture, git, ROOT } from '../helpers/project.js';

function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: undefined, ...opts.env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStackTrace = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('drizzle-guard CLI (bundled)', () => {
  it('documents every flag in --help', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--cwd', '--config', '--out', '--dialect', '--base', '--format', '--output', '--fail-on', '--no-drift', '--no-lint', '--no-replay', '--replay', '--replay-timeout', '--database-url']) {
      expect(stdout).toContain(flag);
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(cli(['--version']).stdout.trim()).toBe(version);
  });

  it('rejects unknown flags and values with exit 4 and one line', () => {
    for (const args of [['check', '--frobnicate'], ['check', '--format', 'xml'], ['lint'], []]) {
      const r = cli(args);
      expect(r.code).toBe(4);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(r.stderr);
    }
  });

  it('writes the JSON contract', () => {
    const r = cli(['check', '--cwd', 'fixtures/pg-broken', '--no-drift', '--no-lint', '--no-replay', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ tool: 'drizzle-guard', exitCode: 2, categories: { config: 'pass', integrity: 'fail', drift: 'skipped', safety: 'skipped' } });
    expect(Object.keys(report.categories).sort()).toEqual(['config', 'drift', 'integrity', 'pending', 'replay', 'safety']);
    expect(report.migrations).toEqual([
      { tag: '0000_init', file: 'drizzle/0000_init.sql', new: false, statements: 5 },
      { tag: '0001_add_due_date', file: 'drizzle/0001_add_due_date.sql', new: false, statements: 1 },
    ]);
    const stray = report.findings.find((f: { ruleId: string }) => f.ruleId === 'file-not-in-journal');
    expect(stray).toEqual({
      ruleId: 'file-not-in-journal',
      category: 'integrity',
      severity: 'error',
      message: expect.any(String),
      file: 'drizzle/0001_other_branch.sql',
      line: 1,
      column: 1,
      migration: '0001_other_branch',
      help: expect.stringContaining('drizzle-kit generate'),
    });
  });

  it('groups text output by file as path:line:col  severity  rule-id  message, without colour off a TTY', () => {
    const r = cli(['check', '--cwd', 'fixtures/pg-broken', '--no-drift', '--no-lint', '--no-replay']);
    expect(r.stdout).toContain('drizzle/0001_other_branch.sql:1:1  error    file-not-in-journal  not in meta/_journal.json');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/3 finding\(s\): 3 error\(s\), 0 warning\(s\), 0 info in 2 migration\(s\)/);
  });

  it('counts only findings at or above --fail-on', () => {
    const dir = copyFixture('pg-clean');
    fs.rmSync(path.join(dir, 'drizzle/meta/0001_snapshot.json')); // two warnings, no error
    const base = ['check', '--cwd', dir, '--no-drift', '--no-lint', '--no-replay'];
    expect(cli(base).code).toBe(0);
    expect(cli([...base, '--fail-on', 'warning']).code).toBe(2);
    expect(cli([...base, '--fail-on', 'never']).code).toBe(0);
  });

  it('names the folder it tried when out does not exist', () => {
    const r = cli(['check', '--out', 'no/such/folder', '--dialect', 'postgresql', '--format', 'json'], { cwd: copyFixture('pg-clean') });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).findings[0].message).toMatch(/migrations folder not found: .*no\/such\/folder/);
  });

  it('reports a malformed journal as a finding, not a stack trace', () => {
    const dir = copyFixture('pg-clean');
    fs.writeFileSync(path.join(dir, 'drizzle/meta/_journal.json'), '{"version": "7", "entries": [');
    const r = cli(['check', '--cwd', dir, '--no-drift', '--no-lint', '--no-replay']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('journal-invalid');
    noStackTrace(r.stdout + r.stderr);
  });

  it('checks each of several configs separately', () => {
    const dir = copyFixture('pg-clean');
    fs.cpSync(path.join(ROOT, 'fixtures/sqlite-clean/drizzle'), path.join(dir, 'sqlite'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sqlite.config.json'), JSON.stringify({ dialect: 'sqlite', out: 'sqlite' }));
    const r = cli(['check', '--cwd', dir, '--config', 'drizzle.config.ts', '--config', 'sqlite.config.json', '--no-drift', '--no-lint', '--no-replay', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(report.configs.map((c: { config: string; dialect: string; migrations: unknown[] }) => [c.config, c.dialect, c.migrations.length])).toEqual([
      ['drizzle.config.ts', 'postgresql', 3],
      ['sqlite.config.json', 'sqlite', 2],
    ]);
  });

  it('writes nothing into the checked repository unless --output asks', () => {
    const dir = copyFixture('pg-clean');
    commitAll(dir);
    cli(['check', '--cwd', dir, '--no-replay', '--format', 'json']);
    expect(git(dir, 'status', '--porcelain', '--ignored')).toBe('');
    const r = cli(['check', '--cwd', dir, '--no-drift', '--no-lint', '--no-replay', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).tool).toBe('drizzle-guard');
  });

  it('runs drift in the bundled worker: the SQL drizzle-kit would generate, exit 1', () => {
    const dir = copyFixture('drift-pg');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const schema = path.join(dir, 'schema.ts');
    fs.writeFileSync(schema, fs.readFileSync(schema, 'utf8').replace("label: text('label').notNull(),", "label: text('label').notNull(),\n  note: text('note'),"));
    const r = cli(['check', '--cwd', dir, '--no-replay', '--no-lint', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.categories.drift).toBe('fail');
    const drift = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema-drift');
    expect(drift).toHaveLength(1);
    // A new nullable text column on an existing table: the one statement drizzle-kit generate writes.
    expect(drift[0].sql.trim()).toBe('ALTER TABLE "tasks" ADD COLUMN "note" text;');
  });

  it('runs from a checkout with no node_modules', () => {
    const dir = copyFixture('pg-clean');
    const dist = fs.mkdtempSync(path.join(path.dirname(dir), 'dg-dist-'));
    fs.cpSync(path.join(ROOT, 'dist'), dist, { recursive: true });
    const out = execFileSync(process.execPath, [path.join(dist, 'cli/index.js'), 'check', '--cwd', dir, '--no-drift', '--no-replay'], { encoding: 'utf8' });
    expect(out).toContain('✔ 0 finding(s)');
  });
});
