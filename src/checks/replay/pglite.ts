// Starts the embedded PostgreSQL. initdb inside PGlite takes ~3-4 s, so the freshly initialised
// data directory is kept as a template in the cache folder and later runs start from it (~0.8 s).
// A cache entry that is damaged (truncated, failing its checksum) or unusable is removed and rebuilt;
// partial files left by a run that died while writing are removed. The cache never decides a verdict.
// PGlite is imported dynamically: runs that do not replay never load its 9 MB of wasm.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Extension, PGlite } from '@electric-sql/pglite';
import { cacheDir, isTar, removeQuietly, removeStaleTemporaries, TEMPLATE_NAME } from '../../cache-dir.js';

/** Folder of the template shipped in dist/, beside the bundle folders. */
export const SHIPPED_TEMPLATE_DIR = 'pglite';

export interface StartedDb {
  db: PGlite;
  /** PostgreSQL's version() string. */
  version: string;
  /** initdb, the empty template's data directory, or a saved one (the state after the base's migrations). */
  from: 'initdb' | 'template' | 'saved';
}

/** A data directory to start from before the template: `unusable` is called when PGlite cannot load it. */
export interface SavedDataDir {
  tar: Uint8Array;
  unusable: () => void;
}

export async function startPglite(extensions: Record<string, Extension>, saved?: SavedDataDir): Promise<StartedDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (saved) {
    try {
      const db = new PGlite({ loadDataDir: new TarBlob(saved.tar), extensions, startParams: startParams(PGlite) });
      await db.waitReady;
      return { db, version: await versionOf(db), from: 'saved' };
    } catch {
      saved.unusable();
    }
  }
  const cached = path.join(cacheDir(), TEMPLATE_NAME);
  // The bundles ship a template (dist/pglite): a GitHub runner starts with an empty cache every time.
  for (const file of [cached, shippedTemplate()]) {
    const tar = file ? readTemplate(file) : undefined;
    if (tar === undefined) continue;
    if (tar !== 'corrupt') {
      try {
        // Handed over uncompressed: PGlite's own gunzip reports a damaged file as an unhandled rejection.
        const db = new PGlite({ loadDataDir: new TarBlob(tar), extensions, startParams: startParams(PGlite) });
        await db.waitReady;
        return { db, version: await versionOf(db), from: 'template' };
      } catch {
        // A template written by another PGlite version: discarded below, like a damaged one.
      }
    }
    // A cache entry that cannot be used is removed and rebuilt (below); the shipped one is never touched.
    if (file === cached) removeQuietly(cached);
  }
  const db = new PGlite({ extensions, startParams: startParams(PGlite) });
  await db.waitReady;
  await saveTemplate(db, cached);
  return { db, version: await versionOf(db), from: 'initdb' };
}

/**
 * PGlite's own, and WAL segments a checkpoint leaves behind removed rather than kept for reuse: a data directory
 * saved after the base's migrations then holds one 16 MB segment, not two (sim's: 51 MB instead of 73 MB).
 */
function startParams(pglite: { defaultStartParams: readonly string[] }): string[] {
  return [...pglite.defaultStartParams, '-c', 'wal_recycle=off', '-c', 'min_wal_size=32MB'];
}

/**
 * A data directory's tar handed to PGlite, which reads it with `arrayBuffer()` only: Node's Blob would copy it
 * through a stream in chunks (73 MB for sim's saved state: half a second on a 2-core runner); this returns it.
 */
class TarBlob extends Blob {
  constructor(private readonly tar: Uint8Array) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.tar;
    return Promise.resolve(byteOffset === 0 && byteLength === buffer.byteLength ? (buffer as ArrayBuffer) : (buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer));
  }
}

/** The template's tar, 'corrupt' when the gzip stream is truncated, fails its checksum or holds no tar, undefined when absent. */
function readTemplate(file: string): Buffer | 'corrupt' | undefined {
  const bytes = readIfPresent(file);
  if (!bytes) return undefined;
  try {
    const tar = zlib.gunzipSync(bytes);
    return isTar(tar) ? tar : 'corrupt';
  } catch {
    return 'corrupt';
  }
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
  // Written under a unique name and renamed, so concurrent runs never read a half-written file.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const blob = await db.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    removeStaleTemporaries(file);
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
  } catch {
    // A full disk leaves a partial file behind: remove it.
    removeQuietly(tmp);
  }
}
