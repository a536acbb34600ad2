// Markdown for people reviewing a migration: the PR comment, the job summary and `--format markdown`.
// Verdict first, then the new migrations, then findings by file with the fix, then the ER diagram.
// When a size limit is given the report is rendered with less detail until it fits.

import { compareSeverity, ruleDocUrl } from '../findings.js';
import type { Category, CategoryStatus, Finding, Severity } from '../findings.js';
import { CATEGORIES, EXIT_PRECEDENCE } from '../findings.js';
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
  /** Leave out what differs between two runs of the same commit (timings), so a re-run changes nothing. */
  stable?: boolean;
  /** The SQL statement at a finding's lines (from the reviewed files), shown under it. */
  excerpt?: (file: string, line: number, endLine: number) => string | undefined;
}

/** Levels of detail, from everything to a bare list of the first `maxFindings` findings. */
interface Detail {
  full: boolean;
  maxFindings: number;
}

/** What a failing category means to the reader of the verdict. */
const FAILURE_MEANING: Record<Category, string> = {
  config: 'the configuration could not be checked',
  integrity: 'the migration folder is inconsistent',
  replay: 'a migration fails on PostgreSQL',
  drift: 'the schema and the migrations have drifted',
  pending: 'migrations are pending on the database',
  safety: 'a migration is unsafe',
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
/** A statement excerpt shows at most this many lines. */
const EXCERPT_LINES = 6;

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const full = render(report, opts, { full: true, maxFindings: Infinity });
  if (!opts.limit || fits(full, opts.limit)) return full;
  const hint = opts.fullReportHint ?? 'the JSON report';
  const total = report.configs.reduce((n, c) => n + c.findings.length, 0) || report.findings.length;
  // Right under the verdict: a reader who stops there knows the list below is not all.
  const notice = `> [!NOTE]\n> Shortened to fit; the full report is in ${hint}.`;
  const budget = { ...opts.limit, max: opts.limit.max - measure(notice + '\n\n', opts.limit.unit) };
  const withNotice = (text: string) => {
    const end = text.indexOf('\n\n');
    return end < 0 ? `${text}\n\n${notice}\n` : `${text.slice(0, end)}\n\n${notice}${text.slice(end)}`;
  };
  for (let maxFindings = total; ; maxFindings = Math.floor(maxFindings / 2)) {
    const text = render(report, opts, { full: false, maxFindings });
    if (fits(text, budget)) return withNotice(text);
    if (maxFindings === 0) return withNotice(cut(text, budget));
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
  const noteList = (notes: string[]) => notes.map((n) => `- ${inline(opts.stable ? withoutTimings(n) : n)}`).join('\n');
  for (const config of configs) {
    if (configs.length > 1) out.push(`### ${configTitle(config, opts)} — ${config.exitCode === 0 ? '✅ passed' : `❌ exit code ${config.exitCode}`}`);
    else if (config.config) out.push(`<sub>${configTitle(config, opts)}</sub>`);
    out.push(categoryLine(config.categories));
    out.push(migrationTable(config, report.base !== undefined, opts));
    const own = config.findings.filter((f) => !f.preExisting);
    const shown = Math.min(remaining, own.length);
    out.push(findingsSection(own, shown, opts, detail));
    remaining -= shown;
    const inherited = config.findings.filter((f) => f.preExisting);
    if (inherited.length > 0 && detail.full) {
      out.push(folded(`${plural(inherited.length, 'finding')} already on the base branch (not caused by this pull request)`, findingsSection(inherited, inherited.length, opts, { full: false, maxFindings: Infinity })));
    }
    if (detail.full) out.push(diagram(config.touchedTables));
    if (detail.full && config.notes.length > 0) out.push(folded('Notes', noteList(config.notes)));
  }
  const notes = ownNotes(report);
  if (notes.length > 0) out.push(folded('Notes', noteList(notes)));
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
  // Every failing category is named, in exit-code precedence order: the first one gives the exit code.
  const failing = EXIT_PRECEDENCE.filter((c) => report.categories[c] === 'fail').map((c) => FAILURE_MEANING[c]);
  const head =
    report.exitCode === 0
      ? `✅ **drizzle-guard passed** (exit code 0)`
      : `❌ **drizzle-guard failed: ${failing.length > 0 ? failing.join('; ') : 'a check failed'}** (exit code ${report.exitCode})`;
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
      ? `No new migrations in ${code(config.out ?? 'the migrations folder')}.`
      : `No base commit given: all ${plural(config.migrations.length, 'migration')} in ${code(config.out ?? 'the migrations folder')} were checked.`;
  }
  const rows = fresh.map((m) => `| ${fileLink(m.file, opts, undefined, code(m.tag, true))} | ${m.statements} | ${risk(m, config.findings)} |`);
  const table = ['| New migration | Statements | Risk |', '| --- | ---: | --- |', ...rows].join('\n');
  return rows.length > 10 ? folded(`${fresh.length} new migrations`, table) : table;
}

