// The bundled CLI's peak memory on a one-migration pull request, on whatever Node runs the suite (CI: Node 24).
// On Node 24 one parse once made V8 compile libpg_query's parser with its optimizing tier: ~600 MB and
// seconds of waiting at exit for a check that parsed four statements. The bound is generous (the run
// needs ~90 MB); it catches that class of regression, not small growth.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSampled } from '../../scripts/bench/peak-rss.mjs';
import { prRepository } from '../../scripts/bench/pr-repo.mjs';
import { CLI, FIXTURES } from '../helpers/project.js';

const PEAK_RSS_LIMIT_MB = 200;

describe.runIf(process.platform === 'linux')('peak memory of a pull-request check (bundled CLI)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it(`stays under ${PEAK_RSS_LIMIT_MB} MB with the lint on and --base`, async () => {
    // lint-pg's history minus its last migration at the base; the working tree adds 0002 back.
    const pr = prRepository(path.join(FIXTURES, 'lint-pg'), 'drizzle');
    dirs.push(pr.dir);
    const run = await runSampled(process.execPath, [CLI, 'check', '--out', 'drizzle', '--dialect', 'postgresql', '--no-drift', '--no-replay', '--base', 'HEAD', '--format', 'json'], { cwd: pr.dir });

    // 0002 renames a column (warning), uses the enum value it adds in the same transaction (error, exit 5),
    // and carries an ignore comment for a rule that does not fire on the next statement (warning).
    expect(run.code).toBe(5);
    const findings = JSON.parse(run.stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}@${f.line}`).sort();
    expect(findings).toEqual(['enum-value-used-in-same-transaction@6', 'rename-column@3', 'unused-ignore@5']);
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB);
  });
});
