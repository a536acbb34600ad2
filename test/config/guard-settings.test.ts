// .drizzle-guard.json applies to every check's findings, through the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { copyFixture, options } from '../helpers/project.js';

function withSettings(settings: unknown): string {
  const dir = copyFixture('pg-broken'); // file-not-in-journal, journal-when-order, snapshot-chain-fork: all errors
  fs.writeFileSync(path.join(dir, '.drizzle-guard.json'), JSON.stringify(settings));
  return dir;
}

describe('.drizzle-guard.json', () => {
  it('turns rules off and changes severities of integrity findings', async () => {
    const dir = withSettings({ rules: { 'file-not-in-journal': 'off', 'journal-when-order': 'warning' } });
    const report = await runCheck(options(dir));
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['journal-when-order', 'warning'],
      ['snapshot-chain-fork', 'error'],
    ]);
    expect(report.exitCode).toBe(2);
  });

  it('sets failOn when no --fail-on is given; an explicit --fail-on wins', async () => {
    const dir = withSettings({ failOn: 'never' });
    const { failOn: _default, ...withoutFailOn } = options(dir);
    expect((await runCheck(withoutFailOn)).exitCode).toBe(0);
    expect((await runCheck({ ...withoutFailOn, failOn: 'error' })).exitCode).toBe(2);
  });

  it('is a configuration error naming unknown keys and rule ids', async () => {
    const dir = withSettings({ rule: {}, rules: { 'no-such-rule': 'off' } });
    const report = await runCheck(options(dir));
    expect(report.exitCode).toBe(4);
    expect(report.findings[0]).toMatchObject({ ruleId: 'config-error', file: '.drizzle-guard.json' });
    expect(report.findings[0]!.message).toContain('unknown key "rule"');
    expect(report.findings[0]!.message).toContain('unknown rule id "no-such-rule"');
  });
});
