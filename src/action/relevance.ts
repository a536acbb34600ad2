// Does a pull request concern a drizzle config? It does when it changes a file under its migrations folder,
// the config itself, drizzle-guard's settings, or a schema file: a README-only PR gets no new comment.

import * as path from 'node:path';
import type { ConfigReport } from '../report/types.js';

const SETTINGS_FILES = ['.drizzle-guard.json', 'package.json'];

/** `changed`: the PR's changed files relative to the check's folder. */
export function relevantChange(config: ConfigReport, changed: readonly string[]): boolean {
  const out = config.out === undefined || config.out === '.' ? undefined : `${config.out}/`;
  return changed.some(
    (f) => (out !== undefined && f.startsWith(out)) || f === config.config || SETTINGS_FILES.includes(f) || (config.schema ?? []).some((s) => inSchema(f, s)),
  );
}

/** A file matched by a config's `schema` entry: a file, a folder, or a glob (its fixed part is compared). */
export function inSchema(file: string, schema: string): boolean {
  const fixed = path.posix.normalize(schema.split(/[*?[{]/, 1)[0]!);
  if (fixed === '.' || fixed === './') return true;
  return file === fixed || file.startsWith(fixed.endsWith('/') ? fixed : `${fixed}/`) || (fixed !== path.posix.normalize(schema) && file.startsWith(fixed));
}
