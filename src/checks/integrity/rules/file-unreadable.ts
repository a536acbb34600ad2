import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const fileUnreadable: IntegrityRule = {
  meta: {
    id: 'file-unreadable',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'A migration file is binary, or it (or its folder) resolves outside the repository.',
    help: 'Commit migrations as plain UTF-8 SQL files inside the repository, as `drizzle-kit generate` writes them; move data loads out of migrations.',
  },
  check(ctx) {
    // Files left unread for their size are file-too-large's.
    const tooLarge = new Set(ctx.head.skipped.filter((s) => s.limit !== undefined).map((s) => s.file));
    const findings = ctx.head.migrations
      .filter((m) => m.unreadable !== undefined && !tooLarge.has(m.file))
      .map((m) => findingOf(this.meta, { message: `not read: ${m.unreadable}`, file: m.file, line: 1, column: 1, migration: m.tag }));
    const reported = new Set(findings.map((f) => f.file));
    for (const s of ctx.head.skipped) {
      if (!reported.has(s.file) && !tooLarge.has(s.file)) findings.push(findingOf(this.meta, { message: `not read: ${s.reason}`, file: s.file }));
    }
    return findings;
  },
};
