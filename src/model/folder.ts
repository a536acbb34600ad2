// Reads a drizzle-kit migration folder (legacy journal layout or the drizzle-kit 1.0 folder layout)
// from a FileTree into the model. Never throws on bad input: defects are recorded in the model
// for the integrity rules to report.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { SourceText } from './source.js';
import { isObject } from './json.js';
import type { FileRead, FileTree, TreeEntry } from './tree.js';
import type { Journal, JournalEntry, JsonError, Migration, MigrationSet, ResolvedConfig, SkippedFile, SnapshotInfo, Statement } from './types.js';

export const BREAKPOINT = '--> statement-breakpoint';
/**
 * Files larger than these are not read (their size is taken first): a migration of 16 MiB is generated data, not
 * DDL; the largest journal and snapshot seen in real projects are 44 KB (300 migrations) and 0.6 MB.
 */
export const SIZE_LIMITS = {
  sql: { bytes: 16 * 1024 * 1024, what: 'SQL migration files' },
  journal: { bytes: 16 * 1024 * 1024, what: 'the journal' },
  snapshot: { bytes: 64 * 1024 * 1024, what: 'snapshots' },
} as const;
const OUTSIDE_LINK = 'symlink leading outside the repository (not followed)';
/** Snapshot bytes read to find id/prevId/version/dialect without parsing the whole document. */
const SNAPSHOT_HEAD_BYTES = 4096;
const FOLDER_MIGRATION = /^(\d{14})_.+$/;

export function readMigrationSet(tree: FileTree, config: ResolvedConfig): MigrationSet {
  const out = config.out;
  const metaDir = joinPath(out, 'meta');
  const journalFile = joinPath(metaDir, '_journal.json');
  const entries = tree.list(out) ?? [];
  const skipped = outsideLinks(entries, out);
  const journal = tree.read(journalFile, SIZE_LIMITS.journal.bytes);
  if (journal && 'bytes' in journal) return readJournalLayout(tree, config, journalFile, journal.bytes, entries, skipped);
  if (journal) {
    // Neither read nor guessed at: file-too-large or file-unreadable says why.
    refuse(journalFile, journal, 'journal', skipped);
    return { layout: 'journal', out, migrations: [], strayFiles: [], snapshots: readSnapshotHeaders(tree, metaDir, skipped), skipped };
  }
  const folders = entries.filter((e) => e.kind === 'dir' && e.name !== 'meta' && isMigrationFolder(tree, joinPath(out, e.name)));
  if (folders.length > 0) return readFolderLayout(tree, out, folders.map((f) => f.name), skipped);
  const snapshots = readSnapshotHeaders(tree, metaDir, skipped);
  if (tree.list(metaDir)?.some((e) => e.name === '_journal.json')) {
    // drizzle-orm's readMigrationFiles fails on a journal path that is not a file (EISDIR); journal-invalid says it all.
    const journalError = { file: journalFile, message: 'is not a file', position: { line: 1, column: 1 } };
    return { layout: 'journal', out, journalError, migrations: [], strayFiles: [], snapshots, skipped };
  }
  // A legacy folder whose journal is missing: every SQL file is stray.
  const strayFiles = entries.filter((e) => e.kind === 'file' && e.name.endsWith('.sql')).map((e) => joinPath(out, e.name));
  return { layout: 'journal', out, migrations: [], strayFiles, snapshots, skipped };
}

