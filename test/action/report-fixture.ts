// Hand-built reports for the renderer tests (the engine's output shape, with findings of each kind).
import type { Finding } from '../../src/findings.js';
import type { ConfigReport, Report } from '../../src/report/types.js';

export const PASS = { config: 'pass', integrity: 'pass', drift: 'pass', safety: 'pass', replay: 'skipped', pending: 'skipped' } as const;

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'add-column-not-null-without-default',
    category: 'safety',
    severity: 'error',
    message: 'Adding NOT NULL column `email` to `users` fails on a table with rows.',
    file: 'drizzle/0001_add_email.sql',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 60,
    migration: '0001_add_email',
    help: 'Add the column nullable, backfill it, then SET NOT NULL in a later migration.',
    ...over,
  };
}

export function configReport(findings: Finding[], over: Partial<ConfigReport> = {}): ConfigReport {
  const failing = findings.some((f) => f.severity === 'error');
  return {
    config: 'drizzle.config.ts',
    dialect: 'postgresql',
    out: 'drizzle',
    exitCode: failing ? 5 : 0,
    categories: { ...PASS, safety: failing ? 'fail' : 'pass' },
    findings,
    migrations: [
      { tag: '0000_init', file: 'drizzle/0000_init.sql', new: false, statements: 2 },
      { tag: '0001_add_email', file: 'drizzle/0001_add_email.sql', new: true, statements: 1 },
    ],
    notes: [],
    ...over,
  };
}

export function report(configs: ConfigReport[], over: Partial<Report> = {}): Report {
  const exitCode = configs.map((c) => c.exitCode).find((c) => c !== 0) ?? 0;
  return {
    tool: 'drizzle-guard',
    version: '0.1.0',
    exitCode,
    categories: configs[0]?.categories ?? PASS,
    findings: configs.flatMap((c) => c.findings),
    migrations: configs.flatMap((c) => c.migrations),
    notes: [],
    base: 'a'.repeat(40),
    configs,
    ...over,
  };
}
