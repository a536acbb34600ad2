// Markdown for people reviewing a migration: the PR comment, the job summary and `--format markdown`.
// Verdict first, then the new migrations, then findings by file with the fix, then the ER diagram.
// When a size limit is given the report is rendered with less detail until it fits.

import { compareSeverity, ruleDocUrl } from '../findings.js';
import type { Category, CategoryStatus, Finding, Severity } from '../findings.js';
import { CATEGORIES } from '../findings.js';
import type { ConfigReport, MigrationSummary, Report, TouchedTable } from './types.js';

export interface MarkdownOptions {
  /** Where lines link to: `${serverUrl}/${repository}/blob/${ref}/<path>#L<line>`. No links without it. */
  links?: { serverUrl: string; repository: string; ref: string };
  /** The check's cwd relative to the repository root ('' or undefined at the root), for links. */
  pathPrefix?: string;
  /** Limit of the result, in UTF-16 code units (GitHub comments) or UTF-8 bytes (job summary). */
  limit?: { max: number; unit: 'chars' | 'bytes' };
  /** Where the full report can be read when the limit forces cuts (e.g. "the job summary"). */
  fullReportHint?: string;
}

/** Levels of detail, from everything to a bare list of the first `maxFindings` findings. */
interface Detail {
  full: boolean;
  maxFindings: number;
}

const EXIT_MEANING: Record<number, string> = {
  1: 'the schema and the migrations have drifted',
  2: 'the migration folder is inconsistent',
  3: 'migrations are pending on the database',
  4: 'the configuration could not be checked',
  5: 'a migration is unsafe',
};

const SEVERITY_ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };
const STATUS_ICON: Record<CategoryStatus, string> = {
  pass: '✅',
  fail: '❌',
  skipped: '⏭️ skipped',
  'not-implemented': '➖ not implemented',
};

/** Diagrams larger than this are unreadable in a comment; the table list is shown instead. */
const MAX_DIAGRAM_TABLES = 30;
/** A file with more findings than this shows the first FOLD_FINDINGS_KEEP and folds the rest. */
const FOLD_FINDINGS = 10;
const FOLD_FINDINGS_KEEP = 5;
/** SQL longer than this many lines is folded. */
const FOLD_SQL_LINES = 12;

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const full = render(report, opts, { full: true, maxFindings: Infinity });
  if (!opts.limit || fits(full, opts.limit)) return full;
  const hint = opts.fullReportHint ?? 'the JSON report';
  const total = report.configs.reduce((n, c) => n + c.findings.length, 0) || report.findings.length;
  const notice = `\n\n> [!NOTE]\n> Shortened to fit; the full report is in ${hint}.\n`;
  const budget = { ...opts.limit, max: opts.limit.max - measure(notice, opts.limit.unit) };
  for (let maxFindings = total; ; maxFindings = Math.floor(maxFindings / 2)) {
    const text = render(report, opts, { full: false, maxFindings });
    if (fits(text, budget)) return text + notice;
    if (maxFindings === 0) return cut(text, budget) + notice;
  }
}

/** A report of one config, for one sticky comment per config. */
export function reportForConfig(report: Report, config: ConfigReport): Report {
  return {
    ...report,
    exitCode: config.exitCode,
    categories: config.categories,
    findings: config.findings,
    migrations: config.migrations,
    notes: ownNotes(report),
    configs: [config],
  };
}

