import { findingOf } from '../../../findings.js';
import type { IntegrityRule } from '../rule.js';

export const journalInvalid: IntegrityRule = {
  meta: {
    id: 'journal-invalid',
    category: 'integrity',
    defaultSeverity: 'error',
    description: 'meta/_journal.json is missing, unreadable or malformed.',
    help: 'Restore meta/_journal.json from the base branch (git checkout origin/main -- <out>/meta/_journal.json), resolve merge markers, and re-run `drizzle-kit generate` for your change.',
  },
  check(ctx) {
    const { head } = ctx;
    if (head.journalError) {
      const e = head.journalError;
      return [findingOf(this.meta, { message: `${e.file}: ${e.message}; drizzle's migrator cannot read it and applies nothing`, file: e.file, ...e.position })];
    }
    if (head.layout === 'journal' && !head.journal && head.strayFiles.length > 0) {
      const file = `${head.out}/meta/_journal.json`;
      return [findingOf(this.meta, { message: `${file} is missing but the folder holds ${head.strayFiles.length} SQL file(s): none of them will ever run`, file })];
    }
    return [];
  },
};
