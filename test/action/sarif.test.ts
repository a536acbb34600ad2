// SARIF output validated against the OASIS SARIF 2.1.0 JSON schema (draft-04).
// test/action/sarif-2.1.0-rtm.5.json is copied unchanged from the npm package @microsoft/jest-sarif
// 1.0.0-beta.0 (MIT), lib/schemas/sarif-2.1.0-rtm.5.json; the schema itself is published by OASIS
// (sarif-spec) and mirrored by SchemaStore. sha256 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8.
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import type { Options, ValidateFunction } from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { configReport, finding, report } from './report-fixture.js';

const schema = JSON.parse(readFileSync(new URL('./sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as object;
// The schema's patterns are ECMA-262 without the `u` flag (one is invalid with it). Its three formats are
// checked here by their shape: an absolute URI has a scheme; a URI reference has no white space.
// A CommonJS module: under NodeNext resolution the class is its `default` property, under Bundler the import itself.
type AjvClass = new (opts: Options) => { compile(schema: object): ValidateFunction };
const ajvModule = AjvDraft04 as unknown as AjvClass & { default?: AjvClass };
const Ajv = ajvModule.default ?? ajvModule;
const validate = new Ajv({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  formats: {
    uri: /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/,
    'uri-reference': /^\S*$/,
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
  },
}).compile(schema);

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string }; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function sarif(...args: Parameters<typeof renderSarif>): SarifLog {
  const text = renderSarif(...args);
  const doc = JSON.parse(text) as unknown;
  if (!validate(doc)) throw new Error(JSON.stringify(validate.errors, null, 2));
  return doc as SarifLog;
}

describe('renderSarif', () => {
  const findings = [
    finding(),
    finding({ ruleId: 'journal-entry-missing', category: 'integrity', severity: 'warning', file: 'drizzle/meta/_journal.json', line: 12, column: undefined, endLine: undefined, endColumn: undefined }),
    finding({ ruleId: 'drift', category: 'drift', severity: 'info', file: undefined, line: undefined, column: undefined, endLine: undefined, endColumn: undefined, sql: 'ALTER TABLE x;' }),
  ];

  it('is valid SARIF 2.1.0 with rules, help and repository-relative locations', () => {
    const log = sarif(report([configReport(findings, { config: 'drizzle.config.ts' })]), {
      pathPrefix: 'packages/db',
      rules: [{ id: 'drift', category: 'drift', defaultSeverity: 'error', description: 'Schema and migrations disagree. More text.', help: 'Run drizzle-kit generate.' }],
    });
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['add-column-not-null-without-default', 'journal-entry-missing', 'drift']);
    expect(run.tool.driver.rules[2]).toMatchObject({ shortDescription: { text: 'Schema and migrations disagree.' }, help: { text: 'Run drizzle-kit generate.' } });
    expect(run.results.map((r) => [r.ruleIndex, r.level])).toEqual([
      [0, 'error'],
      [1, 'warning'],
      [2, 'note'],
    ]);
    expect(run.results[0]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'packages/db/drizzle/0001_add_email.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 60 },
    });
    expect(run.results[1]!.locations![0]!.physicalLocation.region).toEqual({ startLine: 12 });
    // No file: the result points at the config so code scanning can place it.
    expect(run.results[2]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe('packages/db/drizzle.config.ts');
  });

  it('gives one fingerprint per finding, stable across runs and independent of the wording', () => {
    const prints = (findings: ReturnType<typeof finding>[]) =>
      sarif(report([configReport(findings)])).runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]);
    // Three findings of one rule in one file with the same message: three alerts, not one.
    const three = [finding({ line: 2, endLine: 2 }), finding({ line: 3, endLine: 3 }), finding({ line: 5, endLine: 5 })];
    expect(new Set(prints(three)).size).toBe(3);
    expect(prints(three)).toEqual(prints(three));
    expect(prints([finding({ message: 'reworded in a later version' })])).toEqual(prints([finding()]));
    // Two findings without a position are still two.
    const unplaced = [finding({ line: undefined, endLine: undefined, column: undefined, endColumn: undefined }), finding({ line: undefined, endLine: undefined, column: undefined, endColumn: undefined })];
    expect(new Set(prints(unplaced)).size).toBe(2);
  });

  it('gives no empty region for a zero-width position', () => {
    const log = sarif(report([configReport([finding({ ruleId: 'unused-ignore', line: 4, endLine: 4, column: 1, endColumn: 1 })])]));
    expect(log.runs[0]!.results[0]!.locations![0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 1, endLine: 4 });
  });

  it('stays valid with no findings', () => {
    expect(sarif(report([configReport([])])).runs[0]!.results).toEqual([]);
  });

  it('the schema check itself rejects a broken log', () => {
    const broken = JSON.parse(renderSarif(report([configReport([finding()])]))) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });
});