function render(report: Report, opts: MarkdownOptions, detail: Detail): string {
  const out: string[] = [verdict(report)];
  const configs = report.configs.length > 0 ? report.configs : [asConfig(report)];
  let remaining = detail.maxFindings;
  const helpShown = new Set<string>();
  for (const config of configs) {
    if (configs.length > 1) out.push(`### ${configTitle(config, opts)} — ${config.exitCode === 0 ? '✅ passed' : `❌ exit code ${config.exitCode}`}`);
    else if (config.config) out.push(`<sub>${configTitle(config, opts)}</sub>`);
    out.push(categoryLine(config.categories));
    out.push(migrationTable(config, report.base !== undefined, opts));
    const shown = Math.min(remaining, config.findings.length);
    out.push(findingsSection(config.findings, shown, opts, detail, helpShown));
    remaining -= shown;
    if (detail.full) out.push(diagram(config.touchedTables));
    if (detail.full && config.notes.length > 0) out.push(folded('Notes', config.notes.map((n) => `- ${escapeHtml(n)}`).join('\n')));
  }
  const notes = ownNotes(report);
  if (notes.length > 0) out.push(folded('Notes', notes.map((n) => `- ${escapeHtml(n)}`).join('\n')));
  out.push(footer(report, opts));
  return out.filter((s) => s !== '').join('\n\n') + '\n';
}

/** Report notes that are not a config's note repeated (the engine copies those up, prefixed with the config). */
function ownNotes(report: Report): string[] {
  return report.notes.filter((n) => !report.configs.some((c) => c.notes.some((cn) => n === cn || n === `${c.config}: ${cn}`)));
}

function verdict(report: Report): string {
  const all = report.configs.length > 0 ? report.configs.flatMap((c) => c.findings) : report.findings;
  const counts = countBySeverity(all);
  const newMigrations = report.migrations.filter((m) => m.new).length;
  const parts = [
    report.base === undefined ? `${plural(report.migrations.length, 'migration')} checked` : `${plural(newMigrations, 'new migration')}`,
    counts.error || counts.warning || counts.info ? severitySummary(counts) : 'no findings',
  ];
  // Exit code 2 is shared: say which of integrity and replay failed.
  const meaning = report.exitCode === 2 && report.categories.integrity !== 'fail' && report.categories.replay === 'fail' ? 'a migration fails on PostgreSQL' : EXIT_MEANING[report.exitCode];
  const head =
    report.exitCode === 0
      ? `✅ **drizzle-guard passed** (exit code 0)`
      : `❌ **drizzle-guard failed: ${meaning ?? 'a check failed'}** (exit code ${report.exitCode})`;
  return `${head} — ${parts.join(', ')}`;
}

function categoryLine(categories: Record<Category, CategoryStatus>): string {
  return CATEGORIES.map((c) => `${c} ${STATUS_ICON[categories[c]]}`).join(' · ');
}

function migrationTable(config: ConfigReport, hasBase: boolean, opts: MarkdownOptions): string {
  const fresh = config.migrations.filter((m) => m.new);
  if (fresh.length === 0) {
    if (config.migrations.length === 0) return '';
    // Without a base nothing can be told apart as new: say so rather than "no new migrations".
    return hasBase
      ? `No new migrations in \`${config.out ?? 'the migrations folder'}\`.`
      : `No base commit given: all ${plural(config.migrations.length, 'migration')} in \`${config.out ?? 'the migrations folder'}\` were checked.`;
  }
  const rows = fresh.map((m) => `| ${fileLink(m.file, opts, undefined, `\`${m.tag}\``)} | ${m.statements} | ${risk(m, config.findings)} |`);
  const table = ['| New migration | Statements | Risk |', '| --- | ---: | --- |', ...rows].join('\n');
  return rows.length > 10 ? folded(`${fresh.length} new migrations`, table) : table;
}

function risk(m: MigrationSummary, findings: readonly Finding[]): string {
  const mine = findings.filter((f) => f.migration === m.tag || f.file === m.file);
  return mine.length === 0 ? '🟢 no findings' : severitySummary(countBySeverity(mine));
}

function findingsSection(findings: readonly Finding[], limit: number, opts: MarkdownOptions, detail: Detail, helpShown: Set<string>): string {
  if (findings.length === 0) return '';
  const sorted = [...findings].sort(
    (a, b) => compareSeverity(a.severity, b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
  );
  const shown = sorted.slice(0, limit);
  const byFile = new Map<string, Finding[]>();
  for (const f of shown) byFile.set(f.file ?? '', [...(byFile.get(f.file ?? '') ?? []), f]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(`#### ${file === '' ? 'General' : fileLink(file, opts, undefined, `\`${file}\``)}`);
    const items = list.map((f) => findingItem(f, opts, detail, helpShown));
    // The most severe stay in sight; a long tail of one file is folded.
    const open = items.length > FOLD_FINDINGS ? FOLD_FINDINGS_KEEP : items.length;
    out.push(items.slice(0, open).join('\n'));
    if (open < items.length) out.push(folded(`${plural(items.length - open, 'more finding')} in this file`, items.slice(open).join('\n')));
  }
  if (shown.length < findings.length) out.push(`…and ${plural(findings.length - shown.length, 'more finding')} not shown here.`);
  return out.join('\n\n');
}

