// A check that throws something other than a configuration error is a bug in drizzle-guard: the run goes on
// with the other checks and reports it as check-crashed (a configuration-category error, exit 4), never a
// stack trace. No real input is known to crash a check (the corruption sweep looks for one), so a check that
// throws is added to the engine's registry for this test only.
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/registry.js';
import type { Check } from '../../src/checks/types.js';
import { runCheck } from '../../src/engine.js';
import { FIXTURES, options } from '../helpers/project.js';

const crashing: Check = {
  name: 'crashing',
  categories: ['integrity'],
  run() {
    throw new TypeError("Cannot read properties of undefined (reading 'tag')");
  },
};

afterEach(() => {
  const i = checks.indexOf(crashing);
  if (i >= 0) checks.splice(i, 1);
});

describe('check-crashed', () => {
  it('reports a check that threw, fails its category, keeps the other checks\' results, and exits 4', async () => {
    checks.push(crashing);
    const report = await runCheck(options(path.join(FIXTURES, 'pg-clean')));
    // pg-clean has no finding of its own: the crash is the only one.
    expect(report.findings).toEqual([
      {
        ruleId: 'check-crashed',
        category: 'config',
        severity: 'error',
        message: "crashing check failed unexpectedly: Cannot read properties of undefined (reading 'tag')",
        help: expect.stringContaining('report the message'),
      },
    ]);
    expect(report.exitCode).toBe(4);
    // The crashed check covered integrity: a category whose check did not finish is never read as a pass
    // (issue 14); the other checks' categories keep their own results.
    expect(report.categories).toMatchObject({ config: 'fail', integrity: 'fail', drift: 'skipped', safety: 'skipped' });
  });
});
