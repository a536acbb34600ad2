// .drizzle-guard.json applies to every check's findings, through the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine.js';
import { commitAll, copyFixture, options, readJson, writeJson } from '../helpers/project.js';

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

describe('.drizzle-guard.json with the traced replay', () => {
  /** replay-trace with 0001–0003 new: the base commit's journal ends at 0000_init. */
  function tracedProject(rules: Record<string, string>): string {
    const dir = copyFixture('replay-trace');
    const folder = path.join(dir, 'drizzle');
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = readJson(journalFile);
    const newFiles = ['0001_evolve.sql', '0002_legacy_fk.sql', '0003_dynamic_index.sql'].map((f) => path.join(folder, f));
    const kept = [journalFile, ...newFiles].map((f) => fs.readFileSync(f));
    newFiles.forEach((f) => fs.rmSync(f));
    writeJson(journalFile, { ...journal, entries: journal.entries.slice(0, 1) });
    commitAll(dir);
    [journalFile, ...newFiles].forEach((f, i) => fs.writeFileSync(f, kept[i]!));
    fs.writeFileSync(path.join(dir, '.drizzle-guard.json'), JSON.stringify({ rules }));
    return dir;
  }

  it('keeps a severity the trace lowered, and applies the settings to the findings the trace adds', async () => {
    // 0001 line 7 (timestamp → timestamptz) does not rewrite under TimeZone UTC: the trace lowers the lint's
    // finding to info, whatever severity the settings gave the rule. 0003 line 3 builds an index inside a DO
    // block: the trace adds traced-blocking-statement, which the settings make an error.
    const dir = tracedProject({ 'alter-column-type': 'error', 'traced-blocking-statement': 'error' });
    const report = await runCheck(options(dir, { lint: true, replay: true, replaySeed: true, base: 'HEAD' }));
    const at = (file: string, line: number) => report.findings.filter((f) => f.file === `drizzle/${file}.sql` && f.line === line).map((f) => [f.ruleId, f.severity]);
    expect(at('0001_evolve', 7)).toEqual([['alter-column-type', 'info']]);
    expect(at('0003_dynamic_index', 3)).toEqual([['traced-blocking-statement', 'error']]);
  }, 240_000);

  it('turns off a rule the trace would add', async () => {
    const dir = tracedProject({ 'traced-blocking-statement': 'off' });
    const report = await runCheck(options(dir, { lint: true, replay: true, replaySeed: true, base: 'HEAD' }));
    expect(report.findings.filter((f) => f.ruleId === 'traced-blocking-statement')).toEqual([]);
  }, 240_000);
});