function findingItem(f: Finding, opts: MarkdownOptions, detail: Detail, helpShown: Set<string>): string {
  const where = f.file && f.line ? ` · ${fileLink(f.file, opts, f, `line ${f.line}`)}` : '';
  const head = `- ${SEVERITY_ICON[f.severity]} **${f.severity}** · [\`${f.ruleId}\`](${ruleDocUrl(f.ruleId)})${where}: ${inline(f.message)}`;
  if (!detail.full) return head;
  const body: string[] = [];
  if (f.evidence) body.push(`**PostgreSQL (replay):** ${inline(`${f.evidence.sqlstate ? `ERROR ${f.evidence.sqlstate}: ` : ''}${f.evidence.message}`)}`);
  if (f.help) {
    // The recipe is the same for every finding of a rule: say it once.
    body.push(helpShown.has(f.ruleId) ? `**Fix:** as for \`${f.ruleId}\` above.` : `**Fix:** ${inline(f.help)}`);
    helpShown.add(f.ruleId);
  }
  if (f.sql) {
    const block = fence('sql', f.sql);
    body.push(f.sql.split('\n').length > FOLD_SQL_LINES ? folded('SQL to generate', block) : block);
  }
  return [head, ...body.map(indent)].join('\n\n');
}

function diagram(tables: TouchedTable[] | undefined): string {
  if (!tables || tables.length === 0) return '';
  const dropped = tables.filter((t) => t.status === 'dropped').map((t) => `\`${t.name}\``);
  const drawn = tables.filter((t) => t.status !== 'dropped');
  const touched = drawn.filter((t) => t.status !== 'referenced').length;
  const droppedLine = dropped.length > 0 ? `Dropped: ${dropped.join(', ')}` : '';
  if (drawn.length === 0) return droppedLine;
  if (drawn.length > MAX_DIAGRAM_TABLES) {
    return [`Tables touched: ${drawn.filter((t) => t.status !== 'referenced').map((t) => `\`${t.name}\``).join(', ')}`, droppedLine].filter(Boolean).join('\n\n');
  }
  const lines = ['erDiagram'];
  const ids = new Map(drawn.map((t) => [t.name, mermaidId(t.name)]));
  for (const t of drawn) {
    const label = t.status === 'referenced' ? '' : ` ${t.status}`;
    lines.push(`  ${ids.get(t.name)}["${t.name.replace(/"/g, "'")}${label}"] {`);
    for (const c of t.columns) {
      const keys = [c.primaryKey ? 'PK' : '', t.foreignKeys.some((fk) => fk.columns.includes(c.name)) ? 'FK' : ''].filter(Boolean).join(',');
      const note = c.change ? ` "${c.change}"` : '';
      lines.push(`    ${mermaidWord(c.type)} ${mermaidWord(c.name)}${keys ? ` ${keys}` : ''}${note}`);
    }
    lines.push('  }');
  }
  for (const t of drawn) {
    for (const fk of t.foreignKeys) {
      const target = ids.get(fk.table) ?? mermaidId(fk.table);
      lines.push(`  ${ids.get(t.name)} }o--|| ${target} : "${fk.columns.join(', ').replace(/"/g, "'")}"`);
    }
  }
  return [folded(`ER diagram of the ${plural(touched, 'table')} this PR touches`, fence('mermaid', lines.join('\n'))), droppedLine]
    .filter(Boolean)
    .join('\n\n');
}

