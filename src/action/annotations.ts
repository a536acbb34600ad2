// Annotations on the diff. The runner keeps 10 of each type per step and drops the rest silently,
// so the most severe go first and, when some cannot be shown, one notice says where they are.

import type { AnnotationProperties } from '@actions/core';
import { compareSeverity } from '../findings.js';
import type { Finding } from '../findings.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';
export type Annotate = (level: AnnotationLevel, message: string, props?: AnnotationProperties) => void;

export const PER_TYPE_LIMIT = 10;
/** The runner cuts longer messages. */
const MESSAGE_LIMIT = 4000;

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Counts what this step has emitted so far, so that other warnings (permissions) use up the same budget. */
export class AnnotationBudget {
  private readonly used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  constructor(private readonly emit: Annotate) {}

  /** False (and nothing emitted) when the level's budget is spent. */
  annotate(level: AnnotationLevel, message: string, props?: AnnotationProperties): boolean {
    if (this.left(level) === 0) return false;
    this.used[level]++;
    this.emit(level, message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message, props);
    return true;
  }

  left(level: AnnotationLevel): number {
    return PER_TYPE_LIMIT - this.used[level];
  }
}

export interface LocatedFinding {
  finding: Finding;
  /** The finding's file relative to the repository root (annotations need it even under working-directory). */
  repoFile?: string;
}

/** Emits the findings most severe first; returns how many could not be shown. */
export function annotateFindings(findings: readonly LocatedFinding[], budget: AnnotationBudget, moreWhere: string): number {
  const sorted = [...findings].sort((a, b) => compareSeverity(a.finding.severity, b.finding.severity));
  const total = sorted.length;
  const fitting = (['error', 'warning', 'notice'] as const).reduce((n, l) => n + Math.min(budget.left(l), count(sorted, l)), 0);
  // When something will be dropped, one notice slot is kept for saying so.
  const reserveNotice = fitting < total && budget.left('notice') > 0;
  let shown = 0;
  for (const { finding: f, repoFile } of sorted) {
    const level = LEVEL[f.severity];
    if (level === 'notice' && reserveNotice && budget.left('notice') === 1) continue;
    if (budget.annotate(level, messageOf(f), propsOf(f, repoFile))) shown++;
  }
  const hidden = total - shown;
  if (hidden > 0) budget.annotate('notice', `${hidden} more drizzle-guard finding${hidden === 1 ? '' : 's'} in ${moreWhere}.`, { title: 'drizzle-guard' });
  return hidden;
}

function count(findings: readonly LocatedFinding[], level: AnnotationLevel): number {
  return findings.filter((f) => LEVEL[f.finding.severity] === level).length;
}

function messageOf(f: Finding): string {
  return f.help ? `${f.message}\n\nFix: ${f.help}` : f.message;
}

function propsOf(f: Finding, repoFile: string | undefined): AnnotationProperties {
  // The title is the rule id (ours); file names from the repository only ever go into `file`.
  const props: AnnotationProperties = { title: f.ruleId };
  if (!repoFile) return props;
  props.file = repoFile;
  if (f.line) {
    props.startLine = f.line;
    props.endLine = f.endLine ?? f.line;
    // The runner accepts columns only on a one-line range.
    if (f.column && props.endLine === f.line) {
      props.startColumn = f.column;
      // A zero-width range would be an empty one.
      if (f.endColumn && f.endColumn > f.column) props.endColumn = f.endColumn;
    }
  }
  return props;
}