function risk(m: MigrationSummary, findings: readonly Finding[]): string {
  const mine = findings.filter((f) => f.migration === m.tag || f.file === m.file);
  return mine.length === 0 ? '🟢 no findings' : severitySummary(countBySeverity(mine));
}

function findingsSection(findings: readonly Finding[], limit: number, opts: MarkdownOptions, detail: Detail): string {
  if (findings.length === 0) return '';
  const sorted = [...findings].sort(
    (a, b) => compareSeverity(a.severity, b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
  );
  const shown = sorted.slice(0, limit);
  const byFile = new Map<string, Finding[]>();
  for (const f of shown) byFile.set(f.file ?? '', [...(byFile.get(f.file ?? '') ?? []), f]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(`#### ${file === '' ? 'General' : fileLink(file, opts, undefined, code(file))}`);
    // A rule that repeats in a file is one item: its why and fix once, then each place with its SQL.
    const byRule = new Map<string, Finding[]>();
    for (const f of list) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const items = [...byRule.values()].map((group) => (group.length === 1 ? findingItem(group[0]!, opts, detail) : ruleGroup(group, opts, detail)));
    // The most severe stay in sight; a long tail of one file is folded.
    const open = items.length > FOLD_FINDINGS ? FOLD_FINDINGS_KEEP : items.length;
    out.push(items.slice(0, open).join('\n'));
    if (open < items.length) out.push(folded(`${plural(items.length - open, 'more finding')} in this file`, items.slice(open).join('\n')));
  }
  if (shown.length < findings.length) out.push(`…and ${plural(findings.length - shown.length, 'more finding')} not shown here.`);
  return out.join('\n\n');
}

function findingItem(f: Finding, opts: MarkdownOptions, detail: Detail): string {
  const where = f.file && f.line ? ` · ${fileLink(f.file, opts, f, `line ${f.line}`)}` : '';
  const head = `- ${SEVERITY_ICON[f.severity]} **${f.severity}** · [\`${f.ruleId}\`](${ruleDocUrl(f.ruleId)})${where}: ${inline(f.message)}`;
  if (!detail.full) return head;
  const body: string[] = [];
  const excerpt = statementOf(f, opts);
  if (excerpt) body.push(excerpt);
  if (f.evidence) body.push(`**PostgreSQL (replay):** ${inline(`${f.evidence.sqlstate ? `ERROR ${f.evidence.sqlstate}: ` : ''}${f.evidence.message}`)}`);
  if (f.help) body.push(`**Fix:** ${inline(f.help)}`);
  if (f.sql) {
    const block = fence('sql', f.sql);
    body.push(f.sql.split('\n').length > FOLD_SQL_LINES ? folded('SQL to generate', block) : block);
  }
  return [head, ...body.map(indent)].join('\n\n');
}

/** Several findings of one rule in one file: the rule and its fix once, then each place with its message and SQL. */
function ruleGroup(group: Finding[], opts: MarkdownOptions, detail: Detail): string {
  const [first] = group;
  const severity = group.reduce((worst, f) => (compareSeverity(f.severity, worst) < 0 ? f.severity : worst), first!.severity);
  const head = `- ${SEVERITY_ICON[severity]} **${severity}** · [\`${first!.ruleId}\`](${ruleDocUrl(first!.ruleId)}) · ${group.length} places`;
  const places = group.map((f) => {
    const where = f.file && f.line ? `${fileLink(f.file, opts, f, `line ${f.line}`)}: ` : '';
    const excerpt = detail.full ? statementOf(f, opts) : undefined;
    return [`- ${where}${inline(f.message)}`, ...(excerpt ? [indent(excerpt)] : [])].join('\n\n');
  });
  const fix = detail.full && first!.help ? [`**Fix:** ${inline(first!.help)}`] : [];
  return [head, ...[...places, ...fix].map(indent)].join('\n\n');
}

/** The offending statement, as a short `sql` excerpt headed by its first line number. */
function statementOf(f: Finding, opts: MarkdownOptions): string | undefined {
  if (!opts.excerpt || !f.file || !f.line || f.sql) return undefined;
  const text = opts.excerpt(f.file, f.line, f.endLine ?? f.line);
  if (!text || text.trim() === '') return undefined;
  const lines = text.replace(/\s+$/, '').split('\n');
  const shown = lines.length > EXCERPT_LINES ? [...lines.slice(0, EXCERPT_LINES), '…'] : lines;
  return fence('sql', `-- line ${f.line}\n${shown.join('\n')}`);
}

function diagram(tables: TouchedTable[] | undefined): string {
  if (!tables || tables.length === 0) return '';
  const touched = tables.filter((t) => t.status !== 'referenced');
  if (tables.length > MAX_DIAGRAM_TABLES) {
    const list = (status: TouchedTable['status']) => tables.filter((t) => t.status === status).map((t) => code(t.name));
    return [
      ['Tables added', list('added')],
      ['Tables changed', list('changed')],
      ['Tables dropped', list('dropped')],
    ]
      .filter(([, names]) => names!.length > 0)
      .map(([label, names]) => `${label as string}: ${(names as string[]).join(', ')}`)
      .join('\n\n');
  }
  const lines = ['erDiagram'];
  const ids = new Map(tables.map((t) => [t.name, mermaidId(t.name)]));
  for (const t of tables) {
    const label = t.status === 'referenced' ? '' : ` ${t.status === 'dropped' ? 'DROPPED' : t.status}`;
    lines.push(`  ${ids.get(t.name)}["${mermaidText(t.name)}${label}"] {`);
    for (const c of t.columns) {
      const keys = [c.primaryKey ? 'PK' : '', t.foreignKeys.some((fk) => fk.columns.includes(c.name)) ? 'FK' : ''].filter(Boolean).join(',');
      const name = mermaidName(c.name);
      const notes = [
        c.change === 'dropped' ? 'DROPPED' : c.change === 'changed' && c.previousType ? `${c.previousType} → ${c.type}` : c.change,
        name !== c.name ? `name: ${c.name}` : undefined,
        mermaidWord(c.type) !== c.type && c.change !== 'changed' ? c.type : undefined,
      ].filter(Boolean);
      const note = notes.length > 0 ? ` "${mermaidText(notes.join('; '))}"` : '';
      lines.push(`    ${mermaidWord(c.type)} ${name}${keys ? ` ${keys}` : ''}${note}`);
    }
    lines.push('  }');
  }
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const target = ids.get(fk.table) ?? mermaidId(fk.table);
      lines.push(`  ${ids.get(t.name)} }o--|| ${target} : "${mermaidText(fk.columns.join(', '))}"`);
    }
  }
  return folded(`ER diagram of the ${plural(touched.length, 'table')} this PR touches`, fence('mermaid', lines.join('\n')));
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
  const name = code(repoPath(opts.pathPrefix, c.config ?? c.out ?? 'migrations'));
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
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
    .join('')
    .replace(/\r?\n+/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text from the repository (file names, tags, identifiers in messages) as plain markdown text: no HTML,
 * no links, emphasis, headings, tables or line breaks it could open.
 */
export function escapeMarkdown(text: string): string {
  // On one line, in the middle of a list item: headings, lists and quotes cannot start; `(` is harmless once `[` is escaped.
  return escapeHtml(text)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n+/g, ' ');
}

/** A code span that holds any text: a fence longer than its backtick runs, on one line; in a table `|` is escaped. */
export function code(text: string, inTable = false): string {
  const oneLine = text.replace(/\r?\n+/g, ' ');
  const flat = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** Durations ("412 ms", "1.2 s") differ on every run. */
function withoutTimings(text: string): string {
  return text.replace(/,? ?(?:start|replay)? ?\d+(?:\.\d+)? ?m?s\b/g, '').replace(/\s{2,}/g, ' ');
}

function mermaidId(name: string): string {
  return `t_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A type as one mermaid word: `numeric(10,2)` would end the attribute at its comma. */
function mermaidWord(word: string): string {
  return word.replace(/[^A-Za-z0-9_]/g, '_') || '_';
}

/**
 * An attribute name mermaid cannot misread: `pk`, `fk`, `uk` (any case) are key markers to its lexer and a
 * name must start with a letter, so those get a leading underscore (the real name goes in the comment).
 */
function mermaidName(name: string): string {
  const word = mermaidWord(name);
  return /^(pk|fk|uk)$/i.test(word) || /^[0-9]/.test(word) ? `_${word}` : word;
}

/** Text inside a mermaid string: no double quote can end it. */
function mermaidText(text: string): string {
  return text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
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
