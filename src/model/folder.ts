// Reads a drizzle-kit migration folder (legacy journal layout or the drizzle-kit 1.0 folder layout)
// from a FileTree into the model. Never throws on bad input: defects are recorded in the model
// for the integrity rules to report.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { SourceText } from './source.js';
import { isObject } from './json.js';
import type { FileTree } from './tree.js';
import type { Journal, JournalEntry, JsonError, Migration, MigrationSet, ResolvedConfig, SnapshotInfo, Statement } from './types.js';

export const BREAKPOINT = '--> statement-breakpoint';
/** SQL files larger than this are not read (a migration of this size is generated data, not DDL). */
export const MAX_SQL_BYTES = 16 * 1024 * 1024;
/** Snapshot bytes read to find id/prevId/version/dialect without parsing the whole document. */
const SNAPSHOT_HEAD_BYTES = 4096;
const FOLDER_MIGRATION = /^(\d{14})_.+$/;

export function readMigrationSet(tree: FileTree, config: ResolvedConfig): MigrationSet {
  const out = config.out;
  const metaDir = joinPath(out, 'meta');
  const journalFile = joinPath(metaDir, '_journal.json');
  const journalBytes = tree.read(journalFile);
  if (journalBytes !== undefined) return readJournalLayout(tree, config, journalFile, journalBytes);
  const entries = tree.list(out) ?? [];
  const folders = entries.filter((e) => e.kind === 'dir' && e.name !== 'meta' && isMigrationFolder(tree, joinPath(out, e.name)));
  if (folders.length > 0) return readFolderLayout(tree, out, folders.map((f) => f.name));
  // A legacy folder whose journal is missing: every SQL file is stray.
  return {
    layout: 'journal',
    out,
    migrations: [],
    strayFiles: entries.filter((e) => e.kind === 'file' && e.name.endsWith('.sql')).map((e) => joinPath(out, e.name)),
    snapshots: readSnapshotHeaders(tree, metaDir),
    skipped: outsideLinks(entries, out),
  };
}

function readJournalLayout(tree: FileTree, config: ResolvedConfig, journalFile: string, bytes: Buffer): MigrationSet {
  const out = config.out;
  const metaDir = joinPath(out, 'meta');
  const parsed = parseJournalText(journalFile, bytes.toString('utf8'));
  const entries = tree.list(out) ?? [];
  const snapshots = readSnapshotHeaders(tree, metaDir);
  const snapshotByFile = new Map(snapshots.map((s) => [s.file, s]));
  const skipped = outsideLinks(entries, out);
  const outside = new Set(skipped.map((s) => s.file));
  const migrations: Migration[] = [];
  const journaled = new Set<string>();
  if ('journal' in parsed) {
    for (const entry of parsed.journal.entries) {
      if (typeof entry.tag !== 'string') continue;
      const file = joinPath(out, `${entry.tag}.sql`);
      journaled.add(file);
      const snapshotFile =
        config.migrations.prefix === 'none' ? undefined : joinPath(metaDir, `${entry.tag.split('_')[0]}_snapshot.json`);
      migrations.push({
        ...(outside.has(file) ? { statements: [], unreadable: 'symlink leading outside the repository (not followed)' } : readSql(tree, file)),
        tag: entry.tag,
        file,
        when: typeof entry.when === 'number' ? entry.when : undefined,
        idx: typeof entry.idx === 'number' ? entry.idx : undefined,
        snapshot: snapshotFile ? snapshotByFile.get(snapshotFile) : undefined,
        isNew: false,
      });
    }
  }
  // With an unreadable journal nothing is known to be journaled: journal-invalid says it all.
  const strayFiles =
    'journal' in parsed
      ? entries.filter((e) => e.kind === 'file' && e.name.endsWith('.sql') && !journaled.has(joinPath(out, e.name))).map((e) => joinPath(out, e.name))
      : [];
  return {
    layout: 'journal',
    out,
    ...('journal' in parsed ? { journal: parsed.journal } : { journalError: parsed.error }),
    migrations,
    strayFiles,
    snapshots,
    skipped,
  };
}

