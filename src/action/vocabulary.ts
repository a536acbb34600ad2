// The engine's messages name the CLI's flags; the action shows them with its own input names, so a fix
// that says "pass --dialect" becomes one a workflow author can follow.

import type { Finding } from '../findings.js';
import type { Report } from '../report/types.js';

/** Longest first: `--replay-seed` before `--replay`. */
const WORDS: [RegExp, string][] = [
  [/`drizzle-guard check --help` lists the options/g, 'docs/action.md lists the inputs'],
  [/--out DIR and --dialect\b/g, 'the `out` and `dialect` inputs'],
  [/--out and --dialect\b/g, 'the `out` and `dialect` inputs'],
  [/--no-drift, --no-lint, --no-replay/g, '`drift: false`, `lint: false`, `replay: false`'],
  [/no --database-url given/g, 'no `database-url` input given'],
  [/--database-url\b/g, 'the `database-url` input'],
  [/--replay-seed\b/g, '`replay-seed: true`'],
  [/--no-replay\b/g, '`replay: false`'],
  [/--replay\b/g, '`replay: true`'],
  [/--no-drift\b/g, '`drift: false`'],
  [/--no-lint\b/g, '`lint: false`'],
  [/--dialect(?: [a-z|]+)?/g, 'the `dialect` input'],
  [/--out\b/g, 'the `out` input'],
  [/--config(?: FILE)?/g, 'the `config` input'],
  [/--base\b/g, 'the `base-ref` input'],
  [/--cwd\b/g, 'the `working-directory` input'],
  [/--fail-on\b/g, 'the `fail-on` input'],
  [/--output\b/g, 'the `report-file` output'],
];

export function inActionWords(text: string): string {
  return WORDS.reduce((t, [re, words]) => t.replace(re, words), text);
}

function finding(f: Finding): Finding {
  return { ...f, message: inActionWords(f.message), ...(f.help ? { help: inActionWords(f.help) } : {}) };
}

export function reportInActionWords(report: Report): Report {
  return {
    ...report,
    findings: report.findings.map(finding),
    notes: report.notes.map(inActionWords),
    configs: report.configs.map((c) => ({ ...c, findings: c.findings.map(finding), notes: c.notes.map(inActionWords) })),
  };
}