function readJournalLayout(
  tree: FileTree,
  config: ResolvedConfig,
  journalFile: string,
  bytes: Buffer,
  entries: TreeEntry[],
  skipped: SkippedFile[],
): MigrationSet {
  const out = config.out;
  const metaDir = joinPath(out, 'meta');
  const parsed = parseJournalText(journalFile, bytes.toString('utf8'));
  const snapshots = readSnapshotHeaders(tree, metaDir, skipped);
  const snapshotByFile = new Map(snapshots.map((s) => [s.file, s]));
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
        ...readSql(tree, file, skipped),
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

function readFolderLayout(tree: FileTree, out: string, folders: string[], skipped: SkippedFile[]): MigrationSet {
  const migrations: Migration[] = [];
  const snapshots: SnapshotInfo[] = [];
  // drizzle-orm 1.0's migrator applies the folders in localeCompare order (not code-point order: a
  // capital letter after the timestamp sorts among the lower-case ones).
  for (const folder of [...folders].sort((a, b) => a.localeCompare(b))) {
    const dir = joinPath(out, folder);
    const listing = tree.list(dir) ?? [];
    skipped.push(...outsideLinks(listing, dir));
    const hasSnapshot = listing.some((e) => e.name === 'snapshot.json' && e.kind === 'file' && !e.outside);
    const snapshot = hasSnapshot ? readSnapshotHeader(tree, joinPath(dir, 'snapshot.json'), skipped) : undefined;
    if (snapshot) snapshots.push(snapshot);
    const stamp = FOLDER_MIGRATION.exec(folder)?.[1];
    const file = joinPath(dir, 'migration.sql');
    const sqlPresent = listing.some((e) => e.name === 'migration.sql' && e.kind === 'file');
    migrations.push({
      ...(sqlPresent ? readSql(tree, file, skipped) : { statements: [] }),
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

function readSql(tree: FileTree, file: string, skipped: SkippedFile[]): Pick<Migration, 'sql' | 'hash' | 'statements' | 'unreadable'> {
  const read = tree.read(file, SIZE_LIMITS.sql.bytes);
  if (read === undefined) return { statements: [] };
  if (!('bytes' in read)) return { statements: [], unreadable: refuse(file, read, 'sql', skipped) };
  const bytes = read.bytes;
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
  // drizzle-orm's readMigrationFiles hands the file to JSON.parse as it is, and JSON.parse rejects a BOM.
  if (text.startsWith('\uFEFF')) {
    return { error: { file, message: "the file starts with a UTF-8 byte order mark (BOM), which drizzle-orm's JSON.parse rejects", position: { line: 1, column: 1 } } };
  }
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

function readSnapshotHeaders(tree: FileTree, metaDir: string, skipped: SkippedFile[]): SnapshotInfo[] {
  return (tree.list(metaDir) ?? [])
    .filter((e) => e.kind === 'file' && !e.outside && e.name.endsWith('.json') && !e.name.startsWith('_'))
    .map((e) => readSnapshotHeader(tree, joinPath(metaDir, e.name), skipped));
}

/**
 * Reads id / prevId(s) / version / dialect from the head of a snapshot and checks that the document
 * is closed. drizzle-kit writes these keys before the schema body, so a history of hundreds of
 * multi-megabyte snapshots is validated without parsing them (see loadSnapshotDocument for a full parse).
 */
export function readSnapshotHeader(tree: FileTree, file: string, skipped: SkippedFile[]): SnapshotInfo {
  const peeked = tree.peek(file, SNAPSHOT_HEAD_BYTES, 64);
  if (!peeked) return { file, prevIds: [], error: { file, message: 'cannot be read', position: { line: 1, column: 1 } } };
  const limit = SIZE_LIMITS.snapshot.bytes;
  if (peeked.size > limit) {
    const reason = refuse(file, { refused: 'too-large', size: peeked.size, limit }, 'snapshot', skipped);
    return { file, prevIds: [], error: { file, message: reason, position: { line: 1, column: 1 } } };
  }
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
  const read = tree.read(file, SIZE_LIMITS.snapshot.bytes);
  if (!read || !('bytes' in read)) {
    const message = read ? refusalReason(read, 'snapshot') : 'cannot be read';
    return { file, prevIds: [], error: { file, message, position: { line: 1, column: 1 } } };
  }
  const text = read.bytes.toString('utf8');
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

function outsideLinks(entries: TreeEntry[], dir: string): SkippedFile[] {
  return entries.filter((e) => e.outside).map((e) => ({ file: joinPath(dir, e.name), reason: OUTSIDE_LINK }));
}

type Refusal = Exclude<FileRead, { bytes: Buffer }>;

function refusalReason(refusal: Refusal, kind: keyof typeof SIZE_LIMITS): string {
  if (refusal.refused === 'outside') return 'resolves outside the repository (not read)';
  return `${formatSize(refusal.size)}, larger than the ${formatSize(refusal.limit)} limit for ${SIZE_LIMITS[kind].what} (not read)`;
}

/**
 * Records a file the tree refused in `skipped`, unless it or a folder above it already is (a `meta` symlink
 * leading outside refuses every file in it), and says why it was not read.
 */
function refuse(file: string, refusal: Refusal, kind: keyof typeof SIZE_LIMITS, skipped: SkippedFile[]): string {
  const covering = skipped.find((s) => s.file === file || file.startsWith(`${s.file}/`));
  if (covering) return covering.reason;
  const reason = refusalReason(refusal, kind);
  skipped.push({ file, reason, ...(refusal.refused === 'too-large' ? { size: refusal.size, limit: refusal.limit } : {}) });
  return reason;
}

/** 16 MiB, 1.9 GiB, 300 KiB: what a reader compares with the limit. */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

export function joinPath(...parts: string[]): string {
  return path.posix.normalize(path.posix.join(...parts));
}
