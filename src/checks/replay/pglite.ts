// Starts the embedded PostgreSQL. initdb inside PGlite takes ~3-4 s, so the freshly initialised
// data directory is kept as a template in the cache folder and later runs start from it (~0.8 s).
// PGlite is imported dynamically: runs that do not replay never load its 9 MB of wasm.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extension, PGlite } from '@electric-sql/pglite';
import { cacheDir } from '../../cache-dir.js';

/** Bump when a PGlite upgrade changes the data directory format. */
export const TEMPLATE_NAME = 'pglite-0.5-datadir.tar.gz';
/** Folder of the template shipped in dist/, beside the bundle folders. */
export const SHIPPED_TEMPLATE_DIR = 'pglite';

export interface StartedDb {
  db: PGlite;
  /** PostgreSQL's version() string. */
  version: string;
  fromTemplate: boolean;
}


export async function startPglite(extensions: Record<string, Extension>): Promise<StartedDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  const template = path.join(cacheDir(), TEMPLATE_NAME);
  // The bundles ship a template (dist/pglite): a GitHub runner starts with an empty cache every time.
  for (const file of [template, shippedTemplate()]) {
    const bytes = file ? readIfPresent(file) : undefined;
    if (!bytes) continue;
    try {
      const db = new PGlite({ loadDataDir: new Blob([bytes]), extensions });
      await db.waitReady;
      return { db, version: await versionOf(db), fromTemplate: true };
    } catch {
      // A template written by another PGlite version (or a failed read): try the next, or start from
      // scratch; a fresh template replaces the cached one atomically, so concurrent runs are unaffected.
    }
  }
  const db = new PGlite({ extensions });
  await db.waitReady;
  await saveTemplate(db, template);
  return { db, version: await versionOf(db), fromTemplate: false };
}

/**
 * `dist/pglite/<TEMPLATE_NAME>`, shared by the dist/cli and dist/action bundles (written once by
 * scripts/bundle.mjs: initdb output is not reproducible, so it is kept rather than rebuilt).
 */
function shippedTemplate(): string | undefined {
  try {
    return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', SHIPPED_TEMPLATE_DIR, TEMPLATE_NAME);
  } catch {
    return undefined;
  }
}

async function versionOf(db: PGlite): Promise<string> {
  const r = await db.query<{ v: string }>('select version() as v');
  return r.rows[0]?.v ?? 'PostgreSQL';
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only or full cache folder only costs the next run its start-up time. */
async function saveTemplate(db: PGlite, file: string): Promise<void> {
  try {
    const blob = await db.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written under a unique name and renamed, so concurrent runs never read a half-written file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
  } catch {
    // ignored on purpose (see above)
  }
}