function footer(report: Report, opts: MarkdownOptions): string {
  const parts = [`drizzle-guard ${report.version}`];
  if (report.base) parts.push(`base \`${report.base.slice(0, 12)}\``);
  if (opts.links) parts.push(`head \`${opts.links.ref.slice(0, 12)}\``);
  return `<sub>${parts.join(' · ')}</sub>`;
}

/** Link to a file (and line range) at the reviewed commit; plain text without link options. */
function fileLink(file: string, opts: MarkdownOptions, at: Finding | undefined, text: string): string {
  if (!opts.links) return text;
  const { serverUrl, repository, ref } = opts.links;
  const path = repoPath(opts.pathPrefix, file);
  let anchor = '';
  if (at?.line) anchor = at.endLine && at.endLine > at.line ? `#L${at.line}-L${at.endLine}` : `#L${at.line}`;
  return `[${text}](${serverUrl}/${repository}/blob/${ref}/${path.split('/').map(encodeURIComponent).join('/')}${anchor})`;
}

/** The config as the repository shows it (under the working directory), so monorepo comments say which one. */
function configTitle(c: ConfigReport, opts: MarkdownOptions): string {
  const name = `\`${repoPath(opts.pathPrefix, c.config ?? c.out ?? 'migrations')}\``;
  return c.dialect ? `${name} (${c.dialect})` : name;
}

function repoPath(prefix: string | undefined, file: string): string {
  return [prefix, file].filter((p) => p !== undefined && p !== '' && p !== '.').join('/');
}

function asConfig(report: Report): ConfigReport {
  return { exitCode: report.exitCode, categories: report.categories, findings: report.findings, migrations: report.migrations, notes: [] };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function severitySummary(c: Record<Severity, number>): string {
  const parts: string[] = [];
  if (c.error) parts.push(`${SEVERITY_ICON.error} ${plural(c.error, 'error')}`);
  if (c.warning) parts.push(`${SEVERITY_ICON.warning} ${plural(c.warning, 'warning')}`);
  if (c.info) parts.push(`${SEVERITY_ICON.info} ${plural(c.info, 'note')}`);
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function folded(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** A code fence longer than any backtick run inside, so SQL can never close it. */
function fence(lang: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${code.replace(/\s+$/, '')}\n${ticks}`;
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
}

/**
 * Keeps a message on its list item and out of raw HTML (a stray tag could swallow the rest of the comment).
 * Code spans are left alone: GitHub shows entities inside them literally.
 */
function inline(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeHtml(part)))
    .join('')
    .replace(/\r?\n+/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mermaidId(name: string): string {
  return `t_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function mermaidWord(word: string): string {
  return word.replace(/[^A-Za-z0-9_]/g, '_') || '_';
}

function measure(text: string, unit: 'chars' | 'bytes'): number {
  return unit === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}

function fits(text: string, limit: { max: number; unit: 'chars' | 'bytes' }): boolean {
  return measure(text, limit.unit) <= limit.max;
}

/** Last resort (a single huge note or message): cut at a line break and close an open fence or fold. */
function cut(text: string, limit: { max: number; unit: 'chars' | 'bytes' }): string {
  const closing = '\n```\n\n</details>';
  let end = Math.max(0, Math.floor(limit.max / (limit.unit === 'bytes' ? 4 : 1)) - closing.length);
  while (end > 0 && text[end] !== '\n') end--;
  let head = text.slice(0, end);
  const fences = (head.match(/^`{3,}/gm) ?? []).length;
  if (fences % 2 === 1) head += '\n```';
  const opened = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < opened; i++) head += '\n\n</details>';
  return head;
}
