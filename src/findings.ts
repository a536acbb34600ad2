// The vocabulary every check speaks: findings, rule metadata, categories and the exit-code contract.

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'config' | 'integrity' | 'drift' | 'safety' | 'replay' | 'pending';
export type CategoryStatus = 'pass' | 'fail' | 'skipped' | 'not-implemented';
export type FailOn = 'error' | 'warning' | 'never';

export const CATEGORIES: readonly Category[] = ['config', 'integrity', 'drift', 'safety', 'replay', 'pending'];

/** Public exit codes (a contract with users' workflows). */
export const EXIT = {
  ok: 0,
  drift: 1,
  integrity: 2,
  pending: 3,
  config: 4,
  safety: 5,
} as const;

const EXIT_BY_CATEGORY: Record<Category, number> = {
  config: EXIT.config,
  integrity: EXIT.integrity,
  // A migration PostgreSQL rejects fails the deploy as an inconsistent folder does: same exit code.
  replay: EXIT.integrity,
  drift: EXIT.drift,
  pending: EXIT.pending,
  safety: EXIT.safety,
};

/** When several categories fail, the first of this order decides the exit code. */
export const EXIT_PRECEDENCE: readonly Category[] = ['config', 'integrity', 'replay', 'drift', 'pending', 'safety'];

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** Path relative to --cwd, forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Migration tag the finding belongs to. */
  migration?: string;
  /** The fix recipe. */
  help?: string;
  /** SQL that belongs with the finding (drift: what `drizzle-kit generate` would write). */
  sql?: string;
  /** The defect was already there at the base commit: the pull request did not cause it. */
  preExisting?: true;
  /** What PostgreSQL said or did when the statement was replayed (a lint finding the replay confirmed). */
  evidence?: Evidence;
}

export interface Evidence {
  /** SQLSTATE of the error the statement raised on replay. */
  sqlstate?: string;
  /** PostgreSQL's error message, or what the traced replay observed. */
  message: string;
}

/** Static description of a rule: one object per rule file. */
export interface RuleMeta {
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One line: what the rule detects. */
  description: string;
  /** The safe recipe, shown with every finding. */
  help: string;
}

export const DOCS_BASE = 'https://github.com/drizzle-guard/drizzle-guard/blob/main/docs/rules';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`;
}

/** Builds a finding from a rule's metadata; the caller supplies location and message. */
export function findingOf(
  rule: RuleMeta,
  fields: Omit<Finding, 'ruleId' | 'category' | 'severity' | 'help'> & { severity?: Severity; help?: string },
): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: fields.severity ?? rule.defaultSeverity,
    help: fields.help ?? rule.help,
    ...withoutUndefined(fields),
  };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function countsTowardFailure(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}

/**
 * Status of each category given its findings. A category that did not run keeps the status
 * its check reported (skipped / not-implemented).
 */
export function categoryStatuses(
  findings: readonly Finding[],
  ran: ReadonlyMap<Category, CategoryStatus>,
  failOn: FailOn,
): Record<Category, CategoryStatus> {
  const out = {} as Record<Category, CategoryStatus>;
  for (const c of CATEGORIES) {
    const status = ran.get(c) ?? 'skipped';
    // A configuration error means the check could not run: it fails whatever --fail-on says.
    const threshold: FailOn = c === 'config' ? 'error' : failOn;
    const failing = findings.some((f) => f.category === c && countsTowardFailure(f.severity, threshold));
    out[c] = failing ? 'fail' : status;
  }
  return out;
}

export function exitCodeOf(categories: Record<Category, CategoryStatus>): number {
  const failed = EXIT_PRECEDENCE.find((c) => categories[c] === 'fail');
  return failed ? EXIT_BY_CATEGORY[failed] : EXIT.ok;
}

/**
 * A defect already present at the base does not fail a pull request that did not cause it: it is reported
 * one severity lower, and says so.
 */
export function asPreExisting(f: Finding): Finding {
  if (f.severity === 'info') return { ...f, preExisting: true };
  return { ...f, severity: f.severity === 'error' ? 'warning' : 'info', message: `${f.message} (already present at the base)`, preExisting: true };
}
