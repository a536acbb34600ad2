// `-- drizzle-guard-ignore rule-id[, rule-id] [-- reason]` before a statement, and
// `-- drizzle-guard-ignore-file rule-id[, …]` anywhere in a file. No rule ids: every rule.
// An ignore that silences nothing becomes an `unused-ignore` finding.

import type { Comment } from '../../model/sql-lexer.js';

export interface Ignore {
  /** File offset of the comment. */
  at: number;
  file: boolean;
  /** Empty: every rule. */
  rules: string[];
  used: Set<string>;
}

const DIRECTIVE = /^\s*drizzle-guard-ignore(-file)?(?=\s|$)(.*)$/;

/** The ignore directive in a comment, if any; `base` turns comment offsets into file offsets. */
export function ignoreOf(comment: Comment, base: number): Ignore | undefined {
  const m = DIRECTIVE.exec(comment.text);
  if (!m) return undefined;
  const list = m[2]!.split('--')[0]!;
  const rules = list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { at: base + comment.start, file: m[1] !== undefined, rules, used: new Set() };
}

/** Finds the ignore (statement ones first, then file ones) silencing `ruleId`, and marks it used. */
export function suppressedBy(ruleId: string, ignores: readonly Ignore[]): Ignore | undefined {
  const hit = ignores.find((i) => i.rules.length === 0 || i.rules.includes(ruleId));
  if (hit) hit.used.add(ruleId);
  return hit;
}

/** Rule ids (or `*` for a bare ignore) that an ignore named but never used. */
export function unusedParts(ignore: Ignore): string[] {
  if (ignore.rules.length === 0) return ignore.used.size === 0 ? ['*'] : [];
  return ignore.rules.filter((r) => !ignore.used.has(r));
}