function readFolderLayout(tree: FileTree, out: string, folders: string[]): MigrationSet {
  const migrations: Migration[] = [];
  const snapshots: SnapshotInfo[] = [];
  const skipped: MigrationSet['skipped'] = [];
  for (const folder of folders) {
    const dir = joinPath(out, folder);
    const listing = tree.list(dir) ?? [];
    skipped.push(...outsideLinks(listing, dir));
    const hasSnapshot = listing.some((e) => e.name === 'snapshot.json' && e.kind === 'file' && !e.outside);
    const snapshot = hasSnapshot ? readSnapshotHeader(tree, joinPath(dir, 'snapshot.json')) : undefined;
    if (snapshot) snapshots.push(snapshot);
    const stamp = FOLDER_MIGRATION.exec(folder)?.[1];
    const file = joinPath(dir, 'migration.sql');
    const sqlPresent = listing.some((e) => e.name === 'migration.sql' && e.kind === 'file' && !e.outside);
    migrations.push({
      ...(sqlPresent ? readSql(tree, file) : { statements: [] }),
      tag: folder,
      file,
      when: stamp ? folderTimestamp(stamp) : undefined,
      snapshot,
      isNew: false,
    });
  }
  return { layout: 'folders', out, migrations, strayFiles: [], snapshots, skipped };
}

function isMigrationFolder(tree: FileTree, dir: string): boolean {
  return (tree.list(dir) ?? []).some((e) => e.name === 'migration.sql' || e.name === 'snapshot.json');
}

/** drizzle-kit 1.0 folder names carry the creation time as YYYYMMDDHHmmss in UTC. */
function folderTimestamp(stamp: string): number {
  const n = (a: number, b: number) => Number(stamp.slice(a, b));
  return Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14));
}

function readSql(tree: FileTree, file: string): Pick<Migration, 'sql' | 'hash' | 'statements' | 'unreadable'> {
  const bytes = tree.read(file);
  if (bytes === undefined) return { statements: [] };
  if (bytes.length > MAX_SQL_BYTES) return { statements: [], unreadable: `larger than ${MAX_SQL_BYTES / 1024 / 1024} MiB` };
  if (bytes.includes(0)) return { statements: [], unreadable: 'binary content (NUL bytes)' };
  const sql = bytes.toString('utf8');
  return { sql, hash: createHash('sha256').update(sql).digest('hex'), statements: splitStatements(sql) };
}

/** Splits a migration on breakpoints exactly as drizzle's migrator does, keeping each chunk's location. */
export function splitStatements(sql: string): Statement[] {
  const source = new SourceText(sql);
  const statements: Statement[] = [];
  let offset = 0;
  for (const text of sql.split(BREAKPOINT)) {
    if (text.trim() !== '') statements.push({ index: statements.length, text, offset, span: source.trimmedSpan(offset, offset + text.length) });
    offset += text.length + BREAKPOINT.length;
  }
  return statements;
}

export function parseJournalText(file: string, text: string): { journal: Journal } | { error: JsonError } {
  const source = new SourceText(text);
  const parsed = parseJson(file, text);
  if ('error' in parsed) return parsed;
  const doc = parsed.value;
  if (!isObject(doc) || !Array.isArray(doc.entries)) {
    return { error: { file, message: 'the journal has no "entries" array', position: { line: 1, column: 1 } } };
  }
  const positions = entryPositions(text, doc.entries.length).map((o) => source.positionAt(o));
  for (const [i, entry] of doc.entries.entries()) {
    const problem = entryProblem(entry);
    if (problem) return { error: { file, message: `entry ${i}: ${problem}`, position: positions[i] ?? { line: 1, column: 1 } } };
  }
  return {
    journal: {
      file,
      version: typeof doc.version === 'string' ? doc.version : undefined,
      dialect: typeof doc.dialect === 'string' ? doc.dialect : undefined,
      entries: doc.entries as JournalEntry[],
      entryPositions: positions,
    },
  };
}

function entryProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'is not an object';
  if (typeof entry.tag !== 'string' || entry.tag === '') return '"tag" must be a non-empty string';
  if (typeof entry.idx !== 'number') return '"idx" must be a number';
  if (typeof entry.when !== 'number') return '"when" must be a number (milliseconds since 1970)';
  if (/[\\/]|\.\./.test(entry.tag)) return `"tag" ${JSON.stringify(entry.tag)} must be a plain file name`;
  return undefined;
}

/** UTF-16 offset of each entry's "tag" key (or its opening brace) in the journal text. */
function entryPositions(text: string, count: number): number[] {
  const out: number[] = [];
  let pos = text.indexOf('"entries"');
  pos = text.indexOf('[', pos);
  for (let i = 0; i < count && pos >= 0; i++) {
    const open = text.indexOf('{', pos + 1);
    if (open < 0) break;
    const close = text.indexOf('}', open);
    const tag = text.indexOf('"tag"', open);
    out.push(tag >= 0 && (close < 0 || tag < close) ? tag : open);
    pos = close;
  }
  return out;
}

export function parseJson(file: string, text: string): { value: unknown } | { error: JsonError } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const position = new SourceText(text).positionAt(at ? Number(at[1]) : text.length);
    return { error: { file, message: text.trim() === '' ? 'the file is empty' : `invalid JSON: ${message.replace(/ in JSON at position.*$/s, '')}`, position } };
  }
}

