// One finding per problem, and the database's word on the lint's guesses. After every check has run:
// - the replay failed at a statement a lint rule already flagged: the lint finding carries PostgreSQL's
//   error as evidence (and becomes at least as severe as the failure) instead of a second finding;
// - a lint finding whose claim the traced replay confirms (a rewrite, a scan, an index build on a table
//   holding rows) carries what was observed; one the trace refutes (the statement ran inside the
//   migrator's transaction on a table holding rows and did none of that) is downgraded to info, saying why;
// - a statement that took SHARE or stronger on a pre-existing table and scanned, rewrote or indexed it,
//   with no lint rule firing, becomes a traced-blocking-statement warning.

import { compareSeverity, findingOf, type Evidence, type Finding } from '../../findings.js';
import type { ReplayResult, StatementRef } from './replay.js';
import { tracedBlockingStatement } from './rules/traced-blocking-statement.js';
import { locate } from './locate.js';
import { blocksWrites, describeEffect, type TableEffect } from './trace.js';

/** Lint rules whose claim is work on the table's rows: a trace showing none refutes them. */
const WORK_CLAIMS = new Set([
  'alter-column-type',
  'set-not-null',
  'add-column-volatile-default',
  'add-check-validating',
  'add-foreign-key-validating',
  'add-unique-constraint',
  'add-primary-key',
  'create-index-blocking',
]);

export interface ReconcileInput {
  result: ReplayResult;
  /** The replay's finding for its failure, if any (replaced by evidence on a lint finding). */
  failureFinding?: Finding;
  /** traced-blocking-statement is a lint finding by another name: not reported when the lint is off. */
  lint: boolean;
  /** The project's rule settings, for the findings added here (the others have them already). */
  configure: (added: Finding[]) => Finding[];
}

export function reconcile(all: readonly Finding[], { result, failureFinding, lint, configure }: ReconcileInput): Finding[] {
  const replaced = new Map<Finding, Finding>();
  const removed = new Set<Finding>();
  const added: Finding[] = [];
  const lintAt = (ref: StatementRef) => all.filter((f) => f.category === 'safety' && f.ruleId !== tracedBlockingStatement.id && at(f, ref));
  const failure = result.failure;

  if (failure && failureFinding && failure.phase === 'pending') {
    const flagged = lintAt(failure);
    if (flagged.length > 0) {
      removed.add(failureFinding);
      const evidence: Evidence = { ...(failure.error.code ? { sqlstate: failure.error.code } : {}), message: failure.error.message };
      for (const f of flagged) {
        const severity = compareSeverity(f.severity, failureFinding.severity) > 0 ? failureFinding.severity : f.severity;
        replaced.set(f, { ...f, severity, evidence });
      }
    }
  }

  for (const traced of result.traces) {
    const { effects } = traced.trace;
    const flagged = lintAt(traced);
    if (flagged.length === 0) {
      const blocking = effects.filter(isBlockingWork);
      if (lint && blocking.length > 0) {
        added.push(
          findingOf(tracedBlockingStatement, {
            ...locate(traced),
            message: `${traced.migration.tag}: replayed on tables holding rows, this statement ran holding ${blocking.map(describeEffect).join('; ')}: writes to the table wait while it runs`,
          }),
        );
      }
      continue;
    }
    for (const f of flagged) {
      const observed = effects.length > 0 ? `observed: ${effects.map(describeEffect).join('; ')}` : 'observed: no new lock';
      const work = effects.some((e) => e.rewritten || e.scanned || e.indexesBuilt > 0 || e.dropped);
      // The lint only flags tables that exist before the batch, and the statement ran on them holding a row.
      if (WORK_CLAIMS.has(f.ruleId) && !work && f.severity !== 'info') {
        replaced.set(f, { ...f, severity: 'info', message: `${f.message} Traced replay: ${whyRefuted(f, traced.statement.text)}.`, evidence: { message: `${observed}; no rewrite, no scan, no index build` } });
      } else if (effects.length > 0 && !replaced.has(f)) {
        replaced.set(f, { ...f, evidence: { message: observed } });
      }
    }
  }

  const out: Finding[] = [];
  for (const f of all) if (!removed.has(f)) out.push(replaced.get(f) ?? f);
  return [...out, ...configure(added)];
}

function isBlockingWork(e: TableEffect): boolean {
  return e.locks.some(blocksWrites) && (e.scanned || e.rewritten || e.indexesBuilt > 0);
}

function at(f: Finding, { migration, statement }: StatementRef): boolean {
  return f.file === migration.file && f.line !== undefined && f.line >= statement.span.start.line && f.line <= statement.span.end.line;
}

function whyRefuted(f: Finding, sql: string): string {
  if (f.ruleId === 'alter-column-type') {
    if (/timestamp|time zone|timestamptz/i.test(sql) || /timestamp/i.test(f.message)) {
      return "no rewrite observed with the session TimeZone UTC; whether a timestamp ↔ timestamptz conversion rewrites the table depends on the server's TimeZone (PostgreSQL skips the rewrite only under UTC)";
    }
    return 'no rewrite observed: the new type is binary-coercible with the old one (PostgreSQL changed only the catalog)';
  }
  if (f.ruleId === 'set-not-null') return 'no scan observed: PostgreSQL proved the column holds no NULL from a valid CHECK constraint';
  return 'no table scan, rewrite or index build observed on the tables holding rows';
}
