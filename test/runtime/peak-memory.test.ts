// The bundled CLI's peak memory on a one-migration pull request, on whatever Node runs the suite (CI: Node 24).
// On Node 24 one parse once made V8 compile libpg_query's parser with its optimizing tier: ~600 MB and
// seconds of waiting at exit for a check that parsed four statements. The bound is generous (the run
// needs ~90 MB); it catches that class of regression, not small growth.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, commitAll, copyFixture, readJson, writeJson } from '../helpers/project.js';

const PEAK_RSS_LIMIT_MB = 200;

/** Runs a command and samples its peak resident set (VmHWM, Linux) until it exits. */
function runSampled(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => (stdout += d));
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The process has gone between two samples.
      }
    };
    const timer = setInterval(sample, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, peakMb: peakKb / 1024 });
    });
  });
}

describe.runIf(process.platform === 'linux')('peak memory of a pull-request check (bundled CLI)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it(`stays under ${PEAK_RSS_LIMIT_MB} MB with the lint on and --base`, async () => {
    // lint-pg's history minus its last migration at the base; the working tree adds 0002 back.
    const dir = copyFixture('lint-pg');
    dirs.push(dir);
    const out = path.join(dir, 'drizzle');
    const keep = new Map(['0002_rename_and_enum.sql', 'meta/0002_snapshot.json', 'meta/_journal.json'].map((f) => [f, fs.readFileSync(path.join(out, f))]));
    const journal = readJson(path.join(out, 'meta/_journal.json'));
    fs.rmSync(path.join(out, '0002_rename_and_enum.sql'));
    fs.rmSync(path.join(out, 'meta/0002_snapshot.json'));
    writeJson(path.join(out, 'meta/_journal.json'), { ...journal, entries: journal.entries.slice(0, -1) });
    commitAll(dir);
    for (const [file, content] of keep) fs.writeFileSync(path.join(out, file), content);

    const run = await runSampled([CLI, 'check', '--out', 'drizzle', '--dialect', 'postgresql', '--no-drift', '--no-replay', '--base', 'HEAD', '--format', 'json'], dir);

    // 0002 renames a column (warning), uses the enum value it adds in the same transaction (error, exit 5),
    // and carries an ignore comment for a rule that does not fire on the next statement (warning).
    expect(run.code).toBe(5);
    const findings = JSON.parse(run.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}@${f.line}`).sort();
    expect(findings).toEqual(['enum-value-used-in-same-transaction@6', 'rename-column@3', 'unused-ignore@5']);
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB);
  });
});