function readSnapshotHeaders(tree: FileTree, metaDir: string): SnapshotInfo[] {
  return (tree.list(metaDir) ?? [])
    .filter((e) => e.kind === 'file' && !e.outside && e.name.endsWith('.json') && !e.name.startsWith('_'))
    .map((e) => readSnapshotHeader(tree, joinPath(metaDir, e.name)));
}

/**
 * Reads id / prevId(s) / version / dialect from the head of a snapshot and checks that the document
 * is closed. drizzle-kit writes these keys before the schema body, so a history of hundreds of
 * multi-megabyte snapshots is validated without parsing them (see loadSnapshotDocument for a full parse).
 */
export function readSnapshotHeader(tree: FileTree, file: string): SnapshotInfo {
  const peeked = tree.peek(file, SNAPSHOT_HEAD_BYTES, 64);
  if (!peeked) return { file, prevIds: [], error: { file, message: 'cannot be read', position: { line: 1, column: 1 } } };
  if (peeked.size <= SNAPSHOT_HEAD_BYTES) return loadSnapshotDocument(tree, file);
  const head = peeked.head.toString('utf8');
  const tail = peeked.tail.toString('utf8').trimEnd();
  const body = head.slice(0, firstNestedValue(head));
  const str = (key: string) => new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(body)?.[1];
  const id = str('id');
  const conflict = /^(<{7}|={7}|>{7})/m.exec(head);
  if (conflict || !head.trimStart().replace(/^\uFEFF/, '').startsWith('{') || !tail.endsWith('}') || id === undefined) {
    // Something is off: parse it fully to report the exact JSON error.
    return loadSnapshotDocument(tree, file);
  }
  return { file, id, prevIds: prevIdsOf(body, str('prevId')), version: str('version'), dialect: str('dialect'), ...keyPositions(body) };
}

function keyPositions(text: string): Pick<SnapshotInfo, 'idPosition' | 'prevIdPosition'> {
  const source = new SourceText(text);
  const at = (re: RegExp) => {
    const m = re.exec(text);
    return m ? source.positionAt(m.index) : undefined;
  };
  const idPosition = at(/"id"\s*:/);
  const prevIdPosition = at(/"prevIds?"\s*:/);
  return { ...(idPosition ? { idPosition } : {}), ...(prevIdPosition ? { prevIdPosition } : {}) };
}

/** Offset of the first object/array value in the head that is not `prevIds`: the schema body starts there. */
function firstNestedValue(head: string): number {
  const re = /"(\w+)"\s*:\s*[[{]/g;
  for (let m = re.exec(head); m; m = re.exec(head)) if (m[1] !== 'prevIds') return m.index;
  return head.length;
}

function prevIdsOf(body: string, prevId: string | undefined): string[] {
  const list = /"prevIds"\s*:\s*\[([^\]]*)\]/.exec(body)?.[1];
  if (list !== undefined) return [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  return prevId === undefined ? [] : [prevId];
}

/** Parses a whole snapshot (for drift, and for snapshots under scrutiny). */
export function loadSnapshotDocument(tree: FileTree, file: string): SnapshotInfo {
  const bytes = tree.read(file);
  if (bytes === undefined) return { file, prevIds: [], error: { file, message: 'cannot be read', position: { line: 1, column: 1 } } };
  const text = bytes.toString('utf8');
  const parsed = parseJson(file, text);
  if ('error' in parsed) return { file, prevIds: [], error: parsed.error };
  const doc = parsed.value;
  if (!isObject(doc)) return { file, prevIds: [], error: { file, message: 'not a JSON object', position: { line: 1, column: 1 } } };
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const prevIds = Array.isArray(doc.prevIds) ? doc.prevIds.filter((p): p is string => typeof p === 'string') : s(doc.prevId) !== undefined ? [s(doc.prevId)!] : [];
  const head = text.slice(0, firstNestedValue(text.slice(0, SNAPSHOT_HEAD_BYTES)));
  const info: SnapshotInfo = { file, id: s(doc.id), prevIds, version: s(doc.version), dialect: s(doc.dialect), ...keyPositions(head), json: doc };
  if (info.id === undefined) info.error = { file, message: 'no "id" field', position: { line: 1, column: 1 } };
  return info;
}

function outsideLinks(entries: { name: string; outside?: true }[], dir: string): MigrationSet['skipped'] {
  return entries
    .filter((e) => e.outside)
    .map((e) => ({ file: joinPath(dir, e.name), reason: 'symlink leading outside the repository (not followed)' }));
}

export function joinPath(...parts: string[]): string {
  return path.posix.normalize(path.posix.join(...parts));
}
