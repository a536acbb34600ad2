// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rules that
// produced findings (with their help), results at repository-relative locations, and fingerprints
// that do not move when lines shift, so an alert stays the same alert across pushes.

import { createHash } from 'node:crypto';
import { ruleDocUrl } from '../findings.js';
import type { Finding, RuleMeta, Severity } from '../findings.js';
import type { ConfigReport, Report } from './types.js';

export interface SarifOptions {
  /** The check's cwd relative to the repository root ('' or undefined at the root). */
  pathPrefix?: string;
  /** Metadata of every known rule; rules without it are described from their findings. */
  rules?: readonly RuleMeta[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function renderSarif(report: Report, opts: SarifOptions = {}): string {
  const configs: ConfigReport[] =
    report.configs.length > 0
      ? report.configs
      : [{ exitCode: report.exitCode, categories: report.categories, findings: report.findings, migrations: report.migrations, notes: [] }];
  const known = new Map((opts.rules ?? []).map((r) => [r.id, r]));
  const ruleIds: string[] = [];
  const seen = new Map<string, number>();
  const results = configs.flatMap((config) =>
    config.findings.map((f) => {
      if (!ruleIds.includes(f.ruleId)) ruleIds.push(f.ruleId);
      return result(f, config, ruleIds.indexOf(f.ruleId), opts.pathPrefix, seen);
    }),
  );
  const rules = ruleIds.map((id) => ruleDescriptor(id, known.get(id), configs));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'drizzle-guard',
            version: report.version,
            informationUri: 'https://github.com/drizzle-guard/drizzle-guard',
            rules,
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(id: string, meta: RuleMeta | undefined, configs: readonly ConfigReport[]) {
  const sample = configs.flatMap((c) => c.findings).find((f) => f.ruleId === id);
  const description = meta?.description ?? sample?.message ?? id;
  const help = meta?.help ?? sample?.help ?? `See ${ruleDocUrl(id)}`;
  const severity = meta?.defaultSeverity ?? sample?.severity ?? 'warning';
  return {
    id,
    name: id,
    shortDescription: { text: firstSentence(description) },
    fullDescription: { text: description },
    help: { text: help, markdown: `${help}\n\n[Rule documentation](${ruleDocUrl(id)})` },
    helpUri: ruleDocUrl(id),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { category: meta?.category ?? sample?.category },
  };
}

function result(f: Finding, config: ConfigReport, ruleIndex: number, prefix: string | undefined, seen: Map<string, number>) {
  // Code scanning needs a location on every result: a finding without a file points at its config (or folder).
  const file = f.file ?? config.config ?? config.out;
  const uri = file === undefined ? undefined : repoPath(prefix, file);
  const region =
    f.file && f.line
      ? {
          startLine: f.line,
          ...(f.column ? { startColumn: f.column } : {}),
          ...(f.endLine ? { endLine: f.endLine } : {}),
          // A zero-width range (a comment's position) is an empty region: the start column alone marks the place.
          ...(f.endColumn && !(f.column && (f.endLine ?? f.line) === f.line && f.endColumn <= f.column) ? { endColumn: f.endColumn } : {}),
        }
      : { startLine: 1 };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.help ? `${f.message}\nFix: ${f.help}` : f.message },
    ...(uri ? { locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }] } : {}),
    partialFingerprints: { 'drizzleGuard/v2': fingerprint(f, uri, seen) },
    properties: { category: f.category, ...(f.migration ? { migration: f.migration } : {}) },
  };
}

/**
 * Rule, file, migration and position: one per finding (three findings of a rule in one file are three alerts),
 * the same on every run of the same files. Not the message, whose wording may change between versions. A
 * migration is never edited once applied, so positions in it do not move; findings without a position are
 * told apart by their order.
 */
function fingerprint(f: Finding, uri: string | undefined, seen: Map<string, number>): string {
  const key = [f.ruleId, uri ?? '', f.migration ?? '', f.line ?? '', f.column ?? '', f.endLine ?? '', f.endColumn ?? ''].join('\0');
  const occurrence = seen.get(key) ?? 0;
  seen.set(key, occurrence + 1);
  return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
}

function repoPath(prefix: string | undefined, file: string): string {
  const parts = [prefix, file].filter((p): p is string => p !== undefined && p !== '' && p !== '.');
  return parts.join('/').replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text);
  return (m ? m[1]! : text).replace(/\s+/g, ' ').trim();
}
