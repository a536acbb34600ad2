// The bundled CLI on a migration that never ends: the replay is stopped at --replay-timeout, the report is
// complete, replay has its own category, and the verdict names it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { CLI, ROOT } from '../helpers/project.js';

describe('replay through the bundled CLI', () => {
  it('ends an endless DO loop with replay-timeout (exit 2) within the limit, and reports everything else', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dg-replay-')), 'report.json');
    // fixtures/replay-timeout: 0001_spin.sql line 2 loops forever. No base: --replay replays the whole history.
    const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', 'fixtures/replay-timeout', '--replay', '--replay-timeout', '2', '--no-drift', '--format', 'json', '--output', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    expect(report.categories).toMatchObject({ integrity: 'pass', replay: 'fail' });
    expect(report.findings.filter((f) => f.category === 'replay')).toEqual([
      expect.objectContaining({ ruleId: 'replay-timeout', severity: 'error', file: 'drizzle/0001_spin.sql', line: 2 }),
    ]);
    // The lint ran too and its report is there (the DO block is not something it reads: no finding, but a pass).
    expect(report.categories.safety).toBe('pass');
    expect(r.stdout).toContain('replay fail');
    expect(r.stdout).toContain('exit 2 (a migration fails on PostgreSQL)');
    expect(renderMarkdown(report)).toContain('drizzle-guard failed: a migration fails on PostgreSQL');
    // Stopped at the 2 s limit, not at the 60 s default.
    const ran = Number(/after the running step had run ([\d.]+) s/.exec(report.notes.join('\n'))?.[1]);
    expect(ran).toBeGreaterThanOrEqual(2);
    expect(ran).toBeLessThan(10);
  }, 150_000);

  it('rejects a --replay-timeout that is not a positive number of seconds (exit 4)', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', 'fixtures/replay-timeout', '--replay-timeout', '0'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('--replay-timeout must be a number of seconds greater than 0; got "0"');
  });
});
