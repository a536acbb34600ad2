import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { applyRuleSettings, isIgnoredPath, knownRuleIds, loadGuardConfig, validateGuardConfig } from '../../src/config/guard-config.js';
import type { Finding } from '../../src/findings.js';
import { SAFETY_RULE_METAS } from '../../src/checks/safety/rules/index.js';

const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../schema/drizzle-guard.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

function dir(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-config-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(d, name), text);
  return d;
}

describe('loadGuardConfig', () => {
  test('defaults when there is no settings file', () => {
    expect(loadGuardConfig(dir({}))).toEqual({ rules: {}, postgresVersion: 14, ignore: [] });
    expect(loadGuardConfig(dir({ 'package.json': '{"name":"x"}' }))).toEqual({ rules: {}, postgresVersion: 14, ignore: [] });
  });
  test('reads .drizzle-guard.json, and it wins over package.json', () => {
    const d = dir({
      '.drizzle-guard.json': JSON.stringify({ rules: { 'drop-column': 'warning', 'create-index-blocking': 'off' }, postgresVersion: 10, ignore: ['drizzle/0000_*.sql'], failOn: 'warning' }),
      'package.json': JSON.stringify({ 'drizzle-guard': { postgresVersion: 16 } }),
    });
    expect(loadGuardConfig(d)).toEqual({
      file: '.drizzle-guard.json',
      rules: { 'drop-column': 'warning', 'create-index-blocking': 'off' },
      postgresVersion: 10,
      ignore: ['drizzle/0000_*.sql'],
      failOn: 'warning',
    });
  });
  test('reads the drizzle-guard key of package.json', () => {
    expect(loadGuardConfig(dir({ 'package.json': JSON.stringify({ 'drizzle-guard': { postgresVersion: 16 } }) }))).toMatchObject({ file: 'package.json', postgresVersion: 16 });
  });
  test('unknown keys and rule ids are errors naming each of them', () => {
    const r = loadGuardConfig(dir({ '.drizzle-guard.json': JSON.stringify({ rule: {}, rules: { 'drop-colum': 'off', 'ban-drop-table': 'error', 'drop-table': 'loud' } }) }));
    expect(r).toEqual({
      file: '.drizzle-guard.json',
      error:
        '.drizzle-guard.json: unknown key "rule" (allowed: $schema, rules, postgresVersion, ignore, failOn); unknown rule ids "drop-colum", "ban-drop-table" in "rules"; "rules"."drop-table" must be one of "off", "info", "warning", "error"',
    });
  });
  test('invalid JSON is an error, never a crash', () => {
    const r = loadGuardConfig(dir({ '.drizzle-guard.json': '{ "rules": ' }));
    expect('error' in r && r.error).toMatch(/^\.drizzle-guard\.json: invalid JSON: /);
    const p = loadGuardConfig(dir({ 'package.json': JSON.stringify({ 'drizzle-guard': { postgresVersion: 'latest' } }) }));
    expect(p).toEqual({ file: 'package.json', error: 'package.json#drizzle-guard: "postgresVersion" must be a major version number from 9 to 18' });
  });
});

describe('the published JSON schema', () => {
  test('names exactly the rule ids the loader knows', () => {
    expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual([...knownRuleIds()].sort());
    for (const m of SAFETY_RULE_METAS) expect(knownRuleIds().has(m.id)).toBe(true);
  });
  test('agrees with the loader on valid and invalid documents', () => {
    const docs: unknown[] = [
      {},
      { $schema: './schema.json', rules: { 'drop-table': 'off', 'schema-drift': 'warning' }, postgresVersion: 12, ignore: ['**/0001_*.sql'], failOn: 'never' },
      { rules: { 'drop-tables': 'off' } },
      { rules: { 'drop-table': 'fatal' } },
      { postgresVersion: 8 },
      { postgresVersion: 14.5 },
      { ignore: 'x' },
      { failOn: 'info' },
      { extra: true },
      [],
    ];
    for (const doc of docs) {
      const byLoader = !('error' in validateGuardConfig(doc, 'doc'));
      expect(validate(doc), JSON.stringify(doc)).toBe(byLoader);
    }
  });
});

test('applyRuleSettings turns rules off and replaces severities, leaving the input untouched', () => {
  const f = (ruleId: string, severity: Finding['severity']): Finding => ({ ruleId, category: 'safety', severity, message: ruleId });
  const findings = [f('drop-table', 'error'), f('create-index-blocking', 'warning'), f('drop-column', 'error')];
  const out = applyRuleSettings(findings, { 'create-index-blocking': 'off', 'drop-column': 'warning' });
  expect(out.map((x) => `${x.ruleId}:${x.severity}`)).toEqual(['drop-table:error', 'drop-column:warning']);
  expect(findings[2]!.severity).toBe('error');
});

test('ignore globs', () => {
  expect(isIgnoredPath('drizzle/0001_a.sql', ['drizzle/0001_*.sql'])).toBe(true);
  expect(isIgnoredPath('drizzle/0001_a.sql', ['0001_*.sql'])).toBe(true);
  expect(isIgnoredPath('apps/db/drizzle/0001_a.sql', ['drizzle/*.sql'])).toBe(false);
  expect(isIgnoredPath('apps/db/drizzle/0001_a.sql', ['**/drizzle/*.sql'])).toBe(true);
  expect(isIgnoredPath('drizzle/0002_b.sql', ['drizzle/0001_?.sql'])).toBe(false);
});
