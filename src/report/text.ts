// The default terminal output: findings grouped by file, `path:line:col  severity  rule-id  message`.

import { styleText } from 'node:util';
import { compareSeverity, type Finding, type Severity } from '../findings.js';
import type { Report } from './types.js';

export interface TextOptions {
  color: boolean;
}

const EXIT_MEANING: Record<number, string> = {
  0: 'ok',
  1: 'schema drift',
  2: 'integrity or replay failure',
  3: 'pending migrations',
  4: 'configuration error',
  5: 'unsafe SQL',
};

export function renderText(report: Report, { color }: TextOptions): string {
  const paint = (style: Parameters<typeof styleText>[0], s: string) => (color ? styleText(style, s) : s);
  const severityStyle: Record<Severity, Parameters<typeof styleText>[0]> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push(paint('underline', file ?? '(general)'));
    for (const f of findings) {
      const where = `${file ?? ''}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}`;
      lines.push(`  ${where}  ${paint(severityStyle[f.severity], f.severity.padEnd(7))}  ${paint('dim', f.ruleId)}  ${f.message}`);
      if (f.evidence) lines.push(`      ${paint('dim', `replay: ${f.evidence.sqlstate ? `ERROR ${f.evidence.sqlstate}: ` : ''}${f.evidence.message}`)}`);
      if (f.sql) lines.push(...f.sql.trimEnd().split('\n').map((l) => `      ${paint('dim', l)}`));
    }
    lines.push('');
  }
  for (const note of report.notes) lines.push(paint('dim', `note: ${note}`));
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const categories = Object.entries(report.categories)
    .map(([c, s]) => `${c} ${s}`)
    .join(' · ');
  const newCount = report.migrations.filter((m) => m.new).length;
  const summary =
    `${report.findings.length === 0 ? '✔' : '✖'} ${report.findings.length} finding(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` +
    ` in ${report.migrations.length} migration(s)${report.base ? ` (${newCount} new since ${report.base})` : ''}`;
  lines.push(paint(report.exitCode === 0 ? 'green' : 'red', summary));
  const meaning = report.exitCode === 2 && report.categories.integrity !== 'fail' && report.categories.replay === 'fail' ? 'a migration fails on PostgreSQL' : EXIT_MEANING[report.exitCode];
  lines.push(`${categories} · exit ${report.exitCode} (${meaning ?? 'unknown'})`);
  return lines.join('\n') + '\n';
}

function groupByFile(findings: Finding[]): Map<string | undefined, Finding[]> {
  const groups = new Map<string | undefined, Finding[]>();
  for (const f of findings) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  for (const list of groups.values()) list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareSeverity(a.severity, b.severity));
  return new Map([...groups].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')));
}
