// Builds migrations from SQL text the way the model does (chunks split on breakpoints) and lints them.

import type { Finding } from '../../src/findings.js';
import { splitStatements } from '../../src/model/folder.js';
import type { Migration } from '../../src/model/types.js';
import { SafetyLinter, type LintOptions, type LintTarget } from '../../src/checks/safety/lint.js';

export function migrationOf(sql: string, tag = '0001_test'): Migration {
  return { tag, file: `drizzle/${tag}.sql`, sql, statements: splitStatements(sql), isNew: true };
}

export interface LintInput {
  sql: string;
  /** Snapshot of the migration before (enum values, column types). */
  before?: Record<string, unknown>;
}

/** Lints each SQL text as one migration, in order. Defaults: PostgreSQL 14, no batch, parse all. */
export async function lint(inputs: (string | LintInput)[], options: Partial<LintOptions> = {}): Promise<Finding[]> {
  const targets: LintTarget[] = inputs.map((input, i) => {
    const { sql, before } = typeof input === 'string' ? { sql: input, before: undefined } : input;
    return { migration: migrationOf(sql, `000${i}_m`), snapshotBefore: () => before };
  });
  const linter = new SafetyLinter({ dialect: 'postgresql', postgresVersion: 14, batch: false, parseAll: true, ...options });
  return linter.lint(targets);
}

/** `ruleId@line:column` of each finding, for compact assertions. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`);
}
