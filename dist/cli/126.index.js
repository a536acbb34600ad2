export const id = 126;
export const ids = [126];
export const modules = {

/***/ 7126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/findings.ts
// The vocabulary every check speaks: findings, rule metadata, categories and the exit-code contract.
const CATEGORIES = ['config', 'integrity', 'drift', 'safety', 'replay', 'pending'];
/** Public exit codes (a contract with users' workflows). */
const EXIT = {
    ok: 0,
    drift: 1,
    integrity: 2,
    pending: 3,
    config: 4,
    safety: 5,
};
const EXIT_BY_CATEGORY = {
    config: EXIT.config,
    integrity: EXIT.integrity,
    // A migration PostgreSQL rejects fails the deploy as an inconsistent folder does: same exit code.
    replay: EXIT.integrity,
    drift: EXIT.drift,
    pending: EXIT.pending,
    safety: EXIT.safety,
};
/** When several categories fail, the first of this order decides the exit code. */
const EXIT_PRECEDENCE = ['config', 'integrity', 'replay', 'drift', 'pending', 'safety'];
const DOCS_BASE = 'https://github.com/drizzle-guard/drizzle-guard/blob/main/docs/rules';
function ruleDocUrl(id) {
    return `${DOCS_BASE}/${id}.md`;
}
/** Builds a finding from a rule's metadata; the caller supplies location and message. */
function findingOf(rule, fields) {
    return {
        ruleId: rule.id,
        category: rule.category,
        severity: fields.severity ?? rule.defaultSeverity,
        help: fields.help ?? rule.help,
        ...withoutUndefined(fields),
    };
}
function withoutUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
function countsTowardFailure(severity, failOn) {
    if (failOn === 'never')
        return false;
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}
function compareSeverity(a, b) {
    return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}
/**
 * Status of each category given its findings. A category that did not run keeps the status
 * its check reported (skipped / not-implemented).
 */
function categoryStatuses(findings, ran, failOn) {
    const out = {};
    for (const c of CATEGORIES) {
        const status = ran.get(c) ?? 'skipped';
        // A configuration error means the check could not run: it fails whatever --fail-on says.
        const threshold = c === 'config' ? 'error' : failOn;
        const failing = findings.some((f) => f.category === c && countsTowardFailure(f.severity, threshold));
        out[c] = failing ? 'fail' : status;
    }
    return out;
}
function exitCodeOf(categories) {
    const failed = EXIT_PRECEDENCE.find((c) => categories[c] === 'fail');
    return failed ? EXIT_BY_CATEGORY[failed] : EXIT.ok;
}

;// CONCATENATED MODULE: ./src/checks/integrity/rule.ts
/** Where a migration is declared: its journal entry (legacy layout) or its SQL file (folder layout). */
function declarationOf(ctx, migration) {
    const journal = ctx.head.journal;
    if (journal) {
        const i = ctx.head.migrations.indexOf(migration);
        const pos = journal.entryPositions[i] ?? { line: 1, column: 1 };
        return { file: journal.file, ...pos };
    }
    return { file: migration.file, line: 1, column: 1 };
}
const ROOT_SNAPSHOT_ID = '00000000-0000-0000-0000-000000000000';

;// CONCATENATED MODULE: ./src/model/time.ts
// Journal times (`when`, `created_at`: milliseconds since the epoch) as people read them.
/** ISO 8601, or the raw number when it is no representable date (a hand-edited journal). */
function isoTime(ms) {
    return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

;// CONCATENATED MODULE: ./src/checks/integrity/rules/applied-migration-rerun.ts



/**
 * drizzle's migrator reads only the newest `created_at` in __drizzle_migrations and runs every journal entry
 * whose `when` is greater. A merged migration whose `when` is moved past the base branch's newest therefore
 * runs again on every database migrated from the base: usually it fails (CREATE TABLE of a table that
 * exists) and the deploy stops, or it re-applies data changes twice. Seen when a project regenerates an
 * applied migration with a newer drizzle-kit.
 */
const appliedMigrationRerun = {
    meta: {
        id: 'applied-migration-rerun',
        category: 'integrity',
        defaultSeverity: 'error',
        description: "An already-merged migration's journal `when` was moved after the base branch's newest: drizzle's migrator runs it a second time on every database migrated from the base.",
        help: "Restore the migration's `when` (and SQL) from the base branch: git checkout origin/main -- <out>/meta/_journal.json. To change the schema, generate a new migration instead of regenerating an applied one; if the SQL must run again on purpose, make every statement idempotent (IF NOT EXISTS) and say so in the PR.",
    },
    check(ctx) {
        const baseEntries = ctx.base?.journal?.entries ?? [];
        const baseWhen = new Map(baseEntries.filter((e) => typeof e.when === 'number').map((e) => [String(e.tag), e.when]));
        if (ctx.head.layout !== 'journal' || baseWhen.size === 0)
            return [];
        const baseNewest = Math.max(...baseWhen.values());
        const findings = [];
        for (const m of ctx.head.migrations) {
            const before = baseWhen.get(m.tag);
            if (m.isNew || before === undefined || m.when === undefined || m.when === before || m.when <= baseNewest)
                continue;
            findings.push(findingOf(this.meta, {
                message: `"when" of the merged migration ${m.tag} moved from ${isoTime(before)} to ${isoTime(m.when)}, after the base branch's newest (${isoTime(baseNewest)}): ` +
                    `drizzle's migrator runs ${m.tag} again on every database migrated from the base`,
                ...declarationOf(ctx, m),
                migration: m.tag,
            }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/file-not-in-journal.ts

const fileNotInJournal = {
    meta: {
        id: 'file-not-in-journal',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'A SQL file in the migrations folder has no journal entry: the migrator never runs it.',
        help: "Usually two branches generated the same index. Delete the stray migration and its snapshot, merge the base branch, and run `drizzle-kit generate` again so the change gets the next index and a journal entry; for hand-written SQL use `drizzle-kit generate --custom --name <name>` and paste the SQL into the file it creates.",
    },
    check(ctx) {
        return ctx.head.strayFiles.map((file) => findingOf(this.meta, {
            message: `not in meta/_journal.json: drizzle's migrator ignores this file, so its SQL never runs on any database`,
            file,
            line: 1,
            column: 1,
            migration: file.split('/').pop().replace(/\.sql$/, ''),
        }));
    },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/model/source.ts
// Offsets ↔ line/column for source text. The parser speaks UTF-8 byte offsets, JavaScript strings
// UTF-16 offsets, and reports speak 1-based line/column in code points: this is the one place
// that converts between them.
class SourceText {
    text;
    lineStarts;
    /** Without surrogate pairs a UTF-16 offset is a code-point offset: columns are a subtraction. */
    hasSurrogates;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            starts.push(i + 1);
        this.lineStarts = starts;
        this.hasSurrogates = /[\uD800-\uDFFF]/.test(text);
    }
    /** 1-based position of a UTF-16 offset. */
    positionAt(offset) {
        const clamped = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= clamped)
                lo = mid;
            else
                hi = mid - 1;
        }
        const lineStart = this.lineStarts[lo];
        const column = this.hasSurrogates ? codePointCount(this.text, lineStart, clamped) : clamped - lineStart;
        return { line: lo + 1, column: column + 1 };
    }
    /** Span of text[start, end) with white space trimmed on both sides. */
    trimmedSpan(start, end) {
        let s = start;
        let e = end;
        while (s < e && isSpace(this.text.charCodeAt(s)))
            s++;
        while (e > s && isSpace(this.text.charCodeAt(e - 1)))
            e--;
        return { start: this.positionAt(s), end: this.positionAt(Math.max(s, e - 1)) };
    }
}
/** UTF-16 offset in `text` of the UTF-8 byte offset `byteOffset` (as the PostgreSQL parser reports). */
function utf16OffsetOfUtf8(text, byteOffset) {
    let bytes = 0;
    let i = 0;
    while (i < text.length && bytes < byteOffset) {
        const cp = text.codePointAt(i);
        bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        i += cp > 0xffff ? 2 : 1;
    }
    return i;
}
/** UTF-16 offset in `text` after its first `codePoints` code points (libpg_query and PostgreSQL count those). */
function utf16OffsetOfCodePoint(text, codePoints) {
    let i = 0;
    for (let n = 0; n < codePoints && i < text.length; n++)
        i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    return i;
}
function codePointCount(text, from, to) {
    let n = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        // Count a surrogate pair once.
        if (c >= 0xdc00 && c <= 0xdfff && i > from) {
            const prev = text.charCodeAt(i - 1);
            if (prev >= 0xd800 && prev <= 0xdbff)
                continue;
        }
        n++;
    }
    return n;
}
function isSpace(c) {
    return c === 32 || c === 9 || c === 10 || c === 13;
}

;// CONCATENATED MODULE: ./src/model/json.ts
// A JSON value that is an object (not null, not an array).
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./src/model/folder.ts
// Reads a drizzle-kit migration folder (legacy journal layout or the drizzle-kit 1.0 folder layout)
// from a FileTree into the model. Never throws on bad input: defects are recorded in the model
// for the integrity rules to report.




const BREAKPOINT = '--> statement-breakpoint';
/**
 * Files larger than these are not read (their size is taken first): a migration of 16 MiB is generated data, not
 * DDL; the largest journal and snapshot seen in real projects are 44 KB (300 migrations) and 0.6 MB.
 */
const SIZE_LIMITS = {
    sql: { bytes: 16 * 1024 * 1024, what: 'SQL migration files' },
    journal: { bytes: 16 * 1024 * 1024, what: 'the journal' },
    snapshot: { bytes: 64 * 1024 * 1024, what: 'snapshots' },
};
const OUTSIDE_LINK = 'symlink leading outside the repository (not followed)';
/** Snapshot bytes read to find id/prevId/version/dialect without parsing the whole document. */
const SNAPSHOT_HEAD_BYTES = 4096;
const FOLDER_MIGRATION = /^(\d{14})_.+$/;
function readMigrationSet(tree, config) {
    const out = config.out;
    const metaDir = joinPath(out, 'meta');
    const journalFile = joinPath(metaDir, '_journal.json');
    const entries = tree.list(out) ?? [];
    const skipped = outsideLinks(entries, out);
    const journal = tree.read(journalFile, SIZE_LIMITS.journal.bytes);
    if (journal && 'bytes' in journal)
        return readJournalLayout(tree, config, journalFile, journal.bytes, entries, skipped);
    if (journal) {
        // Neither read nor guessed at: file-too-large or file-unreadable says why.
        refuse(journalFile, journal, 'journal', skipped);
        return { layout: 'journal', out, migrations: [], strayFiles: [], snapshots: readSnapshotHeaders(tree, metaDir, skipped), skipped };
    }
    const folders = entries.filter((e) => e.kind === 'dir' && e.name !== 'meta' && isMigrationFolder(tree, joinPath(out, e.name)));
    if (folders.length > 0)
        return readFolderLayout(tree, out, folders.map((f) => f.name), skipped);
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
function readJournalLayout(tree, config, journalFile, bytes, entries, skipped) {
    const out = config.out;
    const metaDir = joinPath(out, 'meta');
    const parsed = parseJournalText(journalFile, bytes.toString('utf8'));
    const snapshots = readSnapshotHeaders(tree, metaDir, skipped);
    const snapshotByFile = new Map(snapshots.map((s) => [s.file, s]));
    const migrations = [];
    const journaled = new Set();
    if ('journal' in parsed) {
        for (const entry of parsed.journal.entries) {
            if (typeof entry.tag !== 'string')
                continue;
            const file = joinPath(out, `${entry.tag}.sql`);
            journaled.add(file);
            const snapshotFile = config.migrations.prefix === 'none' ? undefined : joinPath(metaDir, `${entry.tag.split('_')[0]}_snapshot.json`);
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
    const strayFiles = 'journal' in parsed
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
function readFolderLayout(tree, out, folders, skipped) {
    const migrations = [];
    const snapshots = [];
    for (const folder of folders) {
        const dir = joinPath(out, folder);
        const listing = tree.list(dir) ?? [];
        skipped.push(...outsideLinks(listing, dir));
        const hasSnapshot = listing.some((e) => e.name === 'snapshot.json' && e.kind === 'file' && !e.outside);
        const snapshot = hasSnapshot ? readSnapshotHeader(tree, joinPath(dir, 'snapshot.json'), skipped) : undefined;
        if (snapshot)
            snapshots.push(snapshot);
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
function isMigrationFolder(tree, dir) {
    return (tree.list(dir) ?? []).some((e) => e.name === 'migration.sql' || e.name === 'snapshot.json');
}
/** drizzle-kit 1.0 folder names carry the creation time as YYYYMMDDHHmmss in UTC. */
function folderTimestamp(stamp) {
    const n = (a, b) => Number(stamp.slice(a, b));
    return Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14));
}
function readSql(tree, file, skipped) {
    const read = tree.read(file, SIZE_LIMITS.sql.bytes);
    if (read === undefined)
        return { statements: [] };
    if (!('bytes' in read))
        return { statements: [], unreadable: refuse(file, read, 'sql', skipped) };
    const bytes = read.bytes;
    if (bytes.includes(0))
        return { statements: [], unreadable: 'binary content (NUL bytes)' };
    const sql = bytes.toString('utf8');
    return { sql, hash: (0,external_node_crypto_.createHash)('sha256').update(sql).digest('hex'), statements: splitStatements(sql) };
}
/** Splits a migration on breakpoints exactly as drizzle's migrator does, keeping each chunk's location. */
function splitStatements(sql) {
    const source = new SourceText(sql);
    const statements = [];
    let offset = 0;
    for (const text of sql.split(BREAKPOINT)) {
        if (text.trim() !== '')
            statements.push({ index: statements.length, text, offset, span: source.trimmedSpan(offset, offset + text.length) });
        offset += text.length + BREAKPOINT.length;
    }
    return statements;
}
function parseJournalText(file, text) {
    // drizzle-orm's readMigrationFiles hands the file to JSON.parse as it is, and JSON.parse rejects a BOM.
    if (text.startsWith('\uFEFF')) {
        return { error: { file, message: "the file starts with a UTF-8 byte order mark (BOM), which drizzle-orm's JSON.parse rejects", position: { line: 1, column: 1 } } };
    }
    const source = new SourceText(text);
    const parsed = parseJson(file, text);
    if ('error' in parsed)
        return parsed;
    const doc = parsed.value;
    if (!isObject(doc) || !Array.isArray(doc.entries)) {
        return { error: { file, message: 'the journal has no "entries" array', position: { line: 1, column: 1 } } };
    }
    const positions = entryPositions(text, doc.entries.length).map((o) => source.positionAt(o));
    for (const [i, entry] of doc.entries.entries()) {
        const problem = entryProblem(entry);
        if (problem)
            return { error: { file, message: `entry ${i}: ${problem}`, position: positions[i] ?? { line: 1, column: 1 } } };
    }
    return {
        journal: {
            file,
            version: typeof doc.version === 'string' ? doc.version : undefined,
            dialect: typeof doc.dialect === 'string' ? doc.dialect : undefined,
            entries: doc.entries,
            entryPositions: positions,
        },
    };
}
function entryProblem(entry) {
    if (!isObject(entry))
        return 'is not an object';
    if (typeof entry.tag !== 'string' || entry.tag === '')
        return '"tag" must be a non-empty string';
    if (typeof entry.idx !== 'number')
        return '"idx" must be a number';
    if (typeof entry.when !== 'number')
        return '"when" must be a number (milliseconds since 1970)';
    if (/[\\/]|\.\./.test(entry.tag))
        return `"tag" ${JSON.stringify(entry.tag)} must be a plain file name`;
    return undefined;
}
/** UTF-16 offset of each entry's "tag" key (or its opening brace) in the journal text. */
function entryPositions(text, count) {
    const out = [];
    let pos = text.indexOf('"entries"');
    pos = text.indexOf('[', pos);
    for (let i = 0; i < count && pos >= 0; i++) {
        const open = text.indexOf('{', pos + 1);
        if (open < 0)
            break;
        const close = text.indexOf('}', open);
        const tag = text.indexOf('"tag"', open);
        out.push(tag >= 0 && (close < 0 || tag < close) ? tag : open);
        pos = close;
    }
    return out;
}
function parseJson(file, text) {
    try {
        return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
    }
    catch (e) {
        const message = e.message;
        const at = /position (\d+)/.exec(message);
        const position = new SourceText(text).positionAt(at ? Number(at[1]) : text.length);
        return { error: { file, message: text.trim() === '' ? 'the file is empty' : `invalid JSON: ${message.replace(/ in JSON at position.*$/s, '')}`, position } };
    }
}
function readSnapshotHeaders(tree, metaDir, skipped) {
    return (tree.list(metaDir) ?? [])
        .filter((e) => e.kind === 'file' && !e.outside && e.name.endsWith('.json') && !e.name.startsWith('_'))
        .map((e) => readSnapshotHeader(tree, joinPath(metaDir, e.name), skipped));
}
/**
 * Reads id / prevId(s) / version / dialect from the head of a snapshot and checks that the document
 * is closed. drizzle-kit writes these keys before the schema body, so a history of hundreds of
 * multi-megabyte snapshots is validated without parsing them (see loadSnapshotDocument for a full parse).
 */
function readSnapshotHeader(tree, file, skipped) {
    const peeked = tree.peek(file, SNAPSHOT_HEAD_BYTES, 64);
    if (!peeked)
        return { file, prevIds: [], error: { file, message: 'cannot be read', position: { line: 1, column: 1 } } };
    const limit = SIZE_LIMITS.snapshot.bytes;
    if (peeked.size > limit) {
        const reason = refuse(file, { refused: 'too-large', size: peeked.size, limit }, 'snapshot', skipped);
        return { file, prevIds: [], error: { file, message: reason, position: { line: 1, column: 1 } } };
    }
    if (peeked.size <= SNAPSHOT_HEAD_BYTES)
        return loadSnapshotDocument(tree, file);
    const head = peeked.head.toString('utf8');
    const tail = peeked.tail.toString('utf8').trimEnd();
    const body = head.slice(0, firstNestedValue(head));
    const str = (key) => new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(body)?.[1];
    const id = str('id');
    const conflict = /^(<{7}|={7}|>{7})/m.exec(head);
    if (conflict || !head.trimStart().replace(/^\uFEFF/, '').startsWith('{') || !tail.endsWith('}') || id === undefined) {
        // Something is off: parse it fully to report the exact JSON error.
        return loadSnapshotDocument(tree, file);
    }
    return { file, id, prevIds: prevIdsOf(body, str('prevId')), version: str('version'), dialect: str('dialect'), ...keyPositions(body) };
}
function keyPositions(text) {
    const source = new SourceText(text);
    const at = (re) => {
        const m = re.exec(text);
        return m ? source.positionAt(m.index) : undefined;
    };
    const idPosition = at(/"id"\s*:/);
    const prevIdPosition = at(/"prevIds?"\s*:/);
    return { ...(idPosition ? { idPosition } : {}), ...(prevIdPosition ? { prevIdPosition } : {}) };
}
/** Offset of the first object/array value in the head that is not `prevIds`: the schema body starts there. */
function firstNestedValue(head) {
    const re = /"(\w+)"\s*:\s*[[{]/g;
    for (let m = re.exec(head); m; m = re.exec(head))
        if (m[1] !== 'prevIds')
            return m.index;
    return head.length;
}
function prevIdsOf(body, prevId) {
    const list = /"prevIds"\s*:\s*\[([^\]]*)\]/.exec(body)?.[1];
    if (list !== undefined)
        return [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    return prevId === undefined ? [] : [prevId];
}
/** Parses a whole snapshot (for drift, and for snapshots under scrutiny). */
function loadSnapshotDocument(tree, file) {
    const read = tree.read(file, SIZE_LIMITS.snapshot.bytes);
    if (!read || !('bytes' in read)) {
        const message = read ? refusalReason(read, 'snapshot') : 'cannot be read';
        return { file, prevIds: [], error: { file, message, position: { line: 1, column: 1 } } };
    }
    const text = read.bytes.toString('utf8');
    const parsed = parseJson(file, text);
    if ('error' in parsed)
        return { file, prevIds: [], error: parsed.error };
    const doc = parsed.value;
    if (!isObject(doc))
        return { file, prevIds: [], error: { file, message: 'not a JSON object', position: { line: 1, column: 1 } } };
    const s = (v) => (typeof v === 'string' ? v : undefined);
    const prevIds = Array.isArray(doc.prevIds) ? doc.prevIds.filter((p) => typeof p === 'string') : s(doc.prevId) !== undefined ? [s(doc.prevId)] : [];
    const head = text.slice(0, firstNestedValue(text.slice(0, SNAPSHOT_HEAD_BYTES)));
    const info = { file, id: s(doc.id), prevIds, version: s(doc.version), dialect: s(doc.dialect), ...keyPositions(head), json: doc };
    if (info.id === undefined)
        info.error = { file, message: 'no "id" field', position: { line: 1, column: 1 } };
    return info;
}
function outsideLinks(entries, dir) {
    return entries.filter((e) => e.outside).map((e) => ({ file: joinPath(dir, e.name), reason: OUTSIDE_LINK }));
}
function refusalReason(refusal, kind) {
    if (refusal.refused === 'outside')
        return 'resolves outside the repository (not read)';
    return `${formatSize(refusal.size)}, larger than the ${formatSize(refusal.limit)} limit for ${SIZE_LIMITS[kind].what} (not read)`;
}
/**
 * Records a file the tree refused in `skipped`, unless it or a folder above it already is (a `meta` symlink
 * leading outside refuses every file in it), and says why it was not read.
 */
function refuse(file, refusal, kind, skipped) {
    const covering = skipped.find((s) => s.file === file || file.startsWith(`${s.file}/`));
    if (covering)
        return covering.reason;
    const reason = refusalReason(refusal, kind);
    skipped.push({ file, reason, ...(refusal.refused === 'too-large' ? { size: refusal.size, limit: refusal.limit } : {}) });
    return reason;
}
/** 16 MiB, 1.9 GiB, 300 KiB: what a reader compares with the limit. */
function formatSize(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
function joinPath(...parts) {
    return external_node_path_.posix.normalize(external_node_path_.posix.join(...parts));
}

;// CONCATENATED MODULE: ./src/checks/integrity/rules/file-too-large.ts


const fileTooLarge = {
    meta: {
        id: 'file-too-large',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'A SQL file, journal or snapshot is larger than its size limit: it is not read, so nothing in it is checked.',
        help: 'Keep migrations to DDL as `drizzle-kit generate` writes it; move data loads out of the migrations folder (a seed script, or COPY from a file the deploy provides).',
    },
    check(ctx) {
        return ctx.head.skipped
            .filter((s) => s.size !== undefined && s.limit !== undefined)
            .map((s) => findingOf(this.meta, {
            message: `${s.file} is ${formatSize(s.size)} (${s.size} bytes), over the ${formatSize(s.limit)} limit: it was not read, so nothing in it is checked`,
            file: s.file,
            migration: ctx.head.migrations.find((m) => m.file === s.file || m.snapshot?.file === s.file)?.tag,
        }));
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/file-unreadable.ts

const fileUnreadable = {
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
            if (!reported.has(s.file) && !tooLarge.has(s.file))
                findings.push(findingOf(this.meta, { message: `not read: ${s.reason}`, file: s.file }));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/journal-entry-missing-file.ts


const journalEntryMissingFile = {
    meta: {
        id: 'journal-entry-missing-file',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'A journal entry (or a 1.0 migration folder) names a SQL file that does not exist.',
        help: "Restore the SQL file from git, or remove the entry and its snapshot with `drizzle-kit drop` — never by hand-editing the journal of a migration that already ran.",
    },
    check(ctx) {
        return ctx.head.migrations
            .filter((m) => m.sql === undefined && m.unreadable === undefined)
            .map((m) => findingOf(this.meta, {
            message: `${m.file} does not exist: drizzle's migrator throws on it and applies no migration at all`,
            ...declarationOf(ctx, m),
            migration: m.tag,
        }));
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/journal-idx-sequence.ts


const journalIdxSequence = {
    meta: {
        id: 'journal-idx-sequence',
        category: 'integrity',
        defaultSeverity: 'warning',
        description: 'Journal `idx` values have gaps or duplicates, or an `idx` differs from its tag prefix.',
        help: 'A gap usually means a migration was deleted after it ran somewhere: restore it from git history. Duplicates come from merging two branches: keep the base branch\'s entries, delete your migration and snapshot, and re-run `drizzle-kit generate`.',
    },
    check(ctx) {
        const findings = [];
        const { migrations } = ctx.head;
        const byIndexPrefix = ctx.config.migrations.prefix === 'index';
        let prev;
        for (const m of migrations) {
            if (m.idx === undefined)
                continue;
            const at = { ...declarationOf(ctx, m), migration: m.tag };
            if (prev !== undefined && m.idx > prev + 1) {
                const missing = m.idx === prev + 2 ? `${prev + 1} is` : `${prev + 1}–${m.idx - 1} are`;
                findings.push(findingOf(this.meta, { message: `journal idx jumps from ${prev} to ${m.idx} (${m.tag}): idx ${missing} missing, a migration was probably deleted`, ...at }));
            }
            else if (prev !== undefined && m.idx <= prev) {
                findings.push(findingOf(this.meta, { message: `journal idx ${m.idx} of ${m.tag} is not greater than the previous idx ${prev}: entries were duplicated or reordered by a merge`, ...at }));
            }
            const prefix = /^(\d+)_/.exec(m.tag)?.[1];
            if (byIndexPrefix && prefix !== undefined && Number(prefix) !== m.idx) {
                findings.push(findingOf(this.meta, { message: `${m.tag} has idx ${m.idx} but its tag prefix says ${Number(prefix)}`, ...at }));
            }
            prev = Math.max(prev ?? m.idx, m.idx);
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/journal-invalid.ts

const journalInvalid = {
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

;// CONCATENATED MODULE: ./src/checks/integrity/rules/journal-when-order.ts



const journalWhenOrder = {
    meta: {
        id: 'journal-when-order',
        category: 'integrity',
        defaultSeverity: 'error',
        description: "A journal entry's `when` is not greater than an earlier one's (or than the base branch's newest): drizzle's migrator silently skips it on databases that already ran the newer one.",
        help: "drizzle's migrator applies a migration only if its `when` is greater than the newest `created_at` in __drizzle_migrations. Delete your migration and its snapshot, merge the base branch, and run `drizzle-kit generate` again (it writes a fresh `when`); if it already ran somewhere, set its `when` in meta/_journal.json to a time after the newest applied migration.",
    },
    check(ctx) {
        const findings = [];
        let newest;
        for (const m of ctx.head.migrations) {
            if (m.when === undefined)
                continue;
            if (ctx.head.layout === 'journal' && newest && m.when <= newest.when) {
                findings.push(findingOf(this.meta, {
                    message: `"when" of ${m.tag} (${isoTime(m.when)}) is not after ${newest.tag} (${isoTime(newest.when)}): every database that ran ${newest.tag} will silently skip ${m.tag}`,
                    ...declarationOf(ctx, m),
                    migration: m.tag,
                }));
            }
            if (!newest || m.when > newest.when)
                newest = { when: m.when, tag: m.tag };
        }
        const flagged = new Set(findings.map((f) => f.migration));
        findings.push(...behindBase(this, ctx).filter((f) => !flagged.has(f.migration)));
        return findings;
    },
};
/** New migrations whose `when` is not after the base branch's newest: production (at base) will skip them. */
function behindBase(rule, ctx) {
    const baseEntries = ctx.base?.journal?.entries ?? [];
    const whens = baseEntries.map((e) => e.when).filter((w) => typeof w === 'number');
    if (ctx.head.layout !== 'journal' || whens.length === 0)
        return [];
    const baseNewest = Math.max(...whens);
    const baseTag = String(baseEntries.find((e) => e.when === baseNewest)?.tag);
    return ctx.head.migrations
        .filter((m) => m.isNew && m.when !== undefined && m.when <= baseNewest)
        .map((m) => findingOf(rule.meta, {
        message: `new migration ${m.tag} has "when" ${isoTime(m.when)}, not after the base branch's newest ${baseTag} (${isoTime(baseNewest)}): databases migrated from the base branch will silently skip it`,
        ...declarationOf(ctx, m),
        migration: m.tag,
    }));
}

;// CONCATENATED MODULE: ./src/checks/integrity/rules/migration-deleted.ts

const migrationDeleted = {
    meta: {
        id: 'migration-deleted',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'A migration SQL file that exists at the base commit was deleted.',
        help: 'Databases that ran it keep its changes while fresh databases never get them. Restore the file (and its journal entry and snapshot); to undo its effect, write a new migration.',
    },
    check(ctx) {
        const base = ctx.base;
        if (!base)
            return [];
        return base.deleted
            .filter((file) => file.endsWith('.sql'))
            .map((file) => findingOf(this.meta, {
            message: `exists at the base commit and was deleted: databases that applied it and fresh databases will differ`,
            file,
            migration: file.split('/').pop() === 'migration.sql' ? file.split('/').slice(-2)[0] : file.split('/').pop().replace(/\.sql$/, ''),
        }));
    },
};

;// CONCATENATED MODULE: ./src/model/sql-lexer.ts
// A small SQL lexer: splits a chunk into statements on top-level `;` and yields the tokens a cheap
// classification needs. It knows quotes, E'' strings, dollar quotes, nested block comments and the
// BEGIN … END bodies of MySQL/SQLite triggers, so a `;` inside any of them never splits. Offsets are
// UTF-16 offsets in the text given (the caller adds the chunk's offset in the file).
/** The lexical family of a drizzle dialect. */
function lexDialect(dialect) {
    if (dialect === 'mysql' || dialect === 'singlestore')
        return 'mysql';
    if (dialect === 'sqlite' || dialect === 'turso')
        return 'sqlite';
    return 'postgresql';
}
const lexed = new WeakMap();
/** Lexes a migration chunk once, however many checks ask (integrity and the SQL lint both do). */
function lexChunk(statement, dialect) {
    let byDialect = lexed.get(statement);
    if (!byDialect)
        lexed.set(statement, (byDialect = {}));
    return (byDialect[dialect] ??= lexStatements(statement.text, { dialect }));
}
function lexStatements(text, options = {}) {
    const mysql = options.dialect === 'mysql';
    const backticks = options.dialect === 'mysql' || options.dialect === 'sqlite';
    // Depth of trigger bodies, and of CASE … END inside them (whose END does not close the body).
    let triggerDepth = 0;
    let caseDepth = 0;
    const statements = [];
    const comments = [];
    let tokens = [];
    let leading = [];
    const n = text.length;
    let i = 0;
    const finish = (end) => {
        if (tokens.length > 0)
            statements.push({ start: tokens[0].start, end, tokens, leadingComments: leading });
        tokens = [];
        leading = [];
    };
    while (i < n) {
        const c = text.charCodeAt(i);
        // white space (the regex engine skips runs fast, even before the JIT warms up)
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
            SPACE.lastIndex = i;
            SPACE.test(text);
            i = SPACE.lastIndex;
            continue;
        }
        // -- line comment (and # in MySQL)
        if ((c === 45 && text.charCodeAt(i + 1) === 45) || (mysql && c === 35)) {
            let j = text.indexOf('\n', i);
            if (j < 0)
                j = n;
            const comment = { text: text.slice(c === 35 ? i + 1 : i + 2, j), start: i, line: true };
            comments.push(comment);
            if (tokens.length === 0)
                leading.push(comment);
            i = j;
            continue;
        }
        // /* block comment */ (nests in PostgreSQL)
        if (c === 47 && text.charCodeAt(i + 1) === 42) {
            let depth = 1;
            let j = i + 2;
            while (j < n && depth > 0) {
                if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
                    depth++;
                    j += 2;
                }
                else if (text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47) {
                    depth--;
                    j += 2;
                }
                else
                    j++;
            }
            const comment = { text: text.slice(i + 2, Math.max(i + 2, j - 2)), start: i, line: false };
            comments.push(comment);
            if (tokens.length === 0)
                leading.push(comment);
            i = j;
            continue;
        }
        if (c === 59) {
            // ; (inside a trigger body it separates the body's statements)
            if (triggerDepth > 0)
                tokens.push({ kind: 'punct', value: ';', start: i, end: i + 1 });
            else
                finish(i + 1);
            i++;
            continue;
        }
        // 'string', E'string', N'', B'', X'', U&''
        if (c === 39 || ((c === 69 || c === 101) && text.charCodeAt(i + 1) === 39)) {
            const open = c === 39 ? i : i + 1;
            const escapes = c !== 39 || mysql;
            const [value, end] = readQuoted(text, open, 39, escapes);
            tokens.push({ kind: 'string', value, start: i, end });
            i = end;
            continue;
        }
        // "identifier" (`identifier` in MySQL and SQLite)
        if (c === 34 || (backticks && c === 96)) {
            const [value, end] = readQuoted(text, i, c, false);
            tokens.push({ kind: 'ident', value, start: i, end });
            i = end;
            continue;
        }
        // $tag$ ... $tag$ (or a positional parameter $1)
        if (c === 36) {
            const m = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64));
            if (m) {
                const tag = m[0];
                const close = text.indexOf(tag, i + tag.length);
                const end = close < 0 ? n : close + tag.length;
                tokens.push({ kind: 'string', value: text.slice(i + tag.length, close < 0 ? n : close), start: i, end });
                i = end;
                continue;
            }
        }
        if (isWordStart(c)) {
            WORD_REST.lastIndex = i + 1;
            WORD_REST.test(text);
            const j = WORD_REST.lastIndex;
            const word = text.slice(i, j).toUpperCase();
            if (backticks) {
                if (word === 'BEGIN' && tokens.some((t) => t.kind === 'word' && t.value === 'TRIGGER'))
                    triggerDepth++;
                else if (word === 'CASE' && triggerDepth > 0)
                    caseDepth++;
                else if (word === 'END' && caseDepth > 0)
                    caseDepth--;
                else if (word === 'END' && triggerDepth > 0)
                    triggerDepth--;
            }
            tokens.push({ kind: 'word', value: word, start: i, end: j });
            i = j;
            continue;
        }
        if (c >= 48 && c <= 57) {
            let j = i + 1;
            while (j < n && /[0-9.eE_]/.test(text[j]))
                j++;
            tokens.push({ kind: 'number', value: text.slice(i, j), start: i, end: j });
            i = j;
            continue;
        }
        tokens.push({ kind: 'punct', value: text[i], start: i, end: i + 1 });
        i++;
    }
    finish(tokens.length > 0 ? tokens[tokens.length - 1].end : n);
    return { statements, comments };
}
const SPACE = /[ \t\n\r\f]*/y;
const WORD_REST = /[A-Za-z0-9_$\u0080-\uffff]*/y;
/** Reads a quoted token starting at `open` (the quote); doubled quotes escape, and backslashes when asked. */
function readQuoted(text, open, quote, backslash) {
    if (!backslash) {
        // Fast path: jump from quote to quote.
        const q = String.fromCharCode(quote);
        let value = '';
        let from = open + 1;
        for (;;) {
            const close = text.indexOf(q, from);
            if (close < 0)
                return [value + text.slice(from), text.length];
            if (text.charCodeAt(close + 1) === quote) {
                value += text.slice(from, close + 1);
                from = close + 2;
                continue;
            }
            return [value + text.slice(from, close), close + 1];
        }
    }
    let value = '';
    let j = open + 1;
    let from = j;
    while (j < text.length) {
        const c = text.charCodeAt(j);
        if (backslash && c === 92) {
            value += text.slice(from, j) + text.slice(j + 1, j + 2);
            j += 2;
            from = j;
            continue;
        }
        if (c === quote) {
            if (text.charCodeAt(j + 1) === quote) {
                value += text.slice(from, j + 1);
                j += 2;
                from = j;
                continue;
            }
            return [value + text.slice(from, j), j + 1];
        }
        j++;
    }
    return [value + text.slice(from), text.length];
}
function isWordStart(c) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}

;// CONCATENATED MODULE: ./src/checks/integrity/rules/migration-modified.ts


const migrationModified = {
    meta: {
        id: 'migration-modified',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'A migration that already exists at the base commit was edited.',
        help: "Databases that already ran this migration never run the edit (drizzle's migrator does not compare hashes), while fresh databases do: environments diverge. Revert the edit and put the change in a new migration (`drizzle-kit generate`, or `drizzle-kit generate --custom` for hand-written SQL).",
    },
    check(ctx) {
        const base = ctx.base;
        if (!base)
            return [];
        const at = base.commit ? ` (base ${base.commit.slice(0, 12)})` : '';
        const dialect = lexDialect(ctx.config.dialect);
        // A migration new in this PR (not in the base's journal) was applied nowhere, whatever file existed before.
        return ctx.head.migrations
            .filter((m) => !m.isNew && base.modified.has(m.file))
            .map((m) => {
            const before = base.modifiedSql?.get(m.file);
            const where = { file: m.file, line: 1, column: 1, migration: m.tag };
            if (before !== undefined && m.sql !== undefined && sqlSignature(before, dialect) === sqlSignature(m.sql, dialect)) {
                return findingOf(this.meta, {
                    ...where,
                    severity: 'warning',
                    message: `changed after it was merged${at}, but only in white space or comments: every database runs the same statements, though the file's hash (which drizzle records) differs`,
                });
            }
            return findingOf(this.meta, {
                ...where,
                message: `changed after it was merged${at}: databases that already applied ${m.tag} will never run the change`,
            });
        });
    },
};
const migration_modified_BREAKPOINT = '--> statement-breakpoint';
/** The statements' tokens, chunk by chunk: equal for two texts that differ only in white space and comments. */
function sqlSignature(text, dialect) {
    // Breakpoints are comments to SQL but split the migrator's statements, so they count.
    return text
        .split(migration_modified_BREAKPOINT)
        .map((chunk) => lexStatements(chunk, { dialect })
        .statements.map((s) => s.tokens.map((t) => `${t.kind}:${t.value}`).join(' '))
        .join(';'))
        .join(`\n${migration_modified_BREAKPOINT}\n`);
}

;// CONCATENATED MODULE: ./src/checks/integrity/rules/snapshot-chain-broken.ts


const snapshotChainBroken = {
    meta: {
        id: 'snapshot-chain-broken',
        category: 'integrity',
        defaultSeverity: 'warning',
        description: "A snapshot's `prevId`/`prevIds` points at no snapshot in the folder.",
        help: 'The history was rewritten (a snapshot deleted, renumbered or copied from another branch). Set `prevId` to the id of the snapshot before it, or regenerate the migration from the base branch.',
    },
    check(ctx) {
        // An unparsable snapshot's id is unknown: its children would look orphaned (snapshot-invalid reports the cause).
        if (ctx.head.snapshots.some((s) => s.error))
            return [];
        const ids = new Set(ctx.head.snapshots.map((s) => s.id).filter((id) => id !== undefined));
        return ctx.head.snapshots.flatMap((s) => s.prevIds
            .filter((p) => p !== '' && p !== ROOT_SNAPSHOT_ID && !ids.has(p))
            .map((p) => findingOf(this.meta, {
            message: `prevId ${p} matches no snapshot in ${ctx.head.out}`,
            file: s.file,
            ...(s.prevIdPosition ?? { line: 1, column: 1 }),
            migration: ctx.head.migrations.find((m) => m.snapshot === s)?.tag,
        })));
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/snapshot-chain-fork.ts

const snapshotChainFork = {
    meta: {
        id: 'snapshot-chain-fork',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'Two snapshots share a parent: two branches generated migrations from the same state and the history was merged without regenerating.',
        help: "The later migration was generated without the other branch's changes, so the next `drizzle-kit generate` diffs against an incomplete state. Delete your migration and snapshot, merge the base branch, and run `drizzle-kit generate` again (drizzle-kit 1.0: resolve the conflict `drizzle-kit check` reports).",
    },
    check(ctx) {
        const tagOf = (s) => ctx.head.migrations.find((m) => m.snapshot === s)?.tag;
        if (ctx.head.layout === 'folders')
            return unmergedLeaves(this, ctx.head.snapshots, tagOf);
        const children = new Map();
        for (const s of ctx.head.snapshots) {
            if (s.id === undefined)
                continue;
            for (const p of s.prevIds) {
                if (p === '')
                    continue;
                const byId = children.get(p) ?? new Map();
                if (!byId.has(s.id))
                    byId.set(s.id, s);
                children.set(p, byId);
            }
        }
        const findings = [];
        for (const [parent, byId] of children) {
            const [first, ...others] = [...byId.values()];
            for (const s of others) {
                findings.push(findingOf(this.meta, { message: `follows snapshot ${parent}, as ${first.file} does: the history forked`, file: s.file,
                    ...(s.prevIdPosition ?? { line: 1, column: 1 }), migration: tagOf(s) }));
            }
        }
        return findings;
    },
};
/** drizzle-kit 1.0 histories are a DAG: a fork is a conflict only while both branches stay unmerged leaves. */
function unmergedLeaves(rule, snapshots, tagOf) {
    const referenced = new Set(snapshots.flatMap((s) => s.prevIds));
    const leaves = new Map();
    for (const s of snapshots)
        if (s.id !== undefined && !referenced.has(s.id) && !leaves.has(s.id))
            leaves.set(s.id, s);
    const [first, ...others] = [...leaves.values()];
    return others.map((s) => findingOf(rule.meta, { message: `a second head of the history besides ${first.file}: two branches were merged without resolving them`, file: s.file, migration: tagOf(s) }));
}

;// CONCATENATED MODULE: ./src/checks/integrity/rules/snapshot-duplicate-id.ts

const snapshotDuplicateId = {
    meta: {
        id: 'snapshot-duplicate-id',
        category: 'integrity',
        defaultSeverity: 'warning',
        description: 'Two snapshot files carry the same `id` (a copied snapshot).',
        help: 'A snapshot was copied instead of generated, so the chain is ambiguous. Give the later snapshot a fresh UUID (and point the next snapshot\'s prevId at it), or regenerate the migration with `drizzle-kit generate`.',
    },
    check(ctx) {
        const firstById = new Map();
        return ctx.head.snapshots.flatMap((s) => {
            if (s.id === undefined)
                return [];
            const first = firstById.get(s.id);
            if (first === undefined) {
                firstById.set(s.id, s.file);
                return [];
            }
            return [findingOf(this.meta, { message: `same id ${s.id} as ${first}`, file: s.file, ...(s.idPosition ?? { line: 1, column: 1 }), migration: ctx.head.migrations.find((m) => m.snapshot === s)?.tag })];
        });
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/snapshot-invalid.ts

const snapshotInvalid = {
    meta: {
        id: 'snapshot-invalid',
        category: 'integrity',
        defaultSeverity: 'error',
        description: 'A snapshot is not valid JSON, has merge-conflict markers, or has no id.',
        help: 'drizzle-kit refuses to generate or check while any snapshot is malformed. Restore the file from the base branch, then re-run `drizzle-kit generate` for your change instead of merging snapshot JSON by hand.',
    },
    check(ctx) {
        // A snapshot left unread (too large, outside the repository) is reported by file-too-large or file-unreadable.
        const skipped = new Set(ctx.head.skipped.map((s) => s.file));
        return ctx.head.snapshots
            .filter((s) => s.error && !skipped.has(s.file))
            .map((s) => findingOf(this.meta, {
            message: `snapshot ${s.error.message}: drizzle-kit generate and check stop on it`,
            file: s.file,
            ...s.error.position,
            migration: ctx.head.migrations.find((m) => m.snapshot === s)?.tag,
        }));
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/snapshot-missing.ts


const snapshotMissing = {
    meta: {
        id: 'snapshot-missing',
        category: 'integrity',
        defaultSeverity: 'warning',
        description: 'A migration has no snapshot (meta/<prefix>_snapshot.json, or snapshot.json in a 1.0 folder).',
        help: 'drizzle-kit diffs the schema against the newest snapshot: without it the next `drizzle-kit generate` re-emits this migration\'s changes. Restore the snapshot from git, or delete the migration and generate it again.',
    },
    check(ctx) {
        const { migrations } = ctx.head;
        const last = migrations[migrations.length - 1];
        if (ctx.config.migrations.prefix === 'none' && ctx.head.layout === 'journal') {
            // drizzle-kit writes meta/_snapshot.json for prefix "none" and then ignores it (names starting with "_").
            return last && migrations.length > 1
                ? [
                    findingOf(this.meta, {
                        message: `migrations.prefix "none" stores the snapshot as meta/_snapshot.json, which drizzle-kit ignores: every generate diffs against an empty schema and emits the whole schema again`,
                        severity: 'error',
                        ...declarationOf(ctx, last),
                        migration: last.tag,
                        help: 'Use migrations.prefix "index" (the default) or "timestamp", so drizzle-kit keeps one snapshot per migration.',
                    }),
                ]
                : [];
        }
        return migrations
            .filter((m) => m.snapshot === undefined)
            .map((m) => findingOf(this.meta, {
            message: m === last
                ? `${m.tag} is the newest migration and has no snapshot: the next drizzle-kit generate will diff against an older snapshot and emit these changes again`
                : `${m.tag} has no snapshot`,
            // The newest migration's snapshot is what the next generate diffs against: missing it breaks the next migration.
            severity: m === last ? 'error' : undefined,
            ...declarationOf(ctx, m),
            migration: m.tag,
        }));
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/rules/statements-without-breakpoint.ts



const statementsWithoutBreakpoint = {
    meta: {
        id: 'statements-without-breakpoint',
        category: 'integrity',
        defaultSeverity: 'warning',
        description: 'Several SQL statements sit in one chunk with no `--> statement-breakpoint` between them.',
        help: "drizzle's migrator sends each chunk as one query. node-postgres accepts several statements in one query, but PGlite, postgres.js prepared statements, Neon HTTP, MySQL and SQLite drivers reject them. Put `--> statement-breakpoint` after every statement (as drizzle-kit generate does).",
    },
    check(ctx) {
        const { dialect } = ctx.config;
        const lexical = lexDialect(dialect);
        // PostgreSQL over node-postgres runs multi-statement chunks; every MySQL and SQLite driver fails on them.
        const severity = dialect === 'postgresql' ? undefined : 'error';
        const findings = [];
        // With a base, only what the change adds or edits: older files were checked when they were new.
        const changed = (m) => !ctx.base || m.isNew || ctx.base.modified.has(m.file);
        for (const m of ctx.head.migrations) {
            if (m.sql === undefined || !changed(m))
                continue;
            let source;
            for (const st of m.statements) {
                const { statements } = lexChunk(st, lexical);
                if (statements.length < 2)
                    continue;
                source ??= new SourceText(m.sql);
                const second = source.positionAt(st.offset + statements[1].start);
                findings.push(findingOf(this.meta, {
                    message: `${statements.length} statements in one chunk without a breakpoint between them`,
                    severity,
                    file: m.file,
                    ...second,
                    migration: m.tag,
                }));
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/checks/integrity/index.ts
// The integrity check: journal ↔ SQL files ↔ snapshots, and edits to already-merged migrations.
















const integrityRules = [
    journalInvalid,
    journalEntryMissingFile,
    fileUnreadable,
    fileTooLarge,
    fileNotInJournal,
    journalIdxSequence,
    journalWhenOrder,
    snapshotMissing,
    snapshotInvalid,
    snapshotChainBroken,
    snapshotChainFork,
    snapshotDuplicateId,
    statementsWithoutBreakpoint,
    migrationModified,
    migrationDeleted,
    appliedMigrationRerun,
];
const integrityCheck = {
    name: 'integrity',
    categories: ['integrity'],
    run(ctx) {
        return { status: 'ran', findings: integrityRules.flatMap((rule) => rule.check(ctx)) };
    },
};

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/model/base.ts
// The base commit's view of the migration folder, from git (or from the GitHub API's file list).






/** The repository root containing cwd, or undefined outside a git work tree. */
function gitRoot(cwd) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    }
    catch {
        return undefined;
    }
}
const execGit = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(repoRoot, args) {
    return (await execGit('git', args, { cwd: repoRoot, maxBuffer: 1 << 28 })).stdout;
}
/**
 * True for what --base and base-ref may name: an object id, or a ref name as git check-ref-format allows it
 * (never starting with `-`, so it cannot pass for an option, nor `+`), optionally followed by ~N / ^N ancestry steps.
 */
function isValidRevision(ref) {
    if (/^[0-9a-f]{4,64}$/i.test(ref))
        return true;
    if (ref.length > 255)
        return false;
    const name = ref.replace(/(?:[~^]\d*)+$/, '');
    const forbidden = /[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|\.lock(?:\/|$)|(?:^|\/)\./;
    // A leading `+` is legal in a ref name, but git fetch reads it as a refspec's force flag.
    return name !== '' && name !== '@' && !/^[-+]/.test(name) && !forbidden.test(name);
}
/** Resolves `ref` to a commit; an invalid ref or a missing commit (shallow clone) is a configuration error naming the fix. */
async function resolveCommit(repoRoot, ref) {
    if (!isValidRevision(ref))
        throw new ConfigError(`base ${JSON.stringify(ref)} is not a git ref name or commit sha: no git command was run with it`);
    try {
        return (await git(repoRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    }
    catch {
        throw new ConfigError(`base ${ref} is not in this clone (a shallow checkout?). Fetch it first: git fetch --depth=1 origin ${ref}` +
            ` (with actions/checkout, or set fetch-depth: 0)`);
    }
}
/**
 * Reads the base: which files under `out` existed there, which changed since, and its journal. Asynchronous
 * so that the git processes run while the engine reads the working tree.
 */
async function readBase(repoRoot, cwd, ref, out, headCommit) {
    const commit = await resolveCommit(repoRoot, ref);
    const prefix = external_node_path_.relative(repoRoot, cwd).split(external_node_path_.sep).join('/');
    const toRepo = (p) => external_node_path_.posix.normalize(external_node_path_.posix.join(prefix || '.', p));
    const fromRepo = (p) => external_node_path_.posix.relative(prefix || '.', p);
    const names = (text) => text.split('\0').filter(Boolean).map(fromRepo);
    const journalPath = `${out}/meta/_journal.json`;
    const listFiles = (c) => git(repoRoot, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', c, '--', toRepo(out)]);
    const [listing, diff, journalText, headListing] = await Promise.all([
        listFiles(commit),
        // Compares the base commit with the working tree (uncommitted edits count as changes too), or with the head commit.
        git(repoRoot, ['diff', '--no-renames', '--name-only', '-z', commit, ...(headCommit ? [headCommit] : []), '--', toRepo(out)]),
        git(repoRoot, ['show', `${commit}:${toRepo(journalPath)}`]).catch(() => undefined),
        headCommit ? listFiles(headCommit) : undefined,
    ]);
    const files = new Set(names(listing));
    const headFiles = headListing === undefined ? undefined : new Set(names(headListing));
    const exists = (f) => (headFiles ? headFiles.has(f) : external_node_fs_.existsSync(external_node_path_.join(cwd, f)));
    const modified = new Set(names(diff).filter((f) => files.has(f) && exists(f)));
    const deleted = [...files].filter((f) => !exists(f));
    const parsed = journalText === undefined ? undefined : parseJournalText(journalPath, journalText);
    // Few files change in a PR: their base text tells an edit that changes nothing (white space, comments) from one that does.
    const modifiedSql = new Map(await Promise.all([...modified].filter((f) => f.endsWith('.sql')).map(async (f) => [f, await git(repoRoot, ['show', `${commit}:${toRepo(f)}`])])));
    return { ref, commit, files, modified, deleted, modifiedSql, ...(parsed && 'journal' in parsed ? { journal: parsed.journal } : {}) };
}
/** The base as far as the GitHub API's list of changed files tells it (no base commit in the clone). */
function baseFromChangedFiles(ref, head, changed) {
    const under = (f) => f.startsWith(`${head.out}/`);
    const status = new Map(changed.filter((c) => under(c.file)).map((c) => [c.file, c.status]));
    const headFiles = [...head.migrations.map((m) => m.file), ...head.strayFiles, ...head.snapshots.map((s) => s.file)];
    const files = new Set(headFiles.filter((f) => status.get(f) !== 'added'));
    const deleted = [...status].filter(([, s]) => s === 'removed').map(([f]) => f);
    for (const f of deleted)
        files.add(f);
    const modified = new Set([...status].filter(([, s]) => s === 'modified').map(([f]) => f));
    return { ref, files, modified, deleted };
}

;// CONCATENATED MODULE: ./src/config/config-literals.ts
// A drizzle config read as text, never executed: where the repository's code must not run (a fork's PR
// under pull_request_target), `out` and `dialect` are taken from the config when they are plain string
// literals, as drizzle-kit writes them (`out: './drizzle'`, `"dialect": "postgresql"`).
/** The string literal assigned to each key, when it is assigned exactly once. */
function configLiterals(source) {
    const code = withoutComments(source);
    const found = {};
    for (const key of ['out', 'dialect']) {
        // A key, quoted or not, then a literal without interpolation or escapes: anything computed is not guessed at.
        const re = new RegExp(`(?:^|[\\s{,])["']?${key}["']?\\s*:\\s*(["'\`])([^"'\`\\\\\\n$]*)\\1`, 'g');
        const values = [...code.matchAll(re)].map((m) => m[2]);
        if (values.length === 1 && values[0] !== '')
            found[key] = values[0];
    }
    return found;
}
/** Removes // and /* *\/ comments outside string literals. */
function withoutComments(source) {
    let out = '';
    let quote;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (quote) {
            out += c;
            if (c === '\\')
                out += source[++i] ?? '';
            else if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'" || c === '`') {
            quote = c;
            out += c;
        }
        else if (c === '/' && source[i + 1] === '/') {
            while (i < source.length && source[i] !== '\n')
                i++;
            out += '\n';
        }
        else if (c === '/' && source[i + 1] === '*') {
            const end = source.indexOf('*/', i + 2);
            i = end < 0 ? source.length : end + 1;
            out += ' ';
        }
        else {
            out += c;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/types.ts
// The model: what a drizzle-kit migration folder holds, with exact source locations.
// Built by src/model/folder.ts from a FileTree (the working tree, or a git commit).
const DIALECTS = ['postgresql', 'mysql', 'sqlite', 'turso', 'singlestore', 'gel'];

;// CONCATENATED MODULE: ./src/config/package-manager.ts
// The project's package manager, from its lock file (or package.json's "packageManager"), so that
// printed commands work where they are printed: `pnpm drizzle-kit generate`, not always `npx`.


const LOCK_FILES = [
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
    ['package-lock.json', 'npm'],
    ['npm-shrinkwrap.json', 'npm'],
];
/** Looks in `dir` and its parents up to `root` (the repository root) inclusive; npm when nothing says. */
function packageManagerOf(dir, root) {
    for (let d = external_node_path_.resolve(dir);; d = external_node_path_.dirname(d)) {
        for (const [file, pm] of LOCK_FILES)
            if (external_node_fs_.existsSync(external_node_path_.join(d, file)))
                return pm;
        const declared = declaredManager(external_node_path_.join(d, 'package.json'));
        if (declared)
            return declared;
        if ((root && external_node_path_.resolve(root) === d) || external_node_path_.dirname(d) === d)
            return 'npm';
    }
}
function declaredManager(file) {
    try {
        const name = String(JSON.parse(external_node_fs_.readFileSync(file, 'utf8')).packageManager ?? '').split('@')[0];
        return ['npm', 'pnpm', 'yarn', 'bun'].find((pm) => pm === name);
    }
    catch {
        return undefined;
    }
}
/** How to run a package's binary: `npx drizzle-kit`, `pnpm drizzle-kit`, … */
function runBinary(pm, bin) {
    return `${{ npm: 'npx', pnpm: 'pnpm', yarn: 'yarn', bun: 'bunx' }[pm]} ${bin}`;
}
function installCommand(pm) {
    return { npm: 'npm ci', pnpm: 'pnpm install', yarn: 'yarn install', bun: 'bun install' }[pm];
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/config/worker-process.ts
// Runs the user's code (config, schema) in a child process held at arm's length: a time limit and a
// memory limit, stdin closed (drizzle-kit's rename prompt then throws instead of waiting), the job and
// the answer over IPC, an environment without our secrets, and whatever the code prints sent to our
// stderr (never our stdout, which may carry a JSON report). A child that exits (even with
// `process.exit(0)`), never settles, loops or runs out of memory becomes a failure in plain words.




const DEFAULT_MEMORY_MB = 4096;
function limitFromEnv(name, fallback) {
    const fromEnv = Number(process.env[name]);
    return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}
function runWorker(job, cwd, limits) {
    const { file, execArgv } = workerCommand();
    const memoryMb = limitFromEnv('DRIZZLE_GUARD_WORKER_MEMORY_MB', DEFAULT_MEMORY_MB);
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.fork)(file, [], {
            cwd,
            env: scrubbedEnv(process.env, limits.secrets ?? []),
            execArgv: [...execArgv, `--max-old-space-size=${memoryMb}`],
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
            serialization: 'advanced',
        });
        track(child);
        let output = '';
        const relay = (chunk) => {
            process.stderr.write(redactUrls(chunk.toString('utf8')));
            output = (output + chunk.toString('utf8')).slice(-4000);
        };
        child.stdout.on('data', relay);
        child.stderr.on('data', relay);
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (child.exitCode === null && child.signalCode === null)
                child.kill('SIGKILL');
            resolve(outcome);
        };
        const timer = setTimeout(() => {
            settle({
                ok: false,
                kind: 'timeout',
                message: `${limits.task} did not finish within ${Math.round(limits.timeoutMs / 1000)} s (code at the top level of a module that never returns, or loops?)`,
            });
        }, limits.timeoutMs);
        child.on('message', (m) => settle(m));
        child.on('error', (e) => settle({ ok: false, kind: 'crashed', message: `the worker process could not start: ${e.message}` }));
        child.on('exit', (code, signal) => {
            // Let buffered output arrive before describing the exit.
            setImmediate(() => settle({
                ok: false,
                kind: 'crashed',
                message: `${exitCause(code, signal, output)} while ${limits.task}, before an answer${describeOutput(output)}`,
            }));
        });
        try {
            child.send(job);
        }
        catch (e) {
            // A job the IPC channel cannot serialise (a snapshot nested too deep): end the worker and its timer now.
            settle({ ok: false, kind: 'crashed', message: `the job could not be sent to the worker: ${e.message}` });
        }
    });
}
/** Hides the credentials of any URL (user code may print its connection string). */
function redactUrls(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
}
function exitCause(code, signal, output) {
    if (/heap out of memory|Allocation failed/i.test(output))
        return 'the process ran out of memory';
    if (signal)
        return `the process was ended by ${signal}`;
    return `the code ended the process (exit code ${code})`;
}
function describeOutput(output) {
    // eslint-disable-next-line no-control-regex
    const text = output.replace(/\u001b\[[0-9;]*m/g, '').trim();
    return text ? `; it printed: ${text.split('\n').slice(-8).join(' | ')}` : '';
}
/**
 * The environment drizzle-kit would see, minus what belongs to us: the action's inputs (the GitHub token,
 * the database URL), GitHub's own tokens, and any variable holding one of `secrets`.
 */
function scrubbedEnv(env, secrets) {
    const scrubbed = {};
    for (const [name, value] of Object.entries(env)) {
        if (/^INPUT_/i.test(name) || OURS.has(name.toUpperCase()))
            continue;
        if (value !== undefined && secrets.includes(value))
            continue;
        scrubbed[name] = value;
    }
    return scrubbed;
}
const OURS = new Set([
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'DRIZZLE_GUARD_DATABASE_URL',
]);
/** Children still running: a SIGTERM to us ends them too, so none outlives the run. */
const live = new Set();
function onTerminate(signal) {
    for (const child of live)
        child.kill('SIGKILL');
    process.removeListener('SIGTERM', onTerminate);
    process.removeListener('SIGINT', onTerminate);
    process.kill(process.pid, signal);
}
function track(child) {
    if (live.size === 0) {
        process.on('SIGTERM', onTerminate);
        process.on('SIGINT', onTerminate);
    }
    live.add(child);
    child.once('exit', () => {
        live.delete(child);
        if (live.size === 0) {
            process.removeListener('SIGTERM', onTerminate);
            process.removeListener('SIGINT', onTerminate);
        }
    });
}
/**
 * The worker next to the running bundle (dist/<entry>/index.js → dist/drift-worker/index.js), or, when
 * running from the TypeScript sources (tests, development), src/drift-worker.ts through jiti's loader.
 */
function workerCommand() {
    const override = process.env.DRIZZLE_GUARD_DRIFT_WORKER;
    if (override)
        return { file: override, execArgv: [] };
    const entry = process.argv[1] ? external_node_path_.dirname(external_node_fs_.realpathSync(process.argv[1])) : '';
    for (const candidate of [external_node_path_.join(entry, '..', 'drift-worker', 'index.js'), external_node_path_.join(entry, 'drift-worker', 'index.js')]) {
        if (entry && external_node_fs_.existsSync(candidate))
            return { file: candidate, execArgv: [] };
    }
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    const source = external_node_path_.resolve(external_node_path_.dirname(here), '..', 'drift-worker.ts');
    return { file: source, execArgv: ['--import', import.meta.resolve('jiti/register')] };
}

;// CONCATENATED MODULE: ./src/config/drizzle-config.ts
// Finds and loads drizzle.config.* the way drizzle-kit does (default export, often defineConfig({...})),
// then applies drizzle-kit's defaults. A config is code: it runs in the worker process (time and memory
// limits, our secrets scrubbed from its environment, its output kept off our stdout), loaded as
// load-module.ts describes.








const CONFIG_NAMES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `drizzle.config.${ext}`);
class ConfigError extends Error {
    file;
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}
/** Config files to check, relative to cwd: the given ones, or the one found in cwd, or none (flags only). */
function discoverConfigs(cwd, given, overrides) {
    if (given.length > 0)
        return given;
    const found = CONFIG_NAMES.find((name) => external_node_fs_.existsSync(external_node_path_.join(cwd, name)));
    if (found)
        return [found];
    if (overrides.out || overrides.dialect)
        return [];
    throw new ConfigError(`no drizzle config found in ${cwd} (looked for ${CONFIG_NAMES.join(', ')}); pass --config FILE, or --out DIR and --dialect`);
}
/**
 * Loads one config file (relative to cwd). `execute` is false where the repository's code must not run;
 * `secrets` (database URLs) are kept out of the environment of the code that does.
 */
async function loadDrizzleConfig(cwd, file, overrides, execute, secrets = []) {
    const abs = external_node_path_.resolve(cwd, file);
    if (!external_node_fs_.existsSync(abs))
        throw new ConfigError(`config file not found: ${file}`, file);
    const raw = abs.endsWith('.json') ? readJsonConfig(abs, file) : execute ? await importConfig(cwd, abs, file, secrets) : configLiterals(external_node_fs_.readFileSync(abs, 'utf8'));
    if (!execute && !abs.endsWith('.json') && raw.dialect === undefined && !overrides.dialect) {
        throw new ConfigError(`${file} was read without running it (code from this pull request is untrusted here) and its dialect is not a plain string literal; ` +
            'pass --dialect (and --out when the folder is not a literal either)', file);
    }
    return resolveConfig(raw, overrides, external_node_path_.relative(cwd, abs).split(external_node_path_.sep).join('/'));
}
function resolveConfig(raw, overrides, file) {
    const where = file ?? 'the command line';
    const dialect = overrides.dialect ?? normalizeDialect(raw.dialect, where);
    const out = overrides.out ?? stringField(raw, 'out', where) ?? 'drizzle';
    const schema = raw.schema === undefined ? undefined : Array.isArray(raw.schema) ? raw.schema.map(String) : [String(raw.schema)];
    const casing = raw.casing;
    if (casing !== undefined && casing !== 'snake_case' && casing !== 'camelCase') {
        throw new ConfigError(`${where}: "casing" must be "snake_case" or "camelCase", got ${JSON.stringify(casing)}`, file);
    }
    const migrations = isObject(raw.migrations) ? raw.migrations : {};
    return {
        ...(file ? { file } : {}),
        dialect,
        out: external_node_path_.posix.normalize(out.split(external_node_path_.sep).join('/')),
        ...(schema ? { schema } : {}),
        ...(casing ? { casing: casing } : {}),
        breakpoints: raw.breakpoints !== false,
        migrations: {
            table: stringField(migrations, 'table', where) ?? '__drizzle_migrations',
            schema: stringField(migrations, 'schema', where) ?? 'drizzle',
            prefix: stringField(migrations, 'prefix', where) ?? 'index',
        },
    };
}
function normalizeDialect(value, where) {
    if (value === 'pg')
        return 'postgresql';
    if (typeof value === 'string' && DIALECTS.includes(value))
        return value;
    if (value === undefined)
        throw new ConfigError(`${where}: no "dialect" (pass --dialect ${DIALECTS.join('|')})`);
    throw new ConfigError(`${where}: unsupported dialect ${JSON.stringify(value)} (supported: ${DIALECTS.join(', ')})`);
}
function stringField(o, key, where) {
    const v = o[key];
    if (v === undefined)
        return undefined;
    if (typeof v !== 'string' || v === '')
        throw new ConfigError(`${where}: "${key}" must be a non-empty string`);
    return v;
}
function readJsonConfig(abs, file) {
    let value;
    try {
        value = JSON.parse(external_node_fs_.readFileSync(abs, 'utf8'));
    }
    catch (e) {
        throw new ConfigError(`${file} is not valid JSON: ${e.message}`, file);
    }
    if (!isObject(value))
        throw new ConfigError(`${file} must hold a JSON object`, file);
    return value;
}
/** A config that never settles, loops or exits gets this long; a normal one takes well under a second. */
const CONFIG_TIMEOUT_MS = 30_000;
async function importConfig(cwd, abs, file, secrets) {
    const job = { kind: 'config', cwd, file: abs };
    const timeoutMs = limitFromEnv('DRIZZLE_GUARD_CONFIG_TIMEOUT_MS', CONFIG_TIMEOUT_MS);
    const result = await runWorker(job, cwd, { timeoutMs, task: `loading ${file}`, secrets });
    if (result.ok)
        return result.config;
    throw new ConfigError(`${file} could not be loaded: ${describeLoadFailure(result, cwd)}`, file);
}
/**
 * A failed load in the user's terms: where (file:line relative to cwd), what, and the install command
 * only when a package is really missing. No absolute path of the machine it ran on.
 */
function describeLoadFailure(failure, cwd) {
    const where = 'file' in failure && failure.file ? `${relativeTo(cwd, failure.file)}${failure.line ? `:${failure.line}` : ''}: ` : '';
    const missing = 'missingPackage' in failure && failure.missingPackage;
    const hint = missing ? ` (run ${installCommand(packageManagerOf(cwd, gitRoot(cwd)))} before this step)` : '';
    const message = redactUrls(withoutAbsolutePaths(failure.message, cwd));
    return `${where && !message.startsWith(where.slice(0, -2)) ? where : ''}${message}${hint}`;
}
function relativeTo(cwd, file) {
    return external_node_path_.relative(cwd, file).split(external_node_path_.sep).join('/');
}
/** Paths under cwd (or its repository) written relative to cwd: a message must not carry the runner's folders. */
function withoutAbsolutePaths(text, cwd) {
    const root = gitRoot(cwd);
    let out = text.split(`file://${cwd}${external_node_path_.sep}`).join('').split(`${cwd}${external_node_path_.sep}`).join('');
    if (root && root !== cwd)
        out = out.split(`${root}${external_node_path_.sep}`).join(`${relativeTo(cwd, root)}/`);
    return out;
}

;// CONCATENATED MODULE: ./src/model/tree.ts
// The file-access layer of the model: the migration folder is read only through a FileTree. Nothing that
// resolves outside the repository is read (the folder itself, `meta`, any file: through a symlink, `..` or an
// absolute path), and a file larger than the caller's limit is not read (its size is taken first).



/** The working tree below `cwd`, confined to `repoRoot`. */
function workingTree(cwd, repoRoot) {
    const root = external_node_fs_.realpathSync(repoRoot);
    const abs = (p) => external_node_path_.resolve(cwd, p);
    const isOutside = (p) => !isInside(root, realPath(abs(p)));
    // Listings are cached, each folder's real path checked once: reads consult them instead of calling realpath per file.
    const listings = new Map();
    const listing = (dir) => {
        const key = abs(dir);
        if (!listings.has(key))
            listings.set(key, isOutside(key) ? 'outside' : readListing(key, root));
        return listings.get(key);
    };
    /** A file's entry in its folder, or 'outside' when the file or its folder leads outside the repository. */
    const entryOf = (file) => {
        const entries = listing(external_node_path_.dirname(file));
        if (entries === 'outside')
            return 'outside';
        const entry = entries?.get(external_node_path_.basename(file));
        return entry?.outside ? 'outside' : entry;
    };
    return {
        list(dir) {
            const entries = listing(dir);
            return entries === undefined || entries === 'outside' ? undefined : [...entries.values()].sort(byName);
        },
        read(file, limit) {
            const entry = entryOf(file);
            if (entry === 'outside')
                return { refused: 'outside' };
            return entry?.kind === 'file' ? readLimited(abs(file), limit) : undefined;
        },
        peek(file, head, tail) {
            const entry = entryOf(file);
            if (entry === 'outside' || entry?.kind !== 'file')
                return undefined;
            return withOpenFile(abs(file), (fd, size) => {
                const h = Buffer.alloc(Math.min(head, size));
                external_node_fs_.readSync(fd, h, 0, h.length, 0);
                const t = Buffer.alloc(Math.min(tail, size));
                external_node_fs_.readSync(fd, t, 0, t.length, size - t.length);
                return { head: h, tail: t, size };
            });
        },
        isOutside,
    };
}
/** Blobs larger than this are not taken out of git when a commit is read: their readers' limits are smaller. */
const COMMIT_BLOB_LIMIT = 64 * 1024 * 1024;
/**
 * The tree of `commit` below `prefix` (cwd relative to the repository root), for a pull request whose head is
 * not checked out: git objects only, nothing written or run. Two git processes: `ls-tree -l` (sizes first, so
 * an oversized blob is never read) and one `cat-file --batch` for the blobs under `dirs`. Symlinks are git
 * blobs of their own mode: listed as `other`, never followed.
 */
function commitTree(repoRoot, commit, prefix, dirs) {
    const files = new Map();
    const dirEntries = new Map();
    const toRepo = (p) => external_node_path_.posix.normalize(external_node_path_.posix.join(prefix, p)).replace(/^\.\/?/, '') || '.';
    const isOutside = (p) => toRepo(p).startsWith('..') || external_node_path_.posix.isAbsolute(p);
    const repoDirs = dirs.filter((d) => !isOutside(d)).map((d) => toRepo(d).replace(/\/$/, ''));
    const listing = repoDirs.length === 0 ? '' : (0,external_node_child_process_.execFileSync)('git', ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...repoDirs], { cwd: repoRoot, maxBuffer: 1 << 28 }).toString('utf8');
    const blobs = [];
    for (const record of listing.split('\0')) {
        const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(record);
        if (!m || m[2] !== 'blob')
            continue;
        const [, mode, , oid, size, file] = m;
        addToDirs(dirEntries, file, mode === '100644' || mode === '100755' ? 'file' : 'other');
        if (Number(size) > COMMIT_BLOB_LIMIT)
            files.set(file, Number(size));
        else if (mode !== '120000')
            blobs.push({ oid, file });
    }
    if (blobs.length > 0) {
        const out = (0,external_node_child_process_.execFileSync)('git', ['cat-file', '--batch'], { cwd: repoRoot, input: blobs.map((b) => b.oid).join('\n') + '\n', maxBuffer: 1 << 30 });
        let pos = 0;
        for (const blob of blobs) {
            const nl = out.indexOf(10, pos);
            const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
            files.set(blob.file, out.subarray(nl + 1, nl + 1 + size));
            pos = nl + 1 + size + 1;
        }
    }
    return {
        list(dir) {
            const entries = isOutside(dir) ? undefined : dirEntries.get(toRepo(dir));
            return entries ? [...entries.values()].sort(byName) : undefined;
        },
        read(file, limit) {
            if (isOutside(file))
                return { refused: 'outside' };
            const content = files.get(toRepo(file));
            if (content === undefined)
                return undefined;
            const size = typeof content === 'number' ? content : content.length;
            return typeof content === 'number' || size > limit ? { refused: 'too-large', size, limit } : { bytes: content };
        },
        peek(file, head, tail) {
            const content = isOutside(file) ? undefined : files.get(toRepo(file));
            if (content === undefined || typeof content === 'number')
                return undefined;
            return { head: content.subarray(0, head), tail: content.subarray(Math.max(0, content.length - tail)), size: content.length };
        },
        isOutside,
    };
}
function addToDirs(dirs, file, kind) {
    const parts = file.split('/');
    for (let i = 0; i < parts.length; i++) {
        const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
        let entries = dirs.get(dir);
        if (!entries)
            dirs.set(dir, (entries = new Map()));
        if (!entries.has(parts[i]))
            entries.set(parts[i], { name: parts[i], kind: i === parts.length - 1 ? kind : 'dir' });
    }
}
/** The tree a check reads extra files through: the engine's, or (unit tests) the working tree below cwd. */
function treeOf(ctx) {
    return ctx.tree ?? workingTree(ctx.cwd, ctx.cwd);
}
/** The file's bytes, its size taken from the open file before anything is read. */
function readLimited(full, limit) {
    return withOpenFile(full, (fd, size) => {
        if (size > limit)
            return { refused: 'too-large', size, limit };
        const bytes = Buffer.alloc(size);
        let filled = 0;
        while (filled < size) {
            const n = external_node_fs_.readSync(fd, bytes, filled, size - filled, filled);
            if (n === 0)
                break; // the file shrank since fstat
            filled += n;
        }
        return { bytes: bytes.subarray(0, filled) };
    });
}
function withOpenFile(full, use) {
    let fd;
    try {
        fd = external_node_fs_.openSync(full, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const stat = external_node_fs_.fstatSync(fd);
        return stat.isFile() ? use(fd, stat.size) : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        external_node_fs_.closeSync(fd);
    }
}
/** The real path of `p`; for a path that does not exist, its nearest existing ancestor's real path and the rest. */
function realPath(p) {
    try {
        return external_node_fs_.realpathSync(p);
    }
    catch {
        const parent = external_node_path_.dirname(p);
        return parent === p ? p : external_node_path_.join(realPath(parent), external_node_path_.basename(p));
    }
}
function readListing(dir, root) {
    let dirents;
    try {
        dirents = external_node_fs_.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return undefined;
    }
    return new Map(dirents.map((d) => [
        d.name,
        d.isSymbolicLink() ? symlinkEntry(external_node_path_.join(dir, d.name), d.name, root) : { name: d.name, kind: d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other' },
    ]));
}
function symlinkEntry(full, name, root) {
    let target;
    let stat;
    try {
        target = external_node_fs_.realpathSync(full);
        stat = external_node_fs_.statSync(target);
    }
    catch {
        return { name, kind: 'other' };
    }
    if (!isInside(root, target))
        return { name, kind: stat.isDirectory() ? 'dir' : 'file', outside: true };
    return { name, kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other' };
}
function isInside(root, target) {
    const rel = external_node_path_.relative(root, target);
    return rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !external_node_path_.isAbsolute(rel);
}
function byName(a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/checks/drift/rules/migration-sql-mismatch.ts
const migrationSqlMismatch = {
    id: 'migration-sql-mismatch',
    category: 'drift',
    defaultSeverity: 'warning',
    description: "A new migration's SQL differs from what drizzle-kit generates between its previous snapshot and its own: the file was edited by hand.",
    help: 'Keep schema changes in the TypeScript schema and let `drizzle-kit generate` write them; put hand-written SQL (data backfills, extensions) in its own `drizzle-kit generate --custom` migration.',
};

;// CONCATENATED MODULE: ./src/checks/drift/rules/schema-drift.ts
const schemaDrift = {
    id: 'schema-drift',
    category: 'drift',
    defaultSeverity: 'error',
    description: 'The TypeScript schema differs from the latest committed snapshot: a schema change was pushed without `drizzle-kit generate`.',
    help: 'Run `npx drizzle-kit generate` locally (answer its rename questions if any), review the new migration and commit it together with its snapshot.',
};

;// CONCATENATED MODULE: ./src/checks/drift/rules/schema-load-failed.ts
/** Drift could not run: the schema did not load or drizzle-kit could not diff it. A configuration error (exit 4). */
const schemaLoadFailed = {
    id: 'schema-load-failed',
    category: 'config',
    defaultSeverity: 'error',
    description: 'The schema named by the drizzle config could not be loaded and compared with the snapshots.',
    help: 'Check `schema` in the drizzle config, install dependencies (`npm ci` / `pnpm install`) before this step, and make sure `npx drizzle-kit generate` works locally.',
};

;// CONCATENATED MODULE: ./src/checks/drift/run-worker.ts
// Runs the drift job in the worker process (src/config/worker-process.ts holds it at arm's length).

/** Long enough for a 1,000-table schema on a slow runner (~3 s measured), short enough to end a hung job. */
const DEFAULT_TIMEOUT_MS = 60_000;
function runDriftWorker(job, secrets = []) {
    const timeoutMs = limitFromEnv('DRIZZLE_GUARD_DRIFT_TIMEOUT_MS', DEFAULT_TIMEOUT_MS);
    return runWorker(job, job.cwd, { timeoutMs, task: 'loading the schema and diffing it', secrets });
}

;// CONCATENATED MODULE: ./src/checks/drift/sql-compare.ts
// Comparing committed migration SQL with what drizzle-kit generates, insensitive to what does not change
// the schema: statement breakpoints, white space, comments, trailing semicolons, statement order, and
// `IF EXISTS` / `IF NOT EXISTS` on the same object. A difference is shown as the differing part of both.

const sql_compare_BREAKPOINT = '--> statement-breakpoint';
/** Statements of a SQL text in a comparable form: split where SQL splits them (the lexer knows quotes, dollar bodies and comments). */
function comparableStatements(sql) {
    return sql
        .split(sql_compare_BREAKPOINT)
        .flatMap((chunk) => lexStatements(chunk).statements.map((s) => chunk.slice(s.start, s.end).replace(/;$/, '')))
        .map((s) => s
        .split(/\r?\n/)
        .filter((line) => !/^\s*--/.test(line))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim())
        .filter((s) => s !== '');
}
/** Multiset difference between the expected (generated) and the committed statements. */
function compareSql(expected, committed) {
    const remaining = comparableStatements(committed);
    const remainingKeys = remaining.map(statementKey);
    const missing = [];
    for (const statement of expected.flatMap(comparableStatements)) {
        const at = remainingKeys.indexOf(statementKey(statement));
        if (at === -1) {
            missing.push(statement);
        }
        else {
            remaining.splice(at, 1);
            remainingKeys.splice(at, 1);
        }
    }
    return { missing, added: remaining };
}
/** A statement's tokens (no white space, no comments), without `IF [NOT] EXISTS`: equal keys, same schema change. */
function statementKey(statement) {
    const tokens = lexStatements(statement).statements.flatMap((s) => s.tokens);
    const kept = tokens.filter((_, i) => {
        const word = (j) => (tokens[j]?.kind === 'word' ? tokens[j].value : '');
        if (word(i) === 'IF' && (word(i + 1) === 'EXISTS' || (word(i + 1) === 'NOT' && word(i + 2) === 'EXISTS')))
            return false;
        if (word(i) === 'EXISTS' && (word(i - 1) === 'IF' || (word(i - 1) === 'NOT' && word(i - 2) === 'IF')))
            return false;
        if (word(i) === 'NOT' && word(i - 1) === 'IF' && word(i + 1) === 'EXISTS')
            return false;
        return true;
    });
    return kept.map((t) => `${t.kind}:${t.value}`).join(' ');
}
/**
 * The part of two similar statements that differs, with a few words of context either side:
 * `… REFERENCES "users"("id") [ON DELETE cascade] …`. Undefined when they share no leading words.
 */
function differingPart(generated, committed) {
    const a = generated.split(' ');
    const b = committed.split(' ');
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start])
        start++;
    if (start < 3)
        return undefined;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
        end++;
    const context = 3;
    const show = (words) => {
        const from = Math.max(0, start - context);
        const to = Math.min(words.length, words.length - end + context);
        const middle = words.slice(start, words.length - end).join(' ');
        const before = words.slice(from, start).join(' ');
        const after = words.slice(words.length - end, to).join(' ');
        return [from > 0 ? '…' : '', before, middle ? `[${middle}]` : '[]', after, to < words.length ? '…' : ''].filter(Boolean).join(' ');
    };
    return { generated: show(a), committed: show(b) };
}

;// CONCATENATED MODULE: ./src/checks/drift/index.ts
// Drift: does the TypeScript schema match the latest committed snapshot, and does each new migration's
// SQL match what drizzle-kit generates between its snapshots? The schema is user code, so loading it and
// asking drizzle-kit happen in a worker process (run-worker.ts); this module prepares the job and turns
// the answer into findings.















const driftCheck = {
    name: 'drift',
    categories: ['drift'],
    run: checkDrift,
};
async function checkDrift(ctx) {
    const { config } = ctx;
    if (!ctx.options.drift)
        return skipped('drift is off (--no-drift)');
    if (ctx.options.headCommit) {
        return skipped("the pull request's head is not checked out (its migrations were read from git objects): its schema files are not on disk");
    }
    if (!ctx.options.allowCodeExecution) {
        return skipped("the schema is the pull request's own code, and running untrusted code is not allowed here (pull_request_target from a fork)");
    }
    if (config.dialect === 'gel') {
        const message = 'drift does not support dialect gel: drizzle-kit keeps no migration snapshots for it (pass --no-drift)';
        return skipped('unsupported dialect gel', [configFinding(ctx, message)]);
    }
    const folderSkip = ctx.head.layout === 'folders' ? folderLayoutReason(ctx) : undefined;
    if (folderSkip)
        return skipped(folderSkip);
    if (!config.file)
        return skipped('no drizzle config: drift needs the `schema` it names (run with --config)');
    if (!config.schema || config.schema.length === 0) {
        return skipped('no schema', [configFinding(ctx, `${config.file} sets no \`schema\`: drift needs the schema files drizzle-kit generate reads`)]);
    }
    if (ctx.head.layout === 'folders')
        return checkFolderLayout(ctx);
    const history = ctx.head.migrations;
    const last = history.at(-1);
    const latest = last ? snapshotOf(ctx, last) : undefined;
    if (last && !latest) {
        return skipped(`the latest migration ${last.tag} has no readable snapshot to compare the schema with (see the integrity findings)`);
    }
    const fresh = ctx.hasBase ? newMigrationPairs(ctx) : { pairs: [], notes: [] };
    const job = {
        ...jobBase(ctx),
        ...(latest ? { latest } : {}),
        migrations: fresh.pairs.map(({ migration, prev, cur }) => ({ tag: migration.tag, ...(prev ? { prev } : {}), cur })),
    };
    const result = await runDriftWorker(job, secretsOf(ctx));
    if (!result.ok)
        return couldNotRun(ctx, result);
    const notes = [kitDescription(result.kit), ...fresh.notes];
    const against = latest ? `the latest snapshot ${last.snapshot.file}` : 'an empty database (there is no migration yet)';
    if (result.drift.kind === 'failed')
        return couldNotRun(ctx, result.drift, against, result.kit);
    const findings = [];
    const drift = driftFinding(ctx, result.drift, against, result.loadTimeDefaults);
    if (drift)
        findings.push(drift);
    result.migrations.forEach(({ tag, outcome }, i) => {
        const migration = fresh.pairs[i].migration;
        if (migration.tag !== tag)
            throw new Error(`drift worker answered for ${tag} instead of ${migration.tag}`);
        const finding = mismatchFinding(migration, outcome, notes);
        if (finding)
            findings.push(finding);
    });
    return { status: 'ran', findings, notes };
}
function skipped(reason, findings) {
    return { status: 'skipped', reason, ...(findings ? { findings } : {}) };
}
/** drizzle-kit 1.0's folders hold diff snapshots that only its own API can replay: why drift cannot run, if it cannot. */
function folderLayoutReason(ctx) {
    const version = installedKitVersion(ctx);
    if (!version || Number(version.split('.')[0]) < 1) {
        return `the migrations use drizzle-kit 1.0's folder layout, which needs drizzle-kit 1.x installed in the project to rebuild the latest schema (found ${version ? `drizzle-kit ${version}` : 'no drizzle-kit'}); run npm ci before this step`;
    }
    if (ctx.config.dialect !== 'postgresql')
        return `drizzle-kit ${version} offers its programmatic API for PostgreSQL only, not ${ctx.config.dialect}`;
    return undefined;
}
/** Folder layout with drizzle-kit 1.x: the schema against the state its snapshots rebuild. */
async function checkFolderLayout(ctx) {
    const folders = {};
    for (const m of ctx.head.migrations) {
        const json = snapshotOf(ctx, m);
        if (!json)
            return skipped(`migration ${m.tag} has no readable snapshot.json to rebuild the schema from (see the integrity findings)`);
        folders[external_node_path_.posix.basename(external_node_path_.posix.dirname(m.snapshot.file))] = json;
    }
    const result = await runDriftWorker({ ...jobBase(ctx), migrations: [], folders }, secretsOf(ctx));
    if (!result.ok)
        return couldNotRun(ctx, result);
    const notes = [kitDescription(result.kit)];
    if (ctx.hasBase)
        notes.push("drift: new migrations' SQL is not regenerated for drizzle-kit 1.0's folder layout");
    const last = ctx.head.migrations.at(-1);
    const against = last ? `the schema rebuilt from the snapshots up to ${last.tag}` : 'an empty database (there is no migration yet)';
    if (result.drift.kind === 'failed')
        return couldNotRun(ctx, result.drift, against, result.kit);
    const finding = driftFinding(ctx, result.drift, against);
    return { status: 'ran', findings: finding ? [finding] : [], notes };
}
function secretsOf(ctx) {
    return ctx.options.databaseUrl ? [ctx.options.databaseUrl] : [];
}
function jobBase(ctx) {
    const { config } = ctx;
    return {
        cwd: ctx.cwd,
        projectDir: config.file ? external_node_path_.dirname(external_node_path_.resolve(ctx.cwd, config.file)) : ctx.cwd,
        dialect: config.dialect,
        schema: config.schema ?? [],
        ...(config.casing ? { casing: config.casing } : {}),
    };
}
function installedKitVersion(ctx) {
    const from = ctx.config.file ? external_node_path_.resolve(ctx.cwd, ctx.config.file) : external_node_path_.join(ctx.cwd, 'package.json');
    let entry;
    try {
        entry = (0,external_node_module_.createRequire)(from).resolve('drizzle-kit');
    }
    catch {
        return undefined;
    }
    for (let dir = external_node_path_.dirname(entry); external_node_path_.dirname(dir) !== dir; dir = external_node_path_.dirname(dir)) {
        const pkg = external_node_path_.join(dir, 'package.json');
        if (!external_node_fs_.existsSync(pkg))
            continue;
        const json = JSON.parse(external_node_fs_.readFileSync(pkg, 'utf8'));
        if (json.name === 'drizzle-kit')
            return json.version;
    }
    return undefined;
}
/** The whole snapshot document of a migration (the model keeps only headers of large ones). */
function snapshotOf(ctx, m) {
    const info = m.snapshot;
    if (!info || info.error)
        return undefined;
    if (info.json)
        return info.json;
    return loadSnapshotDocument(treeOf(ctx), info.file).json;
}
/** Each new migration with the snapshot before it and its own; the ones that cannot be paired are noted. */
function newMigrationPairs(ctx) {
    const pairs = [];
    const notes = [];
    ctx.head.migrations.forEach((m, i) => {
        if (!m.isNew)
            return;
        const cur = snapshotOf(ctx, m);
        const before = i > 0 ? ctx.head.migrations[i - 1] : undefined;
        const prev = before ? snapshotOf(ctx, before) : undefined;
        if (!cur || (before && !prev)) {
            notes.push(`${m.tag}: SQL not compared with drizzle-kit's (a snapshot is missing or unreadable)`);
            return;
        }
        pairs.push({ migration: m, cur, ...(prev ? { prev } : {}) });
    });
    return { pairs, notes };
}
function kitDescription(kit) {
    const which = kit.source === 'project' ? "the project's own" : 'the bundled';
    return `drift: compared with ${which} drizzle-kit ${kit.version}${kit.note ? ` (${kit.note})` : ''}`;
}
function configFinding(ctx, message, where) {
    const file = where ? relative(ctx, where.file) : ctx.config.file;
    return findingOf(schemaLoadFailed, { message: redactUrls(withoutAbsolutePaths(message, ctx.cwd)), ...(file ? { file } : {}), ...(where?.line ? { line: where.line } : {}) });
}
function relative(ctx, abs) {
    return external_node_path_.relative(ctx.cwd, abs).split(external_node_path_.sep).join('/');
}
/** Drift did not get an answer: a configuration error (exit 4), and the drift category is skipped, not passed. */
function couldNotRun(ctx, failure, against, kit) {
    const finding = 'ok' in failure ? workerFailure(ctx, failure) : configFinding(ctx, `drizzle-kit could not diff the schema against ${against}: ${failure.message}`);
    const usedKit = kit ?? ('ok' in failure && 'kit' in failure ? failure.kit : undefined);
    const reason = `could not run (see ${finding.ruleId})${usedKit ? `; ${kitDescription(usedKit).replace(/^drift: /, '')}` : ''}`;
    return skipped(reason, [finding]);
}
function workerFailure(ctx, result) {
    switch (result.kind) {
        case 'schema-missing':
            return configFinding(ctx, `schema not found: ${result.message}`);
        case 'import-failed':
            return configFinding(ctx, `importing the schema threw: ${describeLoadFailure(result, ctx.cwd)}`, result.file ? { file: result.file, line: result.line } : undefined);
        case 'orm-missing':
            return configFinding(ctx, describeLoadFailure(result, ctx.cwd));
        case 'timeout':
        case 'crashed':
        case 'kit-failed':
            return configFinding(ctx, `drift could not run: ${result.message}`);
    }
}
/**
 * `drizzle-kit generate` as it works from the repository root: in the config's folder (drizzle-kit finds
 * the schema relative to where it runs), with the project's package manager, naming the config only when
 * drizzle-kit would not find it by itself.
 */
function generateCommand(ctx) {
    const dir = ctx.cwd;
    const root = gitRoot(dir) ?? dir;
    const fromRoot = external_node_path_.relative(root, dir).split(external_node_path_.sep).join('/');
    const config = ctx.config.file;
    const configArg = config && config !== 'drizzle.config.ts' ? ` --config ${config}` : '';
    const command = `${runBinary(packageManagerOf(dir, root), 'drizzle-kit')} generate${configArg}`;
    return fromRoot ? `cd ${fromRoot} && ${command}` : command;
}
function driftFinding(ctx, outcome, against, loadTimeDefaults = []) {
    const file = ctx.config.file;
    if (outcome.kind === 'same')
        return undefined;
    if (loadTimeDefaults.length > 0) {
        const columns = loadTimeDefaults.map((c) => `${c.table}.${c.column}`).join(', ');
        return findingOf(schemaDrift, {
            message: `The schema differs from ${against} on every run: the default of ${columns} is computed when the schema loads ` +
                `(like \`.default(randomId())\`), so each \`drizzle-kit generate\` sees a new value and regenerating cannot fix it.`,
            ...(file ? { file } : {}),
            ...(outcome.kind === 'sql' ? { sql: outcome.statements.map((s) => s.trim()).join('\n') } : {}),
            help: `Compute the value per row instead: \`.$defaultFn(() => …)\` (set by drizzle-orm on insert, no SQL default), or a SQL default (\`.default(sql\`…\`)\`); then run \`${generateCommand(ctx)}\` once and commit the migration.`,
        });
    }
    switch (outcome.kind) {
        case 'sql':
            return findingOf(schemaDrift, {
                message: `The schema differs from ${against}: \`drizzle-kit generate\` would write ${count(outcome.statements.length, 'statement')} that no committed migration has.`,
                ...(file ? { file } : {}),
                sql: outcome.statements.map((s) => s.trim()).join('\n'),
                help: `Run \`${generateCommand(ctx)}\` locally, review the new migration and commit it with its snapshot.`,
            });
        case 'rename':
            return findingOf(schemaDrift, {
                message: `The schema differs from ${against}, and \`drizzle-kit generate\` would ask before writing SQL: ` +
                    (outcome.candidates.length > 0 ? outcome.candidates.join('; ') : 'a rename question it cannot be answered in CI'),
                ...(file ? { file } : {}),
                ...(outcome.dropAdd?.length ? { sql: `-- if nothing was renamed (drop and create):\n${outcome.dropAdd.map((s) => s.trim()).join('\n')}` } : {}),
                help: `Run \`${generateCommand(ctx)}\` locally, answer each question (a rename keeps the data, drop+create loses it), and commit the migration with its snapshot.`,
            });
    }
}
function mismatchFinding(m, outcome, notes) {
    const committed = m.sql ?? '';
    const where = { file: m.file, migration: m.tag };
    switch (outcome.kind) {
        case 'same': {
            if (compareSql([], committed).added.length === 0)
                return undefined;
            return findingOf(migrationSqlMismatch, {
                ...where,
                severity: 'info',
                message: `${m.tag} leaves the snapshot unchanged and holds hand-written SQL: a \`drizzle-kit generate --custom\` migration, not compared with generated SQL.`,
            });
        }
        case 'sql': {
            const diff = compareSql(outcome.statements, committed);
            if (diff.missing.length === 0 && diff.added.length === 0)
                return undefined;
            const { changed, missing, added } = pairChanged(diff.missing, diff.added);
            const parts = [
                ...changed.map((c) => `drizzle-kit generates \`${c.generated}\` where the file has \`${c.committed}\``),
                missing.length ? `missing ${count(missing.length, 'statement')} drizzle-kit generates: ${quoteList(missing)}` : '',
                added.length ? `${count(added.length, 'statement')} drizzle-kit does not generate: ${quoteList(added)}` : '',
            ].filter(Boolean);
            return findingOf(migrationSqlMismatch, {
                ...where,
                message: `${m.tag}'s SQL differs from what drizzle-kit generates between its previous snapshot and its own: ${parts.join('; ')}.`,
                sql: outcome.statements.map((s) => s.trim()).join('\n'),
            });
        }
        case 'rename': {
            // When the file holds every drop-and-create statement, that was the answer and the SQL is known;
            // otherwise some answer was "rename", and the answers are recorded nowhere.
            if (outcome.dropAdd && compareSql(outcome.dropAdd, committed).missing.length === 0) {
                return mismatchFinding(m, { kind: 'sql', statements: outcome.dropAdd }, notes);
            }
            notes.push(`${m.tag}: SQL not compared with drizzle-kit's (its snapshot step involves a rename answered interactively)`);
            return undefined;
        }
        case 'failed':
            notes.push(`${m.tag}: SQL not compared with drizzle-kit's (${outcome.message})`);
            return undefined;
    }
}
/** Statements that are edits of one another (same start), shown as their differing parts; the rest stay lists. */
function pairChanged(missing, added) {
    const changed = [];
    const unpaired = [...added];
    const rest = [];
    for (const statement of missing) {
        const at = unpaired.findIndex((candidate) => differingPart(statement, candidate));
        if (at === -1) {
            rest.push(statement);
            continue;
        }
        changed.push(differingPart(statement, unpaired[at]));
        unpaired.splice(at, 1);
    }
    return { changed, missing: rest, added: unpaired };
}
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function quoteList(statements) {
    const shown = statements.slice(0, 5).map((s) => `\`${s.length > 160 ? `${s.slice(0, 157)}…` : s}\``);
    return shown.join(', ') + (statements.length > 5 ? ` and ${statements.length - 5} more` : '');
}

// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/checks/pending/rules/applied-migration-modified.ts
const appliedMigrationModified = {
    id: 'applied-migration-modified',
    category: 'pending',
    defaultSeverity: 'warning',
    description: "An applied migration's file no longer has the sha256 the database recorded when it ran: the edit will never reach that database, while fresh databases get the edited version.",
    help: 'Restore the file as it was applied (git history) and put the change in a new migration (drizzle-kit generate, or --custom for hand-written SQL).',
};

;// CONCATENATED MODULE: ./src/checks/pending/rules/applied-migration-unknown.ts
const appliedMigrationUnknown = {
    id: 'applied-migration-unknown',
    category: 'pending',
    defaultSeverity: 'warning',
    description: 'The database records an applied migration that no journal entry matches (no migration has its `when`): a migration was deleted or renumbered, or another branch was deployed.',
    help: 'Find the branch or commit that holds it and merge it back, or write a new migration that reverts its effect; never delete a migration that is applied somewhere.',
};

;// CONCATENATED MODULE: ./src/checks/pending/rules/pending-migration-will-be-skipped.ts
const pendingMigrationWillBeSkipped = {
    id: 'pending-migration-will-be-skipped',
    category: 'pending',
    defaultSeverity: 'error',
    description: "A migration is not applied, but its journal `when` is not later than the newest applied migration's created_at: drizzle's migrator will silently never run it.",
    help: 'Give the migration a `when` later than every applied one: delete it and re-create it on top of the current history (drizzle-kit generate, ' +
        'or drizzle-kit generate --custom for hand-written SQL), or raise its `when` in meta/_journal.json above the newest applied created_at.',
};

;// CONCATENATED MODULE: ./src/checks/pending/rules/pending-migration.ts
const pendingMigration = {
    id: 'pending-migration',
    category: 'pending',
    defaultSeverity: 'error',
    description: 'A journaled migration is not applied to the database given with --database-url yet.',
    help: 'Deploy it: run your migration step (drizzle-kit migrate, or migrate() from drizzle-orm/<driver>/migrator) against that database.',
};

;// CONCATENATED MODULE: ./src/checks/pending/compare.ts
// Compares the journal with drizzle's migrations table the way drizzle's migrator decides: a row records
// (sha256 of the file, the migration's `when` as created_at); the migrator reads only the newest row and
// runs a migration only when its `when` is greater than that row's created_at.






function compareApplied(migrations, rows, journalFile, where) {
    const findings = [];
    const rowsByWhen = new Map();
    for (const r of rows)
        rowsByWhen.set(r.createdAt, [...(rowsByWhen.get(r.createdAt) ?? []), r]);
    const newest = rows.reduce((max, r) => (max === undefined || r.createdAt > max ? r.createdAt : max), undefined);
    const matched = new Set();
    let applied = 0;
    let pending = 0;
    for (const m of migrations) {
        if (m.when === undefined)
            continue;
        const candidates = rowsByWhen.get(m.when) ?? [];
        const row = candidates.find((r) => r.hash === m.hash) ?? candidates.find((r) => !matched.has(r));
        if (row) {
            matched.add(row);
            applied++;
            if (m.hash !== undefined && row.hash !== m.hash) {
                findings.push(findingOf(appliedMigrationModified, {
                    file: m.file,
                    migration: m.tag,
                    message: `${m.tag} was applied to ${where} (row id ${row.id}) but its file changed since: sha256 ${compare_short(m.hash)} here, ${compare_short(row.hash)} recorded. drizzle's migrator never re-runs it, so that database keeps the old version`,
                }));
            }
            continue;
        }
        pending++;
        if (newest !== undefined && m.when <= newest) {
            findings.push(findingOf(pendingMigrationWillBeSkipped, {
                file: m.file,
                migration: m.tag,
                message: `${m.tag} is not applied to ${where}, and its when (${m.when}, ${isoTime(m.when)}) is not later than the newest applied created_at ` +
                    `(${newest}, ${isoTime(newest)}): drizzle's migrator will skip it without a word`,
            }));
        }
        else {
            findings.push(findingOf(pendingMigration, { file: m.file, migration: m.tag, message: `${m.tag} is not applied to ${where} yet` }));
        }
    }
    const byHash = new Map(migrations.filter((m) => m.hash).map((m) => [m.hash, m]));
    for (const r of rows) {
        if (matched.has(r))
            continue;
        const same = byHash.get(r.hash);
        findings.push(findingOf(appliedMigrationUnknown, {
            ...(journalFile ? { file: journalFile } : {}),
            message: `${where} records an applied migration (row id ${r.id}, created_at ${r.createdAt}, ${isoTime(r.createdAt)}, sha256 ${compare_short(r.hash)}) that no journal entry matches` +
                (same ? `; its content is that of ${same.tag}, whose when changed to ${same.when}` : ''),
        }));
    }
    return { findings, applied, pending };
}
function compare_short(hash) {
    return hash.slice(0, 12);
}

;// CONCATENATED MODULE: ./src/checks/pending/postgres.ts
// Reads drizzle's migrations table from a live PostgreSQL, strictly read-only: the session defaults to
// read-only transactions and the reads run in a READ ONLY transaction, with connect and statement
// timeouts. TLS settings come from the URL (sslmode, sslrootcert… as node-postgres reads them).
// Nothing from the URL (user, password, host, database) ever reaches a message: see maskUrl().

const CONNECT_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 15_000;
async function readAppliedPostgres(url, schema, table) {
    const masked = maskUrl(url);
    if (!URL.canParse(url)) {
        throw new ConfigError('the database URL cannot be parsed (expected postgres://user:password@host:port/database; is the port a number?)');
    }
    const { default: pg } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 3849));
    let client;
    try {
        // node-postgres reads sslrootcert, sslcert and sslkey here: a missing file throws before any connection.
        client = new pg.Client({
            connectionString: url,
            connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
            statement_timeout: STATEMENT_TIMEOUT_MS,
            query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
            application_name: 'drizzle-guard',
        });
    }
    catch (e) {
        throw new ConfigError(`the database URL for ${masked} is not usable: ${describeError(e, url)}`);
    }
    // A connection that dies later emits 'error'; without a listener it would crash the process.
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (e) {
        await client.end().catch(() => undefined);
        throw new ConfigError(`cannot connect to the database at ${masked}: ${describeError(e, url)}`);
    }
    try {
        await client.query('set default_transaction_read_only = on');
        await client.query('begin read only');
        const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
        const found = await client.query('select to_regclass($1)::text as t', [qualified]);
        if (!found.rows[0]?.t)
            return { table: 'missing' };
        const result = await client.query(`select id, hash, created_at from ${qualified} order by created_at, id`);
        return {
            table: 'present',
            rows: result.rows.map((r) => ({ id: Number(r.id), hash: String(r.hash), createdAt: Number(r.created_at) })),
        };
    }
    catch (e) {
        throw new ConfigError(`cannot read ${schema}.${table} in the database at ${masked}: ${describeError(e, url)}`);
    }
    finally {
        await client.query('rollback').catch(() => undefined);
        await client.end().catch(() => undefined);
    }
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** scheme://h…t:port — no user, password, full host name, database or parameters. */
function maskUrl(url) {
    try {
        const u = new URL(url);
        const host = u.hostname;
        const shown = host.length <= 4 ? '***' : `${host.slice(0, 2)}***${host.slice(-2)}`;
        return `${u.protocol}//${shown}${u.port ? `:${u.port}` : ''}`;
    }
    catch {
        return '(an unparsable database URL)';
    }
}
/** The reason of a connection or query error, with every part of the URL scrubbed from it. */
function describeError(e, url) {
    const err = e;
    const code = typeof err?.code === 'string' ? err.code : undefined;
    const raw = typeof err?.message === 'string' ? err.message : String(e);
    const known = {
        ECONNREFUSED: 'connection refused (is the server running and the port right?)',
        ENOTFOUND: 'host name not found',
        EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
        ETIMEDOUT: 'connection timed out',
        ECONNRESET: 'connection reset by the server',
        '28P01': 'password authentication failed',
        '28000': 'authentication rejected (pg_hba.conf or TLS settings)',
        '3D000': 'the database does not exist',
        '42501': 'permission denied (the user needs SELECT on the migrations table)',
        '57014': `a query took longer than ${STATEMENT_TIMEOUT_MS / 1000} s and was cancelled`,
    };
    if (code && known[code])
        return `${known[code]} [${code}]`;
    if (/timeout/i.test(raw))
        return `timed out after ${CONNECT_TIMEOUT_MS / 1000} s`;
    return scrub(raw, url) + (code ? ` [${code}]` : '');
}
function scrub(message, url) {
    let out = message;
    try {
        const u = new URL(url);
        // Parameters (sslrootcert=/path/…, passwords of some drivers) can carry secrets too: every value goes.
        const parameters = [u.search.slice(1), ...[...u.searchParams].flatMap(([key, value]) => [value, `${key}=${value}`])];
        const secrets = [u.password, u.username, u.hostname, u.pathname.slice(1), decodeURIComponent(u.password), ...parameters]
            .filter((s) => s.length >= 2)
            // Longest first, so a value inside a longer secret does not leave the rest behind.
            .sort((a, b) => b.length - a.length);
        for (const s of secrets)
            out = out.split(s).join('***');
    }
    catch {
        // an unparsable URL: nothing to match against, and the message below never contains it whole
    }
    return out.split(url).join('***');
}

;// CONCATENATED MODULE: ./src/checks/pending/index.ts
// Pending: which migrations a live database (--database-url) has not applied, which of those drizzle's
// migrator will skip, and which applied ones were edited or are unknown to the journal. Read-only.






const pendingRules = [pendingMigration, pendingMigrationWillBeSkipped, appliedMigrationModified, appliedMigrationUnknown];
const pendingCheck = {
    name: 'pending',
    categories: ['pending'],
    run: checkPending,
};
async function checkPending(ctx) {
    const url = ctx.options.databaseUrl;
    if (!url)
        return { status: 'skipped', reason: 'no --database-url given' };
    if (ctx.config.dialect !== 'postgresql') {
        return { status: 'not-implemented', reason: `pending migrations are read from PostgreSQL only for now (this config's dialect is ${ctx.config.dialect})` };
    }
    if (ctx.head.layout === 'folders') {
        return { status: 'not-implemented', reason: "drizzle-kit 1.0's migrator tracks migrations by folder name; only the journal layout is compared for now" };
    }
    const { schema, table } = ctx.config.migrations;
    const where = `the database at ${maskUrl(url)}`;
    const state = await readAppliedPostgres(url, schema, table);
    const rows = state.table === 'present' ? state.rows : [];
    const compared = compareApplied(ctx.head.migrations, rows, ctx.head.journal?.file, where);
    const result = ctx.options.pullRequest ? { ...compared, findings: compared.findings.map((f) => asPullRequest(f, ctx, where)) } : compared;
    const notes = [
        state.table === 'missing'
            ? `pending: ${schema}.${table} does not exist in ${where}: nothing is applied there`
            : `pending: ${where} has ${rows.length} applied migration(s) in ${schema}.${table}; ${result.pending} of ${ctx.head.migrations.length} journaled migration(s) are not applied`,
    ];
    return { status: 'ran', findings: result.findings, notes };
}
/**
 * On a pull request its own new migrations cannot be applied yet: pending is what is expected (info). A migration
 * merged before it and still pending was never deployed (warning). What the PR makes wrong keeps its severity.
 */
function asPullRequest(f, ctx, where) {
    if (f.ruleId !== pendingMigration.id)
        return f;
    const isNew = ctx.head.migrations.some((m) => m.tag === f.migration && m.isNew);
    return isNew
        ? { ...f, severity: 'info', message: `${f.migration} is new in this pull request: not applied to ${where} yet, as expected` }
        : { ...f, severity: 'warning', message: `${f.migration} is on the base branch but was never applied to ${where}: deploy it before this pull request` };
}

;// CONCATENATED MODULE: ./src/checks/replay/extensions.ts
// PostgreSQL extensions the embedded PostgreSQL (PGlite) can load. Each is a tarball unpacked at
// start-up, so only the extensions the migrations actually create are loaded.
// Static import() specifiers (not computed) so a bundler can follow each one and relocate its tarball.
const LOADERS = {
    vector: async () => (await __webpack_require__.e(/* import() */ 95).then(__webpack_require__.bind(__webpack_require__, 9095))).vector,
    amcheck: async () => (await __webpack_require__.e(/* import() */ 454).then(__webpack_require__.bind(__webpack_require__, 2454))).amcheck,
    bloom: async () => (await __webpack_require__.e(/* import() */ 771).then(__webpack_require__.bind(__webpack_require__, 8771))).bloom,
    btree_gin: async () => (await __webpack_require__.e(/* import() */ 455).then(__webpack_require__.bind(__webpack_require__, 8455))).btree_gin,
    btree_gist: async () => (await __webpack_require__.e(/* import() */ 218).then(__webpack_require__.bind(__webpack_require__, 9218))).btree_gist,
    citext: async () => (await __webpack_require__.e(/* import() */ 781).then(__webpack_require__.bind(__webpack_require__, 3781))).citext,
    cube: async () => (await __webpack_require__.e(/* import() */ 967).then(__webpack_require__.bind(__webpack_require__, 2967))).cube,
    dict_int: async () => (await __webpack_require__.e(/* import() */ 176).then(__webpack_require__.bind(__webpack_require__, 176))).dict_int,
    dict_xsyn: async () => (await __webpack_require__.e(/* import() */ 971).then(__webpack_require__.bind(__webpack_require__, 7971))).dict_xsyn,
    earthdistance: async () => (await __webpack_require__.e(/* import() */ 663).then(__webpack_require__.bind(__webpack_require__, 9663))).earthdistance,
    fuzzystrmatch: async () => (await __webpack_require__.e(/* import() */ 496).then(__webpack_require__.bind(__webpack_require__, 4496))).fuzzystrmatch,
    hstore: async () => (await __webpack_require__.e(/* import() */ 215).then(__webpack_require__.bind(__webpack_require__, 3215))).hstore,
    intarray: async () => (await __webpack_require__.e(/* import() */ 324).then(__webpack_require__.bind(__webpack_require__, 3324))).intarray,
    isn: async () => (await __webpack_require__.e(/* import() */ 58).then(__webpack_require__.bind(__webpack_require__, 7058))).isn,
    lo: async () => (await __webpack_require__.e(/* import() */ 379).then(__webpack_require__.bind(__webpack_require__, 4379))).lo,
    ltree: async () => (await __webpack_require__.e(/* import() */ 948).then(__webpack_require__.bind(__webpack_require__, 8567))).ltree,
    moddatetime: async () => (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 3641))).moddatetime,
    pg_trgm: async () => (await __webpack_require__.e(/* import() */ 888).then(__webpack_require__.bind(__webpack_require__, 9888))).pg_trgm,
    pgcrypto: async () => (await __webpack_require__.e(/* import() */ 290).then(__webpack_require__.bind(__webpack_require__, 6290))).pgcrypto,
    seg: async () => (await __webpack_require__.e(/* import() */ 230).then(__webpack_require__.bind(__webpack_require__, 849))).seg,
    tablefunc: async () => (await __webpack_require__.e(/* import() */ 638).then(__webpack_require__.bind(__webpack_require__, 638))).tablefunc,
    tcn: async () => (await __webpack_require__.e(/* import() */ 869).then(__webpack_require__.bind(__webpack_require__, 9869))).tcn,
    tsm_system_rows: async () => (await __webpack_require__.e(/* import() */ 12).then(__webpack_require__.bind(__webpack_require__, 12))).tsm_system_rows,
    tsm_system_time: async () => (await __webpack_require__.e(/* import() */ 784).then(__webpack_require__.bind(__webpack_require__, 7784))).tsm_system_time,
    unaccent: async () => (await __webpack_require__.e(/* import() */ 387).then(__webpack_require__.bind(__webpack_require__, 2387))).unaccent,
    'uuid-ossp': async () => (await __webpack_require__.e(/* import() */ 77).then(__webpack_require__.bind(__webpack_require__, 8077))).uuid_ossp,
};
/** Extensions built into PostgreSQL itself that need nothing loaded. */
const BUILT_IN = new Set(['plpgsql']);
// CREATE EXTENSION [IF NOT EXISTS] name | "name" — the name as PostgreSQL folds it.
const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)/gi;
/** Names of the extensions the migrations create, in first-seen order. */
function extensionsCreated(migrations) {
    const names = new Set();
    for (const m of migrations) {
        for (const match of (m.sql ?? '').matchAll(CREATE_EXTENSION))
            names.add(extensionName(match[1]));
    }
    return [...names];
}
/** The extension a CREATE EXTENSION chunk creates, if it does. */
function extensionOfStatement(text) {
    const match = new RegExp(CREATE_EXTENSION.source, 'i').exec(text);
    return match ? extensionName(match[1]) : undefined;
}
function extensionName(token) {
    return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}
function isAvailable(name) {
    return name in LOADERS || BUILT_IN.has(name);
}
/** Loads the PGlite modules of the available extensions among `names`. */
async function loadExtensions(names) {
    const out = {};
    for (const name of names) {
        const loader = LOADERS[name];
        if (loader)
            out[name.replace(/-/g, '_')] = await loader();
    }
    return out;
}
const AVAILABLE_EXTENSIONS = Object.keys(LOADERS);

;// CONCATENATED MODULE: ./src/checks/replay/locate.ts
// Where a replayed statement is in its file, for findings.


function locate(ref, position) {
    const { migration, statement } = ref;
    const base = { file: migration.file, migration: migration.tag };
    if (migration.sql === undefined)
        return { ...base, line: statement.span.start.line, column: statement.span.start.column };
    const source = new SourceText(migration.sql);
    if (position === undefined) {
        // The statement itself, not the comment drizzle-kit puts at the top of a custom migration.
        const start = source.positionAt(statement.offset + (lexChunk(statement, 'postgresql').statements[0]?.start ?? 0));
        return { ...base, line: start.line, column: start.column, endLine: statement.span.end.line, endColumn: statement.span.end.column };
    }
    // PostgreSQL's error position counts characters (code points) from 1 in the chunk sent.
    const at = source.positionAt(statement.offset + utf16OffsetOfCodePoint(statement.text, position - 1));
    return { ...base, line: at.line, column: at.column };
}

;// CONCATENATED MODULE: ./src/checks/replay/rules/traced-blocking-statement.ts
const tracedBlockingStatement = {
    id: 'traced-blocking-statement',
    category: 'safety',
    defaultSeverity: 'warning',
    description: 'Replayed on tables holding rows, a new statement took a SHARE or stronger lock on a table that existed before and scanned it, rewrote it or built an index on it, and no lint rule explains it (a DO block, a function, an unusual construct).',
    help: 'Writes to the table wait while the statement runs, for a time that grows with the table. Do the work in a way that does not block writes: ' +
        'CREATE INDEX CONCURRENTLY (after `COMMIT;` in a custom migration), a constraint added NOT VALID then validated in a later migration, ' +
        'a backfill in batches before the schema change.',
};

;// CONCATENATED MODULE: ./src/checks/replay/trace.ts
// Traced replay: what each statement of the pending batch really did to the tables that existed before
// it (and hold a seeded row). After every chunk one catalog query compares, per pre-existing table, with
// the state before the chunk: relation locks newly held by this session (pg_locks), a new relfilenode (the
// table was rewritten), sequential or index scans (pg_stat_xact_user_tables), new indexes, and whether the
// table is gone. Only chunks that start and end inside the migrator's transaction are traced: outside it
// a statement's locks are released before they can be seen.
/** PostgreSQL's relation lock modes, weakest first. */
const LOCK_MODES = [
    'AccessShareLock',
    'RowShareLock',
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock',
];
// pg_locks is a function over the whole lock table: read once, not once per table.
const STATE_SQL = (/* unused pure expression or super */ null && (`
with locks as (
  select l.relation, array_agg(l.mode::text) as modes from pg_locks l
   where l.locktype = 'relation' and l.pid = pg_backend_pid() and l.granted and l.relation = any($1::oid[])
   group by l.relation)
select c.oid::int as oid, format('%I.%I', n.nspname, c.relname) as "table", c.relfilenode::int as filenode,
       coalesce(locks.modes, '{}') as locks,
       (coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0))::int as scans,
       coalesce((select array_agg(i.indexrelid::int) from pg_index i where i.indrelid = c.oid), '{}') as indexes
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  left join pg_stat_xact_user_tables s on s.relid = c.oid
  left join locks on locks.relation = c.oid
 where c.oid = any($1::oid[])`));
const PRE_EXISTING_SQL = (/* unused pure expression or super */ null && (`
select c.oid::int as oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
   and c.oid is distinct from to_regclass($1)`));
class Tracer {
    db;
    oids;
    state;
    constructor(db, oids, state) {
        this.db = db;
        this.oids = oids;
        this.state = state;
    }
    /** Takes the tables that exist now (before the batch) as the ones to watch; migrationsTable is not the project's. */
    static async start(db, migrationsTable) {
        const oids = (await db.query(PRE_EXISTING_SQL, [migrationsTable])).rows.map((r) => r.oid);
        if (oids.length === 0)
            return undefined;
        const tracer = new Tracer(db, oids, new Map());
        tracer.state = await tracer.read();
        return tracer;
    }
    /**
     * What the chunk just run did. `wasInTransaction` is whether it started inside the transaction. A chunk that
     * failed was rolled back to its savepoint (its locks are gone, the transaction may even be aborted): its
     * failure is the evidence, and nothing is read.
     */
    async after(wasInTransaction, error) {
        if (error !== undefined)
            return undefined;
        const traced = wasInTransaction && this.db.isInTransaction();
        const now = await this.read();
        const before = this.state;
        this.state = now;
        if (!traced)
            return undefined;
        const effects = [];
        for (const [oid, was] of before) {
            const is = now.get(oid);
            const held = is ? strongest(is.locks) : undefined;
            const effect = {
                table: is?.table ?? was.table,
                locks: is ? is.locks.filter((m) => !was.locks.includes(m)) : [],
                ...(held ? { held } : {}),
                rewritten: is !== undefined && is.filenode !== was.filenode,
                scanned: is !== undefined && is.scans > was.scans,
                indexesBuilt: is ? is.indexes.filter((i) => !was.indexes.includes(i)).length : 0,
                dropped: is === undefined,
            };
            if (effect.locks.length > 0 || effect.rewritten || effect.scanned || effect.indexesBuilt > 0 || effect.dropped)
                effects.push(effect);
        }
        return { effects };
    }
    /** After the transaction was rolled back: the state to compare with is the current one again. */
    async resync() {
        this.state = await this.read();
    }
    async read() {
        const rows = (await this.db.query(STATE_SQL, [this.oids])).rows;
        return new Map(rows.map((r) => [r.oid, r]));
    }
}
function lockRank(mode) {
    return LOCK_MODES.indexOf(mode);
}
/** SHARE or stronger: blocks writes to the table (INSERT, UPDATE, DELETE) while held. */
function blocksWrites(mode) {
    return lockRank(mode) >= lockRank('ShareLock');
}
/** "ACCESS EXCLUSIVE" for "AccessExclusiveLock": the spelling of PostgreSQL's documentation. */
function lockName(mode) {
    return mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}
function strongest(modes) {
    return [...modes].sort((a, b) => lockRank(b) - lockRank(a))[0];
}
/** The strongest lock held on a table, and what was done to it, in words. */
function describeEffect(e) {
    const parts = [];
    const lock = e.held ?? strongest(e.locks);
    if (lock)
        parts.push(`${lockName(lock)} on ${e.table}`);
    else
        parts.push(e.table);
    if (e.dropped)
        parts.push('table dropped');
    if (e.rewritten)
        parts.push('table rewritten');
    if (e.indexesBuilt > 0)
        parts.push(e.indexesBuilt === 1 ? 'index built' : `${e.indexesBuilt} indexes built`);
    if (e.scanned && !e.rewritten && e.indexesBuilt === 0)
        parts.push('table scanned');
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/checks/replay/reconcile.ts
// One finding per problem, and the database's word on the lint's guesses. After every check has run:
// - the replay failed at a statement a lint rule already flagged: the lint finding carries PostgreSQL's
//   error as evidence (and becomes at least as severe as the failure) instead of a second finding;
// - a lint finding whose claim the traced replay confirms (a rewrite, a scan, an index build on a table
//   holding rows) carries what was observed; one the trace refutes (the statement ran inside the
//   migrator's transaction on a table holding rows and did none of that) is downgraded to info, saying why;
// - a statement that took SHARE or stronger on a pre-existing table and scanned, rewrote or indexed it,
//   with no lint rule firing, becomes a traced-blocking-statement warning.




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
function reconcile(all, { result, failureFinding, lint }) {
    const replaced = new Map();
    const removed = new Set();
    const added = [];
    const lintAt = (ref) => all.filter((f) => f.category === 'safety' && f.ruleId !== tracedBlockingStatement.id && at(f, ref));
    const failure = result.failure;
    if (failure && failureFinding && failure.phase === 'pending') {
        const flagged = lintAt(failure);
        if (flagged.length > 0) {
            removed.add(failureFinding);
            const evidence = { ...(failure.error.code ? { sqlstate: failure.error.code } : {}), message: failure.error.message };
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
                added.push(findingOf(tracedBlockingStatement, {
                    ...locate(traced),
                    message: `${traced.migration.tag}: replayed on tables holding rows, this statement took ${blocking.map(describeEffect).join('; ')}: writes to the table wait while it runs`,
                }));
            }
            continue;
        }
        for (const f of flagged) {
            const observed = effects.length > 0 ? `observed: ${effects.map(describeEffect).join('; ')}` : 'observed: no new lock';
            const work = effects.some((e) => e.rewritten || e.scanned || e.indexesBuilt > 0 || e.dropped);
            // The lint only flags tables that exist before the batch, and the statement ran on them holding a row.
            if (WORK_CLAIMS.has(f.ruleId) && !work && f.severity !== 'info') {
                replaced.set(f, { ...f, severity: 'info', message: `${f.message} Traced replay: ${whyRefuted(f, traced.statement.text)}.`, evidence: { message: `${observed}; no rewrite, no scan, no index build` } });
            }
            else if (effects.length > 0 && !replaced.has(f)) {
                replaced.set(f, { ...f, evidence: { message: observed } });
            }
        }
    }
    const out = [];
    for (const f of all)
        if (!removed.has(f))
            out.push(replaced.get(f) ?? f);
    return [...out, ...added];
}
function isBlockingWork(e) {
    return e.locks.some(blocksWrites) && (e.scanned || e.rewritten || e.indexesBuilt > 0);
}
function at(f, { migration, statement }) {
    return f.file === migration.file && f.line !== undefined && f.line >= statement.span.start.line && f.line <= statement.span.end.line;
}
function whyRefuted(f, sql) {
    if (f.ruleId === 'alter-column-type') {
        if (/timestamp|time zone|timestamptz/i.test(sql) || /timestamp/i.test(f.message)) {
            return "no rewrite observed with the session TimeZone UTC; whether a timestamp ↔ timestamptz conversion rewrites the table depends on the server's TimeZone (PostgreSQL skips the rewrite only under UTC)";
        }
        return 'no rewrite observed: the new type is binary-coercible with the old one (PostgreSQL changed only the catalog)';
    }
    if (f.ruleId === 'set-not-null')
        return 'no scan observed: PostgreSQL proved the column holds no NULL from a valid CHECK constraint';
    return 'no table scan, rewrite or index build observed on the tables holding rows';
}

;// CONCATENATED MODULE: ./src/checks/replay/rules/replay-failed-on-existing-rows.ts
const replayFailedOnExistingRows = {
    id: 'replay-failed-on-existing-rows',
    category: 'replay',
    defaultSeverity: 'error',
    description: 'A new migration runs on empty tables but fails once the tables hold a row (the replay seeds one row in every table that exists before the new migrations), as it will on a production database.',
    help: 'Make the change in steps: add the column nullable or with a default, backfill it with an UPDATE (drizzle-kit generate --custom), ' +
        'then set NOT NULL / add the constraint in a later migration; give a type change a USING expression that converts every existing value.',
};

;// CONCATENATED MODULE: ./src/checks/replay/rules/replay-failed.ts
const replayFailed = {
    id: 'replay-failed',
    category: 'replay',
    defaultSeverity: 'error',
    description: 'A migration statement fails when the migrations are replayed on a real (embedded) PostgreSQL the way drizzle\'s migrator applies them.',
    help: 'Fix the SQL of the new migration so it runs after the migrations before it (drizzle-kit generate --custom for hand-written SQL), ' +
        'then re-run the check. Never edit a migration that is already applied somewhere: add a new one.',
};

;// CONCATENATED MODULE: ./src/checks/replay/rules/replay-timeout.ts
const replayTimeout = {
    id: 'replay-timeout',
    category: 'replay',
    defaultSeverity: 'error',
    description: 'A migration statement did not finish within the replay time limit (--replay-timeout, default 60 s per statement): an endless loop or a sleep, or far more work than a migration should do.',
    help: 'Look at the statement named: a DO block or function that loops, pg_sleep, or a data migration heavy enough to hold its locks for minutes. ' +
        'If it is legitimately slow on the embedded PostgreSQL, raise --replay-timeout (action input replay-timeout).',
};

;// CONCATENATED MODULE: ./src/checks/replay/rules/replayed-schema-drift.ts
const replayedSchemaDrift = {
    id: 'replayed-schema-drift',
    category: 'drift',
    defaultSeverity: 'error',
    description: 'The database the replayed migrations build differs from the one the latest snapshot (and so the TypeScript schema) declares: migration SQL was edited by hand.',
    help: 'Make the SQL build what the schema declares: undo the hand edit and regenerate with `drizzle-kit generate`, or, if the edit is intended, ' +
        'change the TypeScript schema to match and run `drizzle-kit generate` so the snapshot records it.',
};

;// CONCATENATED MODULE: ./src/checks/replay/run-worker.ts
// Runs the replay in a child process (src/replay-worker.ts) under a watchdog: each statement has its own
// time limit, the whole replay another. PGlite runs in the thread that calls it and ignores
// statement_timeout, so a statement that never returns can only be stopped by ending its process.




/** Default per-statement limit (--replay-timeout, action input replay-timeout). */
const DEFAULT_STATEMENT_TIMEOUT_S = 60;
/** The whole replay may take ten statements' worth, and never less than a slow runner's PGlite start-up. */
function limitsFor(statementSeconds) {
    const statementMs = statementSeconds * 1000;
    return { statementMs, totalMs: Math.max(10 * statementMs, 120_000) };
}
class ReplayWorker {
    child;
    exited;
    constructor() {
        const { file, execArgv } = run_worker_workerCommand();
        this.child = (0,external_node_child_process_.fork)(file, [], { env: run_worker_scrubbedEnv(), execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
        this.child.on('exit', (code, signal) => (this.exited = signal ?? `exit code ${code}`));
        this.child.on('error', (e) => (this.exited = e.message));
        this.child.stderr.on('data', () => undefined);
        // Started ahead of need: it must never keep the CLI alive by itself.
        this.child.unref();
        this.child.channel?.unref();
    }
    /** Forks the worker, which starts PostgreSQL at once. */
    static spawn() {
        return new ReplayWorker();
    }
    run(job, limits) {
        const child = this.child;
        return new Promise((resolve) => {
            let running;
            let runningSince = 0;
            let stepTimer;
            let settled = false;
            const settle = (outcome) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(totalTimer);
                clearTimeout(stepTimer);
                child.removeAllListeners('message');
                this.kill();
                resolve(outcome);
            };
            const ranMs = () => performance.now() - runningSince;
            const totalTimer = setTimeout(() => settle({ kind: 'timeout', limit: 'total', ms: limits.totalMs, ...(running ? { running, ranMs: ranMs() } : {}) }), limits.totalMs);
            child.on('message', (m) => {
                if (m.type === 'result')
                    return settle({ kind: 'done', value: m });
                if (m.type === 'error')
                    return settle({ kind: 'crashed', message: m.message });
                running = m;
                runningSince = performance.now();
                clearTimeout(stepTimer);
                // PostgreSQL's start-up is bounded by the whole-replay limit only (initdb takes seconds on a slow runner).
                if (m.type === 'statement' || !m.what.startsWith('starting')) {
                    stepTimer = setTimeout(() => settle({ kind: 'timeout', limit: 'statement', ms: limits.statementMs, running: m, ranMs: ranMs() }), limits.statementMs);
                }
            });
            child.once('exit', () => setImmediate(() => settle({ kind: 'crashed', message: `the replay worker ended (${this.exited ?? 'unknown'}) before an answer` })));
            if (this.exited !== undefined)
                return settle({ kind: 'crashed', message: `the replay worker ended (${this.exited}) before the job was sent` });
            child.ref();
            child.send(job);
        });
    }
    kill() {
        if (this.exited === undefined)
            this.child.kill('SIGKILL');
    }
}
/** The worker needs no secret: no action inputs, tokens or database URL. */
function run_worker_scrubbedEnv() {
    const env = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (k.startsWith('INPUT_') || k === 'GITHUB_TOKEN' || k === 'DRIZZLE_GUARD_DATABASE_URL' || k === 'DATABASE_URL')
            continue;
        env[k] = v;
    }
    return env;
}
/**
 * The worker next to the running bundle (dist/<entry>/index.js → dist/replay-worker/index.js), or, when
 * running from the TypeScript sources (tests, development), src/replay-worker.ts through jiti's loader.
 */
function run_worker_workerCommand() {
    const entry = process.argv[1] ? external_node_path_.dirname(external_node_fs_.realpathSync(process.argv[1])) : '';
    for (const candidate of [external_node_path_.join(entry, '..', 'replay-worker', 'index.js'), external_node_path_.join(entry, 'replay-worker', 'index.js')]) {
        if (entry && external_node_fs_.existsSync(candidate))
            return { file: candidate, execArgv: [] };
    }
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    const source = external_node_path_.resolve(external_node_path_.dirname(here), '..', '..', 'replay-worker.ts');
    return { file: source, execArgv: ['--import', import.meta.resolve('jiti/register')] };
}

;// CONCATENATED MODULE: ./src/checks/replay/index.ts
// Replay: applies the migrations on an embedded PostgreSQL (PGlite, in a worker process, no server) as
// drizzle's migrator would, traces what each new statement does to the tables that hold (seeded) rows,
// and reports the statement PostgreSQL rejects, at its line, with PostgreSQL's own words.












const replayRules = [replayFailed, replayFailedOnExistingRows, replayTimeout, tracedBlockingStatement, replayedSchemaDrift];
/** Workers started by warmUp, per config, waiting for their job. */
const started = new WeakMap();
const replayCheck = {
    name: 'replay',
    categories: ['replay'],
    // PostgreSQL starts in the worker while the engine reads the folder and runs the other checks.
    warmUp(config, options) {
        if (mayReplay(config, options))
            started.set(config, ReplayWorker.spawn());
    },
    run: async (ctx) => {
        const worker = started.get(ctx.config);
        started.delete(ctx.config);
        try {
            return await checkReplay(ctx, worker);
        }
        finally {
            worker?.kill();
        }
    },
};
function mayReplay(config, options) {
    return config.dialect === 'postgresql' && (options.replay === true || (options.replay === 'auto' && options.base !== undefined));
}
async function checkReplay(ctx, warm) {
    const { replay: mode } = ctx.options;
    if (mode === false)
        return { status: 'skipped', reason: 'replay is off (--no-replay)' };
    if (ctx.config.dialect !== 'postgresql') {
        return { status: 'skipped', reason: `replay runs PostgreSQL migrations only (this config's dialect is ${ctx.config.dialect})` };
    }
    const plan = planOf(ctx);
    if (typeof plan === 'string')
        return { status: 'skipped', reason: plan };
    const compare = ctx.options.drift && ctx.head.layout === 'journal' && plan.pending.length > 0 ? comparisonOf(ctx, plan) : undefined;
    const seconds = ctx.options.replayTimeout ?? DEFAULT_STATEMENT_TIMEOUT_S;
    const worker = warm ?? ReplayWorker.spawn();
    const outcome = await worker.run({
        type: 'job',
        base: plan.base.map(withoutSnapshot),
        pending: plan.pending.map(withoutSnapshot),
        extensionNames: extensionsCreated([...plan.base, ...plan.pending]),
        seed: ctx.options.replaySeed,
        trace: ctx.options.replaySeed,
        migrationsTable: { schema: ctx.config.migrations.schema, table: ctx.config.migrations.table },
        skipByWhen: ctx.head.layout === 'journal',
        ...(compare && typeof compare !== 'string' ? { compare } : {}),
    }, limitsFor(seconds));
    if (outcome.kind !== 'done')
        return unfinished(outcome, plan, seconds);
    const { result } = outcome.value;
    const notes = [
        `replay: ${plan.base.length} applied + ${plan.pending.length} new migrations (${result.baseStatements + result.pendingStatements} statements) on ` +
            `${outcome.value.version.split(' on ')[0]}: start ${ms(outcome.value.startMs)}${outcome.value.fromTemplate ? ' from a pre-initialised data directory' : ' (initdb)'}, replay ${ms(outcome.value.replayMs)}`,
        ...notesOf(result),
    ];
    const findings = findingsOf(result);
    const failureFinding = result.failure ? failureFindingOf(result.failure, plan) : undefined;
    if (failureFinding)
        findings.push(failureFinding);
    if (typeof compare === 'string')
        notes.push(`replay: schema not compared: ${compare}`);
    const comparison = outcome.value.comparison;
    if (comparison && 'reason' in comparison)
        notes.push(`replay: schema not compared: ${comparison.reason}`);
    else if (comparison) {
        const drift = schemaDriftFinding(ctx, comparison.differences, comparison.baseline);
        if (drift)
            findings.push(drift);
        if (comparison.baseline.length > 0)
            notes.push(`replay: ${comparison.baseline.length} difference(s) between the replayed schema and the snapshots already exist at the base (not reported)`);
    }
    return { status: 'ran', findings, notes, reconcile: (all) => reconcile(all, { result, lint: ctx.options.lint, ...(failureFinding ? { failureFinding } : {}) }) };
}
/** The snapshots stay here: the worker needs the SQL only. */
function withoutSnapshot(m) {
    const { snapshot: _snapshot, ...rest } = m;
    return rest;
}
function comparisonOf(ctx, plan) {
    const latest = replay_snapshotOf(ctx, ctx.head.migrations.at(-1));
    if (typeof latest === 'string')
        return latest;
    const baseLast = plan.base.at(-1);
    const base = baseLast ? replay_snapshotOf(ctx, baseLast) : undefined;
    return { latest, ...(base !== undefined && typeof base !== 'string' ? { base } : {}) };
}
/** A replay that did not end: the statement that was running when the limit struck, or the crash. */
function unfinished(outcome, plan, seconds) {
    if (outcome.kind === 'crashed') {
        return { status: 'ran', findings: [findingOf(replayFailed, { severity: 'warning', message: `the replay could not finish: ${outcome.message}`, help: 'Re-run the check; if it persists, report it with the migration that was replayed.' })] };
    }
    const running = outcome.running;
    const ref = running?.type === 'statement' ? refOf(plan, running) : undefined;
    const limit = outcome.limit === 'statement' ? `${seconds} s per statement` : `${Math.round(outcome.ms / 1000)} s for the whole replay`;
    const what = ref
        ? `${ref.migration.tag}: this statement did not finish within the replay limit (${limit}); the replay was stopped there`
        : `the replay did not finish within its limit (${limit}) while ${running?.type === 'step' ? running.what : 'starting'}`;
    return {
        status: 'ran',
        findings: [findingOf(replayTimeout, { ...(ref ? locate(ref) : {}), message: what })],
        notes: [
            `replay: stopped at the limit (${limit})${outcome.ranMs !== undefined ? ` after the running step had run ${(outcome.ranMs / 1000).toFixed(1)} s` : ''}; the statements after it were not replayed`,
        ],
    };
}
function refOf(plan, p) {
    const migration = (p.phase === 'base' ? plan.base : plan.pending).find((m) => m.tag === p.tag);
    const statement = migration?.statements.find((s) => s.index === p.index);
    return migration && statement ? { migration, statement } : undefined;
}
function schemaDriftFinding(ctx, all, baseline) {
    const last = ctx.head.migrations.at(-1);
    const known = new Set(baseline.map(differenceId));
    const differences = all.filter((d) => !known.has(differenceId(d)));
    if (differences.length === 0)
        return undefined;
    const shown = differences.slice(0, MAX_DIFFERENCES).map((d) => `- ${d.key}: replayed ${describeSide(d.replayed)}, declared ${describeSide(d.declared)}`);
    if (differences.length > MAX_DIFFERENCES)
        shown.push(`- … and ${differences.length - MAX_DIFFERENCES} more`);
    return findingOf(replayedSchemaDrift, {
        file: last.snapshot.file,
        migration: last.tag,
        message: `the database the migrations build differs from the one ${last.snapshot.file} declares ` +
            `(the drift check compares that snapshot with the TypeScript schema): ${differences.length} difference(s)\n${shown.join('\n')}`,
    });
}
function replay_snapshotOf(ctx, m) {
    if (!m.snapshot)
        return `${m.tag} has no snapshot`;
    return m.snapshot.json ?? loadSnapshotDocument(treeOf(ctx), m.snapshot.file).json ?? `${m.snapshot.file} cannot be read`;
}
function differenceId(d) {
    return JSON.stringify([d.key, d.replayed ?? null, d.declared ?? null]);
}
const MAX_DIFFERENCES = 20;
function describeSide(def) {
    return def === undefined ? 'absent' : def === '' ? 'present' : JSON.stringify(def);
}
function planOf(ctx) {
    const all = ctx.head.migrations;
    const unreadable = all.find((m) => m.sql === undefined);
    if (unreadable)
        return `${unreadable.file} cannot be read (see the integrity findings): drizzle's migrator would stop there too`;
    const fresh = all.filter((m) => m.isNew);
    if (fresh.length > 0)
        return { base: all.filter((m) => !m.isNew), pending: fresh };
    if (ctx.options.replay === 'auto')
        return ctx.hasBase ? 'no new migrations to replay' : 'no base to tell new migrations from applied ones (--base); use --replay to replay the whole history';
    if (all.length === 0)
        return 'no migrations to replay';
    // --replay without new migrations: what a fresh database goes through, one batch for everything.
    return ctx.hasBase ? { base: all, pending: [] } : { base: [], pending: all };
}
function findingsOf(result) {
    const findings = [];
    for (const m of result.missingExtensions) {
        const dependents = result.notVerified.length;
        findings.push(findingOf(replayFailed, {
            ...locate(m),
            severity: 'info',
            message: `extension "${m.name}" is not available in the embedded PostgreSQL (PGlite), so it was not created; ` +
                `${dependents} statement${dependents === 1 ? '' : 's'} failing on a missing object after it ${dependents === 1 ? 'was' : 'were'} not verified`,
            help: 'Nothing to fix if your database has the extension. The statements that need it are checked on a server that has it (e.g. --database-url to see pending migrations).',
        }));
    }
    for (const r of result.missingRoles) {
        findings.push(findingOf(replayFailed, {
            ...locate(r),
            severity: 'info',
            message: `role "${r.name}" does not exist in the embedded PostgreSQL (it belongs to the hosting environment); statements needing it were not verified`,
            help: 'Nothing to fix if your database has the role.',
        }));
    }
    return findings;
}
function failureFindingOf(f, plan) {
    const onRows = failedOnSeededRows(f);
    const rule = onRows ? replayFailedOnExistingRows : replayFailed;
    const where = f.phase === 'base'
        ? `migration ${f.migration.tag}, already applied at the base, fails on an empty PostgreSQL; the new migrations after it were not verified`
        : onRows
            ? `${f.migration.tag} fails on tables holding a row`
            : `${f.migration.tag} fails${plan.pending.length > 1 ? ` in the batch of ${plan.pending.length} pending migrations drizzle's migrator runs in one transaction` : ''}`;
    const after = f.notReplayed > 0 ? `\n${f.notReplayed} statement${f.notReplayed === 1 ? '' : 's'} after it ${f.notReplayed === 1 ? 'was' : 'were'} not run (drizzle's migrator stops at the first error)` : '';
    return findingOf(rule, {
        ...locate(f, f.error.position),
        migration: f.migration.tag,
        // History that no longer replays is worth knowing, but it is not this change's fault.
        ...(f.phase === 'base' ? { severity: 'info' } : {}),
        message: `${where}: ${describe(f.error)}${after}`,
        ...(helpFor(f.error.code) ? { help: helpFor(f.error.code) } : {}),
    });
}
/** Class 22 (data exception) and 23 (integrity constraint violation) with seeded rows: failures caused by rows. */
function failedOnSeededRows(f) {
    const code = f.error.code;
    return f.phase === 'pending' && f.seeded && code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}
function describe(e) {
    const parts = [`ERROR${e.code ? ` ${e.code}` : ''}: ${e.message}`];
    if (e.detail)
        parts.push(`DETAIL: ${e.detail}`);
    if (e.hint)
        parts.push(`HINT: ${e.hint}`);
    if (e.where)
        parts.push(`CONTEXT: ${e.where}`);
    return parts.join('\n');
}
/** Drizzle-specific recipes for the failures its one-transaction migrator causes. */
function helpFor(code) {
    switch (code) {
        case '55P04':
            return ("drizzle's migrator runs every pending migration in one transaction, and PostgreSQL forbids using an enum value added in the same transaction. " +
                'Ship the ALTER TYPE … ADD VALUE migration in an earlier deploy than the statements that use the value, or end the transaction first with a `COMMIT;` line at the top of the later migration file.');
        case '25001':
            return ("drizzle's migrator runs pending migrations inside a transaction, where CREATE INDEX CONCURRENTLY is not allowed. " +
                'Either drop CONCURRENTLY (fine for small tables), or put `COMMIT;` before it in that migration file (drizzle-kit generate --custom) so it runs outside the transaction.');
        default:
            return undefined;
    }
}
function notesOf(result) {
    const notes = [];
    for (const s of result.skipped) {
        notes.push(`replay: ${s.migration.tag} was not replayed: drizzle's migrator skips it, its journal "when" (${s.migration.when}) is not after the newest applied migration's (${s.lastApplied})`);
    }
    if (result.notVerified.length > 0) {
        notes.push(`replay: not verified (missing extension): ${result.notVerified.map((n) => `${n.migration.file}:${n.statement.span.start.line}`).join(', ')}`);
    }
    if (result.seed && (result.seed.seeded.length > 0 || result.seed.failed.length > 0)) {
        notes.push(`replay seed: one row in each of ${result.seed.seeded.length} table(s)`);
        for (const f of result.seed.failed)
            notes.push(`replay seed: no row could be inserted into ${f.table}: ${f.reason}`);
    }
    return notes;
}
function ms(n) {
    return `${Math.round(n)} ms`;
}

;// CONCATENATED MODULE: ./src/checks/safety/ops.ts
// The operations rules reason about. A statement becomes zero or more ops: ALTER TABLE from the
// PostgreSQL parse tree, fixed-shape statements (CREATE INDEX, DROP …, ALTER TYPE … ADD VALUE,
// transaction control) from tokens. Every op carries `at`, the UTF-16 offset in the migration file
// a finding should point to.
/** Display form of a key: `public.user` → `"user"`, `auth.user` → `"auth"."user"`. */
function displayName(key) {
    const dot = key.indexOf('.');
    if (dot < 0)
        return `"${key}"`;
    const schema = key.slice(0, dot);
    const name = key.slice(dot + 1);
    return schema === 'public' ? `"${name}"` : `"${schema}"."${name}"`;
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/types.ts
// What a safety rule is: metadata plus a pure function of one op (or one statement) and the
// schema/transaction state just before it.
/** Rule metadata with the safety category filled in. */
function safetyRule(meta) {
    return { ...meta, category: 'safety' };
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/add-check-validating.ts


const addCheckValidating = {
    meta: safetyRule({
        id: 'add-check-validating',
        defaultSeverity: 'warning',
        description: 'ADD CHECK without NOT VALID on an existing table: scans every row under an ACCESS EXCLUSIVE lock.',
        help: 'Add it with `NOT VALID`, then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration — not the same one: drizzle runs every pending migration in one transaction, and validating there scans under the lock the ADD took (validation alone takes a SHARE UPDATE EXCLUSIVE lock only).',
    }),
    checkOp(op, state) {
        if (op.kind === 'validate-constraint') {
            if (state.notValidInTransaction(op.table, op.name) !== 'check' || state.isEmptyTable(op.table))
                return undefined;
            return `Constraint "${op.name}" of ${displayName(op.table)} is validated in the same transaction as the ADD … NOT VALID that created it: every row is checked while the ACCESS EXCLUSIVE lock it took is still held, so NOT VALID gains nothing. Validate it in a migration deployed after this one (pending migrations deployed together share one transaction).`;
        }
        if (op.kind !== 'add-constraint' || op.constraint !== 'check' || op.notValid || state.isEmptyTable(op.table))
            return undefined;
        return `Check constraint ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)} without NOT VALID: every row is checked under an ACCESS EXCLUSIVE lock.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/add-column-required.ts


const addColumnRequired = {
    meta: safetyRule({
        id: 'add-column-required',
        defaultSeverity: 'error',
        description: 'ADD COLUMN … NOT NULL without a default on an existing table: fails as soon as the table has a row.',
        help: 'Give the column a `.default(…)` in the Drizzle schema, or add it nullable, backfill it, then make it `.notNull()` in a later migration.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'add-column' || !op.notNull || op.default !== undefined || op.rewrite !== undefined)
            return undefined;
        if (state.isEmptyTable(op.table))
            return undefined;
        return `Column "${op.column}" is added to ${displayName(op.table)} as NOT NULL without a default: the migration fails if the table has any row.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/add-column-volatile-default.ts


const addColumnVolatileDefault = {
    meta: safetyRule({
        id: 'add-column-volatile-default',
        defaultSeverity: 'warning',
        description: 'ADD COLUMN whose value is computed per row (volatile default such as gen_random_uuid(), serial, identity, stored generated column), or any default before PostgreSQL 11: rewrites the whole table under an ACCESS EXCLUSIVE lock.',
        help: 'Add the column without the default, backfill it in batches, then set the default (`.$defaultFn()` computes it in the application instead).',
    }),
    checkOp(op, state) {
        if (op.kind !== 'add-column' || state.isEmptyTable(op.table))
            return undefined;
        const why = op.rewrite === 'identity'
            ? 'an identity column'
            : op.rewrite === 'serial'
                ? 'a serial column'
                : op.rewrite === 'generated'
                    ? 'a stored generated column'
                    : op.default === 'volatile'
                        ? 'a volatile default'
                        : op.default === 'constant' && state.postgresVersion < 11
                            ? `a default (PostgreSQL ${state.postgresVersion} < 11)`
                            : undefined;
        if (!why)
            return undefined;
        return `Column "${op.column}" is added to ${displayName(op.table)} with ${why}: the whole table is rewritten under an ACCESS EXCLUSIVE lock.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/add-foreign-key-validating.ts


const addForeignKeyValidating = {
    meta: safetyRule({
        id: 'add-foreign-key-validating',
        defaultSeverity: 'warning',
        description: 'ADD FOREIGN KEY without NOT VALID on an existing table: scans the table while holding a SHARE ROW EXCLUSIVE lock on it and on the referenced table (writes blocked).',
        help: 'Add it with `NOT VALID` (edit the generated SQL or use a custom migration), then `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration (not the same one: drizzle runs a migration, and every pending one, in one transaction, and validating there scans under the lock the ADD took): validation alone only takes a SHARE UPDATE EXCLUSIVE lock.',
    }),
    checkOp(op, state) {
        if (op.kind === 'validate-constraint') {
            if (state.notValidInTransaction(op.table, op.name) !== 'foreign' || state.isEmptyTable(op.table))
                return undefined;
            return `Constraint "${op.name}" of ${displayName(op.table)} is validated in the same transaction as the ADD … NOT VALID that created it: every row is checked while the SHARE ROW EXCLUSIVE lock it took on both tables is still held, so NOT VALID gains nothing. Validate it in a migration deployed after this one (pending migrations deployed together share one transaction).`;
        }
        if (op.kind !== 'add-constraint' || op.constraint !== 'foreign' || op.notValid || state.isEmptyTable(op.table))
            return undefined;
        return `Foreign key ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)} without NOT VALID: every row is checked while writes to both tables are blocked.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/add-primary-key.ts


const addPrimaryKey = {
    meta: safetyRule({
        id: 'add-primary-key',
        defaultSeverity: 'warning',
        description: 'ADD PRIMARY KEY on an existing table: builds a unique index (and may set NOT NULL, scanning) under an ACCESS EXCLUSIVE lock.',
        help: 'Build a unique index with `CREATE UNIQUE INDEX CONCURRENTLY` outside the migrator\'s transaction, make the columns NOT NULL safely, then `ADD CONSTRAINT … PRIMARY KEY USING INDEX …`.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'add-constraint' || op.constraint !== 'primary' || op.usingIndex || state.isEmptyTable(op.table))
            return undefined;
        return `A primary key is added to ${displayName(op.table)}: its index is built under an ACCESS EXCLUSIVE lock.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/add-unique-constraint.ts


const addUniqueConstraint = {
    meta: safetyRule({
        id: 'add-unique-constraint',
        defaultSeverity: 'warning',
        description: 'ADD UNIQUE on an existing table: builds the index under an ACCESS EXCLUSIVE lock (reads and writes blocked), and fails on duplicates.',
        help: 'Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` outside the migrator\'s transaction, then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …`.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'add-constraint' || op.constraint !== 'unique' || op.usingIndex || state.isEmptyTable(op.table))
            return undefined;
        return `Unique constraint ${op.name ? `"${op.name}" ` : ''}is added to ${displayName(op.table)}: its index is built under an ACCESS EXCLUSIVE lock, and the migration fails on duplicate rows.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/alter-column-type.ts


const alterColumnType = {
    meta: safetyRule({
        id: 'alter-column-type',
        defaultSeverity: 'warning',
        description: 'Changing a column type on an existing table: usually rewrites the table under an ACCESS EXCLUSIVE lock, and fails on values that do not convert.',
        help: 'Add a new column of the new type, write both, backfill in batches, switch reads, then drop the old column (expand/contract). Changes that never rewrite are not reported: varchar ↔ text, a longer varchar / timestamp / time precision, numeric(p,s) → numeric(q > p, s), vector(n) → vector. timestamp → timestamptz rewrites unless the TimeZone is UTC.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'alter-column-type' || state.isEmptyTable(op.table))
            return undefined;
        // A column added or retyped earlier in this migration has that type now, not the snapshot's.
        const earlier = state.migrationOps.filter((o) => (o.kind === 'alter-column-type' || o.kind === 'add-column') && o.table === op.table && o.column === op.column && o.at < op.at);
        const last = earlier[earlier.length - 1];
        const before = last?.kind === 'alter-column-type' || last?.kind === 'add-column' ? last.type : state.columnTypeBefore(op.table, op.column);
        if (op.collate !== undefined && before !== undefined && sameType(before, op.type)) {
            return `Column "${op.column}" of ${displayName(op.table)} changes collation to "${op.collate}": its indexes are rebuilt under an ACCESS EXCLUSIVE lock.`;
        }
        if (before !== undefined && (sameType(before, op.type) || isBinaryCoercible(before, op.type, state.dialect === 'postgresql')))
            return undefined;
        const change = before !== undefined ? `from ${before} to ${op.type}` : `to ${op.type}`;
        if (state.dialect === 'postgresql' && state.postgresVersion >= 12 && before !== undefined && isTimestampToTimestamptz(before, op.type)) {
            return `Column "${op.column}" of ${displayName(op.table)} changes type ${change}: PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock unless the session's TimeZone is UTC (then it only relabels the values, reading them as UTC). Check the TimeZone the migration runs with (\`SHOW TimeZone\`).`;
        }
        const notes = [];
        if (before !== undefined && isVarcharShrink(before, op.type))
            notes.push('the new length is shorter: longer values make it fail');
        if (state.dialect === 'postgresql' && !op.using) {
            notes.push('there is no USING clause: it fails unless the old type casts implicitly to the new one');
        }
        const rewrite = state.dialect === 'postgresql' ? ' rewrites the table under an ACCESS EXCLUSIVE lock' : ' may rebuild the table';
        return `Column "${op.column}" of ${displayName(op.table)} changes type ${change}: this${rewrite}${notes.length ? `; ${notes.join('; ')}` : ''}.`;
    },
};
function sameType(a, b) {
    const x = typeOf(a);
    const y = typeOf(b);
    return x.name === y.name && x.mods.join(',') === y.mods.join(',') && x.array === y.array;
}
const SYNONYMS = {
    'character varying': 'varchar',
    'timestamp with time zone': 'timestamptz',
    'timestamp without time zone': 'timestamp',
    'time with time zone': 'timetz',
    'time without time zone': 'time',
    decimal: 'numeric',
    integer: 'int4',
    int: 'int4',
    bigint: 'int8',
    smallint: 'int2',
    boolean: 'bool',
};
/** `varchar(255)`, `character varying(255)`, `timestamp (3) with time zone`, `numeric(10, 2)`, `"public"."vector"(3)`. */
function typeOf(type) {
    let t = type.toLowerCase().replace(/"/g, '').replace(/\s+/g, ' ').trim();
    const array = t.endsWith('[]');
    if (array)
        t = t.replace(/(\[\])+$/, '');
    let mods = [];
    // The modifiers may stand before "with time zone".
    t = t.replace(/\s*\(([\d\s,]+)\)/, (_m, list) => {
        mods = list.split(',').map((n) => Number(n.trim()));
        return '';
    });
    t = t.replace(/^(public|pg_catalog)\./, '').trim();
    return { name: SYNONYMS[t] ?? t, mods, array };
}
/** Types whose length or precision can grow without a rewrite (PostgreSQL's length-coercion support functions). */
const GROWABLE = new Set(['varchar', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval', 'bit varying', 'varbit']);
/**
 * Changes PostgreSQL makes without rewriting the table or checking a row (verified on PostgreSQL 15):
 * varchar ↔ text (no length), a varchar / timestamp / time precision that grows or goes, numeric
 * precision that grows with the same scale, and vector(n) → vector.
 */
function isBinaryCoercible(from, to, postgres) {
    const f = typeOf(from);
    const t = typeOf(to);
    if (f.array !== t.array)
        return false;
    // MySQL / SQLite: only a varchar growing (or becoming text) is taken as cheap, as before.
    if (!postgres && (f.name !== 'varchar' || f.mods.length === 0))
        return false;
    const text = (p) => p.name === 'text' || (p.name === 'varchar' && p.mods.length === 0);
    if (t.name === 'text' || (t.name === 'varchar' && t.mods.length === 0))
        return f.name === 'varchar' || text(f);
    if (f.name !== t.name)
        return false;
    if (t.mods.length === 0)
        return GROWABLE.has(f.name) || f.name === 'numeric' || f.name === 'vector';
    if (f.mods.length === 0)
        return false;
    if (GROWABLE.has(f.name))
        return t.mods[0] >= f.mods[0];
    if (f.name === 'numeric')
        return t.mods[0] >= f.mods[0] && (t.mods[1] ?? 0) === (f.mods[1] ?? 0);
    return false;
}
function isVarcharShrink(from, to) {
    const t = typeOf(to);
    if (t.name !== 'varchar' || t.mods.length === 0)
        return false;
    const f = typeOf(from);
    if (f.name === 'text' || (f.name === 'varchar' && f.mods.length === 0))
        return true;
    return f.name === 'varchar' && t.mods[0] < f.mods[0];
}
/** timestamp → timestamptz: PostgreSQL 12+ skips the rewrite when the session's TimeZone is UTC. */
function isTimestampToTimestamptz(from, to) {
    const f = typeOf(from);
    const t = typeOf(to);
    return f.name === 'timestamp' && t.name === 'timestamptz' && f.array === t.array && (t.mods.length === 0 || (f.mods.length > 0 && t.mods[0] >= f.mods[0]));
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/concurrently-in-transaction.ts

const concurrentlyInTransaction = {
    meta: safetyRule({
        id: 'concurrently-in-transaction',
        defaultSeverity: 'error',
        description: "A statement PostgreSQL refuses inside a transaction block (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION … CONCURRENTLY, VACUUM, CREATE DATABASE, …) runs in one: drizzle's migrator runs every pending migration in one transaction, and sends each `--> statement-breakpoint` chunk as one query, which PostgreSQL runs as one implicit transaction block when it holds several statements.",
        help: 'Give the statement a custom migration of its own (`drizzle-kit generate --custom`): `COMMIT;`, a `--> statement-breakpoint`, then the statement alone in its chunk, written so it can run twice (`CREATE INDEX CONCURRENTLY IF NOT EXISTS …`). The COMMIT ends drizzle\'s transaction early (see transaction-control): the migration is recorded only after its last statement, so if the build fails halfway it runs again on the next deploy — first drop the INVALID index it leaves (`DROP INDEX CONCURRENTLY IF EXISTS …`), which IF NOT EXISTS would keep. On a new or small table, drop CONCURRENTLY instead.',
    }),
    checkOp(op, state) {
        const statement = refusedStatement(op, state);
        if (statement === undefined || !state.inTransaction)
            return undefined;
        if (state.transactionBlock === 'implicit') {
            return `${statement} shares its chunk with other statements: drizzle's migrator sends a chunk as one query, which PostgreSQL runs as one transaction block (even after a COMMIT in it), and rejects this statement there. Put it alone between breakpoints.`;
        }
        return `${statement} runs inside drizzle's migration transaction (all pending migrations run in one): PostgreSQL rejects it there. End the transaction with a \`COMMIT;\` chunk first and put it alone between breakpoints.`;
    },
};
function refusedStatement(op, state) {
    switch (op.kind) {
        case 'create-index':
            return op.concurrently ? 'CREATE INDEX CONCURRENTLY' : undefined;
        case 'drop-index':
            return op.concurrently ? 'DROP INDEX CONCURRENTLY' : undefined;
        case 'outside-transaction':
            return op.statement;
        case 'add-enum-value':
            // Allowed in a transaction block from PostgreSQL 12.
            return state.postgresVersion < 12 ? 'ALTER TYPE … ADD VALUE (before PostgreSQL 12)' : undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/create-index-blocking.ts


const createIndexBlocking = {
    meta: safetyRule({
        id: 'create-index-blocking',
        defaultSeverity: 'warning',
        description: 'CREATE INDEX without CONCURRENTLY on an existing table: blocks every write to the table while the index builds.',
        help: 'Build it with `CREATE INDEX CONCURRENTLY IF NOT EXISTS …` in a custom migration of its own (`drizzle-kit generate --custom`): `COMMIT;`, a `--> statement-breakpoint`, then the CREATE alone in its chunk (CONCURRENTLY fails inside drizzle\'s transaction and inside a chunk of several statements). The COMMIT ends drizzle\'s transaction early (see transaction-control); if the build fails it leaves an INVALID index and the migration unrecorded: drop the index (`DROP INDEX CONCURRENTLY IF EXISTS …`) before the next deploy runs it again. Or build it by hand before deploying and keep `IF NOT EXISTS` in the migration.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'create-index' || op.concurrently || state.isEmptyTable(op.table))
            return undefined;
        return `An index is built on ${displayName(op.table)} without CONCURRENTLY: writes to the table are blocked until it is built.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/drop-column.ts


const dropColumn = {
    meta: safetyRule({
        id: 'drop-column',
        defaultSeverity: 'error',
        description: 'DROP COLUMN on an existing table: the data is lost and running code that selects or inserts it fails.',
        help: 'Stop using the column first: remove it from the Drizzle schema\'s queries (keep it in the table), deploy, then generate the migration that drops it.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'drop-column' || isNoDataDrop(op, state))
            return undefined;
        // Expand/contract's last step: the column left the Drizzle schema (and the snapshot) in an earlier
        // migration, so code built from that schema no longer reads or writes it.
        const renamedHere = state.migrationOps.some((o) => o.kind === 'rename-column' && o.table === op.table && o.to === op.column && o.at < op.at);
        if (state.hasColumnBefore(op.table, op.column) === false && !renamedHere) {
            return {
                severity: 'warning',
                message: `Column "${op.column}" of ${displayName(op.table)} is dropped: it is no longer in the previous snapshot (the Drizzle schema dropped it earlier, as the last step of expand/contract does), so running code does not use it — but its data is lost.`,
            };
        }
        return `Column "${op.column}" of ${displayName(op.table)} is dropped: its data is lost and code still using it breaks.`;
    },
};
/**
 * A drop that loses no data: on a new table, of a column added earlier in the migration, or
 * `IF EXISTS` of a column the previous snapshot does not have (a no-op).
 */
function isNoDataDrop(op, state) {
    return state.isNewTable(op.table) || state.isNewColumn(op.table, op.column) || (op.ifExists === true && state.hasColumnBefore(op.table, op.column) === false);
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/drop-and-add-column.ts



const dropAndAddColumn = {
    meta: safetyRule({
        id: 'drop-and-add-column',
        defaultSeverity: 'error',
        description: 'One column dropped and one column of the same type added to the same existing table in one migration, with no statement copying the data: the shape of a rename that drizzle-kit generated as drop + add, losing the data.',
        help: 'If it is a rename, run `drizzle-kit generate` again and answer the rename prompt ("~ rename column"), or edit the SQL to `ALTER TABLE … RENAME COLUMN …`; if not, copy the data first or drop the old column in a later migration.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'drop-column' || isNoDataDrop(op, state))
            return undefined;
        const sameTable = (kind) => state.migrationOps.filter((o) => o.kind === kind && o.table === op.table);
        const added = sameTable('add-column');
        // A rename pairs one old column with one new one; several on either side is a redesign.
        if (added.length !== 1 || sameTable('drop-column').length !== 1)
            return undefined;
        const add = added[0];
        const before = state.columnTypeBefore(op.table, op.column);
        if (before !== undefined && add.type !== undefined && canonicalType(before) !== canonicalType(add.type))
            return undefined;
        if (copiesData(state, op.column))
            return undefined;
        return `Column "${op.column}" of ${displayName(op.table)} is dropped and "${add.column}"${before ? ` (also ${before})` : ''} is added in the same migration, with nothing copying the data: if this is a rename, the data of "${op.column}" is lost.`;
    },
};
const DATA_STATEMENTS = new Set(['UPDATE', 'INSERT', 'WITH', 'DO', 'CALL', 'SELECT']);
/** True when a data statement (UPDATE, INSERT, DO block…) of the migration mentions the column. */
function copiesData(state, column) {
    return state.migrationStatements.some((s) => {
        const first = s.tokens[0];
        if (!first || first.kind !== 'word' || !DATA_STATEMENTS.has(first.value))
            return false;
        return s.tokens.some((t) => (t.kind === 'ident' && t.value === column) || (t.kind === 'word' && t.value === column.toUpperCase()) || (t.kind === 'string' && t.value.includes(column)));
    });
}
const ALIASES = {
    bool: 'boolean',
    int4: 'integer',
    int: 'integer',
    int8: 'bigint',
    int2: 'smallint',
    float8: 'double precision',
    float4: 'real',
    timestamptz: 'timestamp with time zone',
    timetz: 'time with time zone',
    'character varying': 'varchar',
};
function canonicalType(type) {
    const t = type.toLowerCase().replace(/"/g, '').replace(/^public\./, '').trim();
    const m = /^([a-z0-9_ ]+?)\s*(\(.*)?$/.exec(t);
    if (!m)
        return t;
    return `${ALIASES[m[1]] ?? m[1]}${m[2] ?? ''}`.replace(/\s+/g, ' ');
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/drop-index-blocking.ts


const dropIndexBlocking = {
    meta: safetyRule({
        id: 'drop-index-blocking',
        defaultSeverity: 'warning',
        description: 'DROP INDEX without CONCURRENTLY: takes an ACCESS EXCLUSIVE lock on the table, queuing every read and write behind running queries.',
        help: 'Use `DROP INDEX CONCURRENTLY IF EXISTS …` in a custom migration of its own: `COMMIT;`, a `--> statement-breakpoint`, then the DROP alone in its chunk (CONCURRENTLY fails inside drizzle\'s transaction and inside a chunk of several statements; see transaction-control for what the COMMIT costs). Or drop it by hand before deploying and keep `IF EXISTS` in the migration.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'drop-index' || op.concurrently || state.isNewIndex(op.index))
            return undefined;
        // IF EXISTS on an unqualified name that only another schema has: PostgreSQL looks in public and drops nothing.
        const bare = op.index.slice(op.index.indexOf('.') + 1);
        const schemas = op.ifExists && op.unqualified ? state.indexSchemasBefore(bare) : undefined;
        if (schemas !== undefined && schemas.length > 0 && !schemas.includes('public'))
            return undefined;
        return `Index ${displayName(op.index)} is dropped without CONCURRENTLY: its table is locked (ACCESS EXCLUSIVE) while it waits and drops.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/drop-not-null.ts


const dropNotNull = {
    meta: safetyRule({
        id: 'drop-not-null',
        defaultSeverity: 'warning',
        description: 'DROP NOT NULL on an existing column: running code that assumes a value may break on the first NULL.',
        help: 'Make sure every reader (and the Drizzle types in the running code) handles NULL before deploying this migration.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'drop-not-null' || state.isNewTable(op.table))
            return undefined;
        return `Column "${op.column}" of ${displayName(op.table)} becomes nullable: code that assumes a value can break.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/drop-schema.ts

const dropSchema = {
    meta: safetyRule({
        id: 'drop-schema',
        defaultSeverity: 'error',
        description: 'DROP SCHEMA: every table in it (with CASCADE) and its data is lost.',
        help: 'Move or drop the tables one by one after the code stops using them; drop the empty schema last.',
    }),
    checkOp(op) {
        if (op.kind !== 'drop-schema')
            return undefined;
        return `Schema "${op.schema}" is dropped: every object in it and its data are lost.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rebuild.ts
// The hand-written table rebuild (SQLite's way to change a table, also seen elsewhere):
//   ALTER TABLE x RENAME TO x_old;  CREATE TABLE x (…);  INSERT INTO x SELECT … FROM x_old;  DROP TABLE x_old;
// Neither the rename nor the drop of the old copy is what rename-table / drop-table warn about — as
// long as the rows are copied: a table renamed away and re-created empty is a rename to the code.
/** True when `table` is renamed away and a table of the same name is created later in the migration. */
function isReplacedAfterRename(state, table, at) {
    return state.migrationOps.some((o) => o.kind === 'create-table' && o.table === table && o.at > at);
}
/** True when `table` is the old copy of a rebuild whose rows a data statement reads before it is dropped. */
function isRebuildOldCopy(state, table, at) {
    const rename = state.migrationOps.find((o) => o.kind === 'rename-table' && o.to === table && o.at < at);
    if (rename?.kind !== 'rename-table' || !isReplacedAfterRename(state, rename.table, rename.at))
        return false;
    return readsFrom(state, table, rename.at, at);
}
/**
 * True when a table renamed away (`table` → `to`) is re-created under its old name and its rows are
 * copied back from `to`: a rebuild. Without the copy, code reading `table` finds a new, empty table.
 */
function isRebuildRename(state, table, to, at) {
    return isReplacedAfterRename(state, table, at) && readsFrom(state, to, at, Infinity);
}
/** True when a statement between the offsets has `FROM <table>`. */
function readsFrom(state, table, after, before) {
    const bare = table.slice(table.lastIndexOf('.') + 1).toLowerCase();
    return state.migrationStatements.some((s) => s.tokens.some((t, i) => {
        if (t.kind !== 'word' || t.value !== 'FROM')
            return false;
        const next = s.tokens[i + 1];
        const offset = s.base + t.start;
        return next !== undefined && (next.kind === 'ident' || next.kind === 'word') && next.value.toLowerCase() === bare && offset > after && offset < before;
    }));
}

;// CONCATENATED MODULE: ./src/checks/safety/rules/drop-table.ts



const dropTable = {
    meta: safetyRule({
        id: 'drop-table',
        defaultSeverity: 'error',
        description: 'DROP TABLE of an existing table: its data is lost and running code that still reads it fails.',
        help: 'Remove every use of the table from the code and deploy that first; drop the table in a later migration (keep a backup if the data may be needed).',
    }),
    checkOp(op, state) {
        if (op.kind !== 'drop-table' || state.isNewTable(op.table) || isRebuildOldCopy(state, op.table, op.at))
            return undefined;
        return `Table ${displayName(op.table)} is dropped: its rows are lost and code still reading it breaks.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/enum-value-removed.ts


const enumValueRemoved = {
    meta: safetyRule({
        id: 'enum-value-removed',
        defaultSeverity: 'error',
        description: 'An existing enum is dropped and re-created with fewer values (drizzle-kit\'s way to remove a value): the `USING col::type` cast fails on any row that holds a removed value.',
        help: 'First migrate the rows away from the removed values (`UPDATE … SET col = \'other\' WHERE col = \'old\'`) in an earlier migration and deploy code that no longer writes them; then remove the value.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'drop-type' || state.isNewType(op.type))
            return undefined;
        const recreated = state.migrationOps.find((o) => o.kind === 'create-enum' && o.type === op.type && o.at > op.at);
        if (!recreated || recreated.kind !== 'create-enum')
            return undefined;
        const before = state.enumValuesBefore(op.type);
        if (before === undefined) {
            return `Enum ${displayName(op.type)} is dropped and re-created: rows holding a value that is no longer listed make the migration fail.`;
        }
        const removed = before.filter((v) => !recreated.values.includes(v));
        if (removed.length === 0)
            return undefined;
        return `Enum ${displayName(op.type)} is re-created without ${removed.map((v) => `'${v}'`).join(', ')}: rows holding ${removed.length === 1 ? 'it' : 'them'} make the migration fail.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/enum-value-used-in-same-transaction.ts


const enumValueUsedInSameTransaction = {
    meta: safetyRule({
        id: 'enum-value-used-in-same-transaction',
        defaultSeverity: 'error',
        description: 'A value added with ALTER TYPE … ADD VALUE is used before the transaction commits: PostgreSQL fails with "unsafe use of new value". Drizzle\'s migrator runs all pending migrations in one transaction.',
        help: 'Use the new value (defaults, backfills, casts) in a later deploy, after the migration that adds it has been applied; or end the transaction with a `COMMIT;` chunk of its own right after the ADD VALUE (see transaction-control: what follows runs in autocommit and must be idempotent, since a failure leaves the migration unrecorded).',
    }),
    checkStatement(statement, state) {
        if (state.dialect !== 'postgresql' || state.uncommittedEnumValues.size === 0)
            return [];
        // Type definitions name values (another enum getting the same value, BEFORE/AFTER neighbours): not uses.
        const [first, second] = statement.tokens;
        if ((first?.value === 'ALTER' || first?.value === 'CREATE') && second?.value === 'TYPE')
            return [];
        const hits = [];
        for (const t of statement.tokens) {
            if (t.kind !== 'string')
                continue;
            const added = state.uncommittedEnumValues.get(t.value);
            if (!added)
                continue;
            hits.push({
                at: statement.base + t.start,
                message: `'${t.value}' was added to enum ${displayName(added.type)} in the same transaction: using it before COMMIT fails with "unsafe use of new value".`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/parse-error.ts

// Reported by the linter itself (index.ts) when PostgreSQL's parser rejects a statement.
const parseError = {
    meta: safetyRule({
        id: 'parse-error',
        defaultSeverity: 'error',
        description: "A statement that PostgreSQL's own parser rejects: the migration fails when it reaches it.",
        help: 'Fix the SQL (run it against a scratch database); if the migration is hand-written, check for a missing `;` or `--> statement-breakpoint`.',
    }),
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/rename-column.ts


const renameColumn = {
    meta: safetyRule({
        id: 'rename-column',
        defaultSeverity: 'warning',
        description: 'Renaming a column of an existing table: the running (old) code still uses the old name and fails until the new code is deployed.',
        help: 'Add the new column, write both, backfill, switch reads to the new one, then drop the old column; or accept a short outage and deploy code and migration together.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'rename-column' || state.isNewTable(op.table))
            return undefined;
        return `Column "${op.column}" of ${displayName(op.table)} is renamed to "${op.to}": code still using the old name breaks.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/rename-table.ts



const renameTable = {
    meta: safetyRule({
        id: 'rename-table',
        defaultSeverity: 'warning',
        description: 'Renaming an existing table: the running (old) code still queries the old name and fails until the new code is deployed.',
        help: 'Create the new table (or a view with the new name), migrate the code to it, then drop the old name in a later migration.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'rename-table' || state.isNewTable(op.table) || isRebuildRename(state, op.table, op.to, op.at))
            return undefined;
        if (isReplacedAfterRename(state, op.table, op.at)) {
            return `Table ${displayName(op.table)} is renamed to ${displayName(op.to)} and re-created empty under its old name, with nothing copying the rows back: code still using ${displayName(op.table)} finds none of its data.`;
        }
        return `Table ${displayName(op.table)} is renamed to ${displayName(op.to)}: code still using the old name breaks.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/set-not-null.ts


const setNotNull = {
    meta: safetyRule({
        id: 'set-not-null',
        defaultSeverity: 'warning',
        description: 'SET NOT NULL on an existing column: scans the whole table under an ACCESS EXCLUSIVE lock, and fails if a row holds NULL.',
        help: 'Backfill NULLs first; then (PostgreSQL ≥ 12) add `CHECK ("col" IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` in a later migration, and only then SET NOT NULL (it uses the check and skips the scan) and drop the check.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'set-not-null' || state.isEmptyTable(op.table))
            return undefined;
        // Already NOT NULL in the snapshot, and not relaxed since: PostgreSQL does nothing.
        const relaxed = state.migrationOps.some((o) => o.kind === 'drop-not-null' && o.table === op.table && o.column === op.column && o.at < op.at);
        if (!relaxed && state.columnNotNullBefore(op.table, op.column) === true)
            return undefined;
        return `Column "${op.column}" of ${displayName(op.table)} becomes NOT NULL: the whole table is scanned under an ACCESS EXCLUSIVE lock, and the migration fails if a row holds NULL.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/transaction-control.ts

const transactionControl = {
    meta: safetyRule({
        id: 'transaction-control',
        defaultSeverity: 'warning',
        description: "BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / SAVEPOINT in a migration: drizzle's migrator already runs every pending migration in one transaction and records each one in `__drizzle_migrations` after its last statement, so transaction control changes what is atomic and what a failure leaves behind. An error on MySQL, where it protects nothing.",
        help: "Keep transaction control out of migrations. If a statement must run outside the transaction (CREATE INDEX CONCURRENTLY), give it a migration of its own: `COMMIT;`, a `--> statement-breakpoint`, then the one statement alone in its chunk, written to run twice (`IF NOT EXISTS` / `IF EXISTS`). If it fails, the migration is left unrecorded and runs again from the top on the next deploy: clean up what it left (an INVALID index: `DROP INDEX CONCURRENTLY IF EXISTS …`) before that.",
    }),
    checkStatement(statement, state) {
        const word = controlWord(statement.tokens);
        if (word === undefined)
            return [];
        const at = statement.base + statement.tokens[0].start;
        if (state.dialect === 'mysql')
            return [{ at, message: MYSQL, severity: 'error' }];
        if (state.dialect === 'sqlite')
            return [{ at, message: `${word}: ${SQLITE}` }];
        return [{ at, message: postgresMessage(word, state) }];
    },
};
function controlWord(tokens) {
    const [a, b] = tokens;
    if (a?.kind !== 'word')
        return undefined;
    switch (a.value) {
        case 'BEGIN':
            return 'BEGIN';
        case 'START':
            return b?.kind === 'word' && b.value === 'TRANSACTION' ? 'BEGIN' : undefined;
        case 'COMMIT':
        case 'END':
            // COMMIT PREPARED acts on another transaction.
            return b?.kind === 'word' && b.value === 'PREPARED' ? undefined : 'COMMIT';
        case 'ROLLBACK':
        case 'ABORT':
            if (b?.kind === 'word' && b.value === 'PREPARED')
                return undefined;
            return b?.kind === 'word' && b.value === 'TO' ? 'SAVEPOINT' : 'ROLLBACK';
        case 'SAVEPOINT':
        case 'RELEASE':
            return 'SAVEPOINT';
        default:
            return undefined;
    }
}
const AFTERWARDS = "the rest runs in autocommit, one chunk at a time, and this migration's `__drizzle_migrations` row is inserted only after its last statement: if a later statement fails, the migration is left half-applied and unrecorded, and the next deploy runs it again from the top, so every statement after this one must be idempotent (IF NOT EXISTS / IF EXISTS)";
function postgresMessage(word, state) {
    const open = state.transactionBlock === 'explicit';
    switch (word) {
        case 'COMMIT':
            return open
                ? `COMMIT ends drizzle's migration transaction here: everything applied before it is committed (earlier pending migrations and their \`__drizzle_migrations\` rows included); ${AFTERWARDS}.`
                : 'COMMIT with no transaction open (an earlier COMMIT ended drizzle\'s): PostgreSQL only warns, and nothing before it is atomic.';
        case 'BEGIN':
            return open
                ? "BEGIN inside drizzle's migration transaction does nothing (PostgreSQL only warns: transactions do not nest); a later COMMIT still ends drizzle's transaction."
                : "BEGIN opens a transaction again after drizzle's was committed: it lasts until the next COMMIT or the migrator's own COMMIT after the last pending migration, so later migrations and their records join it.";
        case 'ROLLBACK':
            return open
                ? `ROLLBACK undoes everything applied so far in this batch (earlier pending migrations and their \`__drizzle_migrations\` rows included), and ${AFTERWARDS}; the migration is then recorded as applied although what came before the ROLLBACK was undone.`
                : 'ROLLBACK with no transaction open: PostgreSQL only warns; nothing is undone.';
        case 'SAVEPOINT':
            return state.inTransaction
                ? "SAVEPOINT / RELEASE / ROLLBACK TO work here only because drizzle's migrator runs the migration in a transaction; they fail after a COMMIT (\"can only be used in transaction blocks\")."
                : 'SAVEPOINT / RELEASE / ROLLBACK TO outside a transaction block: PostgreSQL rejects it ("can only be used in transaction blocks").';
    }
}
const MYSQL = "Transaction control protects nothing in a MySQL migration: MySQL commits implicitly before and after every DDL statement (and START TRANSACTION / BEGIN commits whatever is pending), so drizzle's migration is never atomic there; COMMIT and ROLLBACK act only on data changes since the last DDL statement, and a migration that fails halfway is left half-applied and unrecorded whatever the file says. Remove it and make each statement safe to run again.";
const SQLITE = "drizzle's SQLite migrator already runs the pending migrations inside BEGIN … COMMIT, and SQLite does not nest transactions: a BEGIN fails (\"cannot start a transaction within a transaction\"); a COMMIT commits everything so far, the rest runs in autocommit, and the migrator's own COMMIT then fails (\"no transaction is active\"): migrate() throws although the migration was applied and recorded.";

;// CONCATENATED MODULE: ./src/checks/safety/rules/truncate-table.ts


const truncateTable = {
    meta: safetyRule({
        id: 'truncate-table',
        defaultSeverity: 'error',
        description: 'TRUNCATE of an existing table in a migration: every row is deleted (and CASCADE empties referencing tables too).',
        help: 'Delete data deliberately in a reviewed data migration (`DELETE … WHERE …`), or suppress this finding with a reason if emptying the table is intended.',
    }),
    checkOp(op, state) {
        if (op.kind !== 'truncate' || state.isEmptyTable(op.table))
            return undefined;
        return `Table ${displayName(op.table)} is truncated: all of its rows are deleted.`;
    },
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/unused-ignore.ts

// Reported by suppression handling (suppress.ts) for ignore comments that silenced nothing.
const unusedIgnore = {
    meta: safetyRule({
        id: 'unused-ignore',
        defaultSeverity: 'warning',
        description: 'A `drizzle-guard-ignore` comment that silences no finding (stale, misspelled, or on the wrong statement).',
        help: 'Remove the comment, or fix the rule id / move it to the line right before the statement it should silence.',
    }),
};

;// CONCATENATED MODULE: ./src/checks/safety/rules/index.ts
// Every safety rule, in the order findings of one statement are reported.
























const SAFETY_RULES = [
    parseError,
    dropTable,
    dropSchema,
    truncateTable,
    dropColumn,
    dropAndAddColumn,
    alterColumnType,
    renameColumn,
    renameTable,
    addColumnRequired,
    addColumnVolatileDefault,
    setNotNull,
    dropNotNull,
    createIndexBlocking,
    dropIndexBlocking,
    concurrentlyInTransaction,
    transactionControl,
    addForeignKeyValidating,
    addCheckValidating,
    addUniqueConstraint,
    addPrimaryKey,
    enumValueUsedInSameTransaction,
    enumValueRemoved,
    unusedIgnore,
];
const SAFETY_RULE_METAS = SAFETY_RULES.map((r) => r.meta);


;// CONCATENATED MODULE: ./src/config/errors.ts
// Findings of the config category: the check could not run.
const configError = {
    id: 'config-error',
    category: 'config',
    defaultSeverity: 'error',
    description: 'The check could not run: a missing or invalid config, migrations folder, base commit or option.',
    help: 'Fix the configuration named in the message; `drizzle-guard check --help` lists the options.',
};
const checkCrashed = {
    id: 'check-crashed',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A check stopped on an unexpected error (a bug in drizzle-guard: please report it).',
    help: 'Re-run with the failing check disabled (--no-drift, --no-lint, --no-replay) and report the message.',
};

;// CONCATENATED MODULE: ./src/rules/catalog.ts
// Every rule drizzle-guard can report, for the guard config (known ids), SARIF (rule descriptions) and docs.








const RULES = [
    configError,
    checkCrashed,
    ...integrityRules.map((r) => r.meta),
    schemaDrift,
    migrationSqlMismatch,
    schemaLoadFailed,
    ...replayRules,
    ...pendingRules,
    ...SAFETY_RULE_METAS,
];

;// CONCATENATED MODULE: ./src/config/guard-config.ts
// drizzle-guard's own settings: `.drizzle-guard.json` in the working directory, or the
// `drizzle-guard` key of package.json. The file's shape is published as
// schema/drizzle-guard.schema.json; this loader checks the same shape by hand (no runtime ajv).






const CONFIG_FILE = '.drizzle-guard.json';
const PACKAGE_KEY = 'drizzle-guard';
const DEFAULT_POSTGRES_VERSION = 14;
// A check that could not run is not a setting: config-error and check-crashed cannot be tuned.
const KNOWN_IDS = new Set(RULES.filter((r) => r !== configError && r !== checkCrashed).map((r) => r.id));
/** Rule ids a settings file may name: every rule of the catalog. */
function knownRuleIds() {
    return KNOWN_IDS;
}
const TOP_KEYS = new Set(['$schema', 'rules', 'postgresVersion', 'ignore', 'failOn']);
const SETTINGS = ['off', 'info', 'warning', 'error'];
const FAIL_ON = ['error', 'warning', 'never'];
function defaultGuardConfig() {
    return { rules: {}, postgresVersion: DEFAULT_POSTGRES_VERSION, ignore: [] };
}
/** Settings files are read whole: larger ones are refused (a real one is a few hundred bytes). */
const SETTINGS_LIMIT = 1024 * 1024;
/**
 * Loads the settings for `cwd`, reading only inside `repoRoot`. `.drizzle-guard.json` wins over package.json's
 * key; neither gives the defaults. Errors name the file and every offending key or rule id.
 */
function loadGuardConfig(cwd, repoRoot = cwd) {
    const tree = workingTree(cwd, repoRoot);
    const own = readJson(tree, CONFIG_FILE);
    if (own) {
        if ('error' in own)
            return { error: `${CONFIG_FILE}: ${own.error}`, file: CONFIG_FILE };
        return validateGuardConfig(own.value, CONFIG_FILE);
    }
    const pkg = readJson(tree, 'package.json');
    // A broken package.json is not ours to report unless it is where our settings would be.
    if (!pkg || 'error' in pkg || !isObject(pkg.value) || !(PACKAGE_KEY in pkg.value))
        return defaultGuardConfig();
    return validateGuardConfig(pkg.value[PACKAGE_KEY], `package.json#${PACKAGE_KEY}`);
}
/** Checks a settings document; `where` names it in messages. */
function validateGuardConfig(doc, where) {
    const file = where.startsWith('package.json') ? 'package.json' : where;
    if (!isObject(doc))
        return { error: `${where}: must be a JSON object`, file };
    const problems = [];
    const unknownKeys = Object.keys(doc).filter((k) => !TOP_KEYS.has(k));
    if (unknownKeys.length)
        problems.push(`unknown key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')} (allowed: ${[...TOP_KEYS].join(', ')})`);
    const config = defaultGuardConfig();
    config.file = file;
    if (doc.rules !== undefined) {
        if (!isObject(doc.rules))
            problems.push('"rules" must be an object of rule id → "off" | "info" | "warning" | "error"');
        else {
            const unknownRules = Object.keys(doc.rules).filter((id) => !KNOWN_IDS.has(id));
            if (unknownRules.length)
                problems.push(`unknown rule id${unknownRules.length > 1 ? 's' : ''} ${unknownRules.map((k) => `"${k}"`).join(', ')} in "rules"`);
            for (const [id, value] of Object.entries(doc.rules)) {
                if (!SETTINGS.includes(value))
                    problems.push(`"rules"."${id}" must be one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}`);
                else if (KNOWN_IDS.has(id))
                    config.rules[id] = value;
            }
        }
    }
    if (doc.postgresVersion !== undefined) {
        const v = doc.postgresVersion;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 9 || v > 18)
            problems.push('"postgresVersion" must be a major version number from 9 to 18');
        else
            config.postgresVersion = v;
    }
    if (doc.ignore !== undefined) {
        if (!Array.isArray(doc.ignore) || !doc.ignore.every((p) => typeof p === 'string'))
            problems.push('"ignore" must be an array of glob patterns');
        else
            config.ignore = doc.ignore;
    }
    if (doc.failOn !== undefined) {
        if (!FAIL_ON.includes(doc.failOn))
            problems.push(`"failOn" must be one of ${FAIL_ON.map((s) => `"${s}"`).join(', ')}`);
        else
            config.failOn = doc.failOn;
    }
    if (problems.length)
        return { error: `${where}: ${problems.join('; ')}`, file };
    return config;
}
/** Applies per-rule settings: drops findings of rules turned off, replaces severities. Pure. */
function applyRuleSettings(findings, settings) {
    const out = [];
    for (const f of findings) {
        const setting = settings[f.ruleId];
        if (setting === 'off')
            continue;
        out.push(setting === undefined || setting === f.severity ? f : { ...f, severity: setting });
    }
    return out;
}
/** True when `file` (relative to cwd, forward slashes) matches one of the glob patterns. */
function isIgnoredPath(file, patterns) {
    return patterns.some((p) => globMatcher(p).testExact(file));
}
const matchers = new Map();
/**
 * `**` crosses folders, `*` and `?` do not; a pattern without `/` matches the file name anywhere. Patterns come
 * from the pull request, so they run on RE2 (re2js): matching time is linear in the file name, where a
 * backtracking RegExp takes minutes on `*a*a*a*a*a*a*a*a*b` against 60 characters.
 */
function globMatcher(pattern) {
    let matcher = matchers.get(pattern);
    if (!matcher) {
        const p = pattern.replace(/^\.\//, '');
        let re = '';
        for (let i = 0; i < p.length; i++) {
            const c = p[i];
            if (c === '*' && p[i + 1] === '*') {
                re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
                i += p[i + 2] === '/' ? 2 : 1;
            }
            else if (c === '*')
                re += '[^/]*';
            else if (c === '?')
                re += '[^/]';
            else
                re += build/* RE2JS */.L3.quote(c);
        }
        matcher = build/* RE2JS */.L3.compile(p.includes('/') ? re : `(?:.*/)?${re}`, build/* RE2JS */.L3.DOTALL);
        matchers.set(pattern, matcher);
    }
    return matcher;
}
/** The file's JSON, or why not; undefined when it does not exist. Its text is never quoted from outside the repository. */
function readJson(tree, file) {
    const read = tree.read(file, SETTINGS_LIMIT);
    if (!read)
        return undefined;
    if (!('bytes' in read)) {
        return { error: read.refused === 'outside' ? 'resolves outside the repository (not read)' : `${formatSize(read.size)}, over the ${formatSize(read.limit)} limit (not read)` };
    }
    try {
        return { value: JSON.parse(read.bytes.toString('utf8')) };
    }
    catch (e) {
        return { error: `invalid JSON: ${e.message}` };
    }
}

;// CONCATENATED MODULE: ./src/checks/safety/alter-table.ts
// ALTER TABLE (and its RENAME forms) from the PostgreSQL parse tree to ops.
const SERIAL_TYPES = new Set(['serial', 'serial2', 'serial4', 'serial8', 'smallserial', 'bigserial']);
/** Functions whose value differs per row: a default calling one rewrites the table. */
const VOLATILE_FUNCTIONS = new Set([
    'random',
    'gen_random_uuid',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'uuidv4',
    'uuidv7',
    'clock_timestamp',
    'timeofday',
    'nextval',
    'txid_current',
    'gen_random_bytes',
]);
const CONSTRAINT_KINDS = {
    CONSTR_FOREIGN: 'foreign',
    CONSTR_UNIQUE: 'unique',
    CONSTR_PRIMARY: 'primary',
    CONSTR_CHECK: 'check',
    CONSTR_EXCLUSION: 'exclusion',
};
function relationKey(relation) {
    if (!relation?.relname)
        return undefined;
    return `${relation.schemaname ?? 'public'}.${relation.relname}`;
}
/** `clauseAt(i)`: file offset of the i-th sub-command (the tree gives most commands no location). */
function opsOfAlterTable(stmt, locate, clauseAt) {
    if (stmt.RenameStmt)
        return opsOfRename(stmt.RenameStmt, clauseAt(0));
    const alter = stmt.AlterTableStmt;
    if (!alter || alter.objtype !== 'OBJECT_TABLE')
        return [];
    const table = relationKey(alter.relation);
    if (!table)
        return [];
    const ops = [];
    (alter.cmds ?? []).forEach((item, i) => {
        const cmd = item.AlterTableCmd;
        if (!cmd)
            return;
        const at = clauseAt(i);
        switch (cmd.subtype) {
            case 'AT_AddColumn':
                ops.push(...opsOfAddColumn(table, cmd.def?.ColumnDef ?? {}, at, locate));
                break;
            case 'AT_DropColumn':
                ops.push({ kind: 'drop-column', table, column: cmd.name, ...(cmd.missing_ok ? { ifExists: true } : {}), at });
                break;
            case 'AT_ValidateConstraint':
                ops.push({ kind: 'validate-constraint', table, name: cmd.name, at });
                break;
            case 'AT_DetachPartition':
                if (cmd.def?.PartitionCmd?.concurrent)
                    ops.push({ kind: 'outside-transaction', statement: 'DETACH PARTITION … CONCURRENTLY', at });
                break;
            case 'AT_AlterColumnType': {
                const def = cmd.def?.ColumnDef ?? {};
                ops.push({
                    kind: 'alter-column-type',
                    table,
                    column: cmd.name,
                    type: typeNameText(def.typeName),
                    using: def.raw_default !== undefined,
                    ...(def.collClause ? { collate: (def.collClause.collname ?? []).map((n) => n.String?.sval).join('.') } : {}),
                    at,
                });
                break;
            }
            case 'AT_SetNotNull':
                ops.push({ kind: 'set-not-null', table, column: cmd.name, at });
                break;
            case 'AT_DropNotNull':
                ops.push({ kind: 'drop-not-null', table, column: cmd.name, at });
                break;
            case 'AT_AddConstraint': {
                const op = constraintOp(table, cmd.def?.Constraint, () => at);
                if (op)
                    ops.push(op);
                break;
            }
        }
    });
    return ops;
}
function opsOfRename(rename, at) {
    const table = relationKey(rename.relation);
    if (!table)
        return [];
    if (rename.renameType === 'OBJECT_TABLE') {
        const schema = table.slice(0, table.indexOf('.'));
        return [{ kind: 'rename-table', table, to: `${schema}.${rename.newname}`, at }];
    }
    if (rename.renameType === 'OBJECT_COLUMN' && rename.relationType === 'OBJECT_TABLE') {
        return [{ kind: 'rename-column', table, column: rename.subname, to: rename.newname, at }];
    }
    return [];
}
function opsOfAddColumn(table, def, at, locate) {
    const constraints = (def.constraints ?? []).map((c) => c.Constraint ?? {});
    const typeName = (def.typeName?.names ?? []).map((n) => n.String?.sval);
    const defaultExpr = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
    const rewrite = constraints.some((c) => c.contype === 'CONSTR_IDENTITY')
        ? 'identity'
        : constraints.some((c) => c.contype === 'CONSTR_GENERATED')
            ? 'generated'
            : SERIAL_TYPES.has(typeName[typeName.length - 1] ?? '')
                ? 'serial'
                : undefined;
    const ops = [
        {
            kind: 'add-column',
            table,
            column: def.colname,
            type: typeNameText(def.typeName),
            // An inline PRIMARY KEY implies NOT NULL.
            notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
            ...(defaultExpr !== undefined ? { default: isVolatile(defaultExpr) ? 'volatile' : 'constant' } : {}),
            ...(rewrite ? { rewrite } : {}),
            at,
        },
    ];
    for (const c of constraints) {
        const op = constraintOp(table, c, locate);
        if (op)
            ops.push(op);
    }
    return ops;
}
function constraintOp(table, c, locate) {
    const constraint = c && CONSTRAINT_KINDS[c.contype];
    if (!c || !constraint)
        return undefined;
    return {
        kind: 'add-constraint',
        table,
        constraint,
        ...(c.conname ? { name: c.conname } : {}),
        notValid: c.skip_validation === true,
        usingIndex: c.indexname !== undefined,
        at: locate(c.location),
    };
}
/** True when the expression calls a volatile function anywhere. */
function isVolatile(node) {
    if (Array.isArray(node))
        return node.some(isVolatile);
    if (node === null || typeof node !== 'object')
        return false;
    const call = node.FuncCall;
    if (call) {
        const names = (call.funcname ?? []).map((n) => n.String?.sval);
        if (VOLATILE_FUNCTIONS.has(names[names.length - 1] ?? ''))
            return true;
    }
    return Object.values(node).some(isVolatile);
}
/** `varchar(10)`, `numeric(10,2)`, `text[]`, `"public"."mood"` from a TypeName node. */
function typeNameText(typeName) {
    if (!typeName)
        return '?';
    const names = (typeName.names ?? []).map((n) => n.String?.sval);
    const shown = names[0] === 'pg_catalog' ? names.slice(1) : names;
    const mods = (typeName.typmods ?? []).map((m) => String(m.A_Const?.ival?.ival ?? m.A_Const?.sval?.sval ?? '?'));
    const array = typeName.arrayBounds ? '[]'.repeat(typeName.arrayBounds.length) : '';
    return `${shown.join('.')}${mods.length ? `(${mods.join(',')})` : ''}${array}`;
}

;// CONCATENATED MODULE: ./src/checks/safety/classify.ts
// Cheap keyword classification of a PostgreSQL statement from its tokens. Fixed-shape statements
// (CREATE TABLE/INDEX/TYPE, DROP …, TRUNCATE, ALTER TYPE … ADD VALUE, transaction control) become
// ops right here; ALTER TABLE is left to the real parser (its sub-commands carry expressions).
/** Reads tokens left to right; `base` is added to offsets to make them file offsets. */
class TokenCursor {
    tokens;
    base;
    identifierBytes;
    pos = 0;
    /**
     * `identifierBytes`: PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes (so does its
     * parse tree); names read here must match.
     */
    constructor(tokens, base, identifierBytes) {
        this.tokens = tokens;
        this.base = base;
        this.identifierBytes = identifierBytes;
    }
    peek(k = 0) {
        return this.tokens[this.pos + k];
    }
    /** True when the next tokens are exactly these keywords (not consumed). */
    at(...words) {
        for (let k = 0; k < words.length; k++) {
            const t = this.tokens[this.pos + k];
            if (t === undefined || t.kind !== 'word' || t.value !== words[k])
                return false;
        }
        return true;
    }
    /** Consumes the keywords if they come next. */
    accept(...words) {
        if (!this.at(...words))
            return false;
        this.pos += words.length;
        return true;
    }
    acceptPunct(p) {
        if (this.peek()?.kind === 'punct' && this.peek().value === p) {
            this.pos++;
            return true;
        }
        return false;
    }
    /** File offset of the next token (or of the last one at the end). */
    offset() {
        const t = this.peek() ?? this.tokens[this.tokens.length - 1];
        return this.base + (t?.start ?? 0);
    }
    /** An identifier (quoted keeps case; unquoted folds to lower case), or undefined. */
    name() {
        const t = this.peek();
        if (!t || (t.kind !== 'ident' && t.kind !== 'word'))
            return undefined;
        this.pos++;
        const name = t.kind === 'ident' ? t.value : t.value.toLowerCase();
        return this.identifierBytes === undefined ? name : truncateUtf8(name, this.identifierBytes);
    }
    /** `name` or `schema.name`, keyed with `defaultSchema` when unqualified (none: the bare name). */
    qualifiedName(defaultSchema) {
        const first = this.name();
        if (first === undefined)
            return undefined;
        if (this.peek()?.value === '.' && this.peek()?.kind === 'punct') {
            this.pos++;
            const second = this.name();
            if (second !== undefined)
                return `${first}.${second}`;
        }
        return defaultSchema === undefined ? first : `${defaultSchema}.${first}`;
    }
    /** Comma-separated qualified names. */
    nameList(defaultSchema) {
        const out = [];
        for (;;) {
            const at = this.offset();
            const key = this.qualifiedName(defaultSchema);
            if (key === undefined)
                break;
            out.push({ key, at });
            this.acceptPunct('*');
            if (!this.acceptPunct(','))
                break;
        }
        return out;
    }
    /** Comma-separated string literals inside parentheses: `('a', 'b')`. */
    stringList() {
        const out = [];
        if (!this.acceptPunct('('))
            return out;
        while (this.peek()?.kind === 'string') {
            out.push(this.peek().value);
            this.pos++;
            if (!this.acceptPunct(','))
                break;
        }
        return out;
    }
}
function truncateUtf8(name, max) {
    if (name.length * 3 <= max)
        return name;
    let bytes = 0;
    let i = 0;
    while (i < name.length) {
        const cp = name.codePointAt(i);
        const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (bytes + size > max)
            break;
        bytes += size;
        i += cp > 0xffff ? 2 : 1;
    }
    return name.slice(0, i);
}
const PUBLIC = 'public';
const PG_IDENTIFIER_BYTES = 63;
/** The rest of an ALTER TABLE after the table name, split on top-level commas. */
function splitClauses(c) {
    const clauses = [];
    let depth = 0;
    let from = c.pos;
    for (let i = c.pos; i <= c.tokens.length; i++) {
        const t = c.tokens[i];
        if (t?.kind === 'punct' && t.value === '(')
            depth++;
        if (t?.kind === 'punct' && t.value === ')')
            depth--;
        if (t === undefined || (depth === 0 && t.kind === 'punct' && t.value === ',')) {
            if (i > from)
                clauses.push(new TokenCursor(c.tokens.slice(from, i), c.base, c.identifierBytes));
            from = i + 1;
        }
    }
    return clauses;
}
function classifyPostgres(tokens, base) {
    const c = new TokenCursor(tokens, base, PG_IDENTIFIER_BYTES);
    const at = c.offset();
    if (c.accept('BEGIN') || c.accept('START', 'TRANSACTION'))
        return { kind: 'ops', ops: [{ kind: 'begin', at }] };
    if (c.accept('COMMIT') || c.accept('END')) {
        // COMMIT PREPARED acts on another transaction.
        return c.at('PREPARED') ? { kind: 'other' } : { kind: 'ops', ops: [{ kind: 'commit', at }] };
    }
    if (c.accept('ROLLBACK') || c.accept('ABORT')) {
        return c.at('TO') || c.at('PREPARED') ? { kind: 'other' } : { kind: 'ops', ops: [{ kind: 'rollback', at }] };
    }
    const refused = refusedInTransactionBlock(c, tokens);
    if (refused)
        return { kind: 'ops', ops: [{ kind: 'outside-transaction', statement: refused, at }] };
    if (c.accept('CREATE'))
        return classifyCreate(c, at);
    if (c.accept('DROP'))
        return classifyDrop(c);
    if (c.accept('TRUNCATE')) {
        c.accept('TABLE');
        c.accept('ONLY');
        const names = c.nameList(PUBLIC);
        const cascade = tokens.some((t) => t.kind === 'word' && t.value === 'CASCADE');
        return { kind: 'ops', ops: names.map((n) => ({ kind: 'truncate', table: n.key, cascade, at: n.at })) };
    }
    if (c.accept('DELETE', 'FROM')) {
        c.accept('ONLY');
        const table = c.qualifiedName(PUBLIC);
        // Without WHERE (or a USING join that could match nothing) every row goes.
        const filtered = tokens.some((t) => t.kind === 'word' && (t.value === 'WHERE' || t.value === 'USING'));
        return table && !filtered ? { kind: 'ops', ops: [{ kind: 'delete-all', table, at }] } : { kind: 'other' };
    }
    if (c.accept('INSERT', 'INTO') || c.accept('COPY')) {
        const table = c.qualifiedName(PUBLIC);
        return table ? { kind: 'ops', ops: [{ kind: 'insert', table, at }] } : { kind: 'other' };
    }
    if (c.accept('ALTER', 'TYPE')) {
        const type = c.qualifiedName(PUBLIC);
        if (type && c.accept('ADD', 'VALUE')) {
            c.accept('IF', 'NOT', 'EXISTS');
            const value = c.peek();
            if (value?.kind === 'string')
                return { kind: 'ops', ops: [{ kind: 'add-enum-value', type, value: value.value, at }] };
        }
        return { kind: 'other' };
    }
    if (c.accept('ALTER', 'TABLE')) {
        c.accept('IF', 'EXISTS');
        c.accept('ONLY');
        const table = c.qualifiedName(PUBLIC);
        if (table === undefined)
            return { kind: 'other' };
        const renames = tokens.some((t) => t.kind === 'word' && t.value === 'RENAME');
        const concurrently = tokens.some((t) => t.kind === 'word' && t.value === 'CONCURRENTLY');
        return { kind: 'alter-table', table, renames, concurrently, clauses: splitClauses(c) };
    }
    return { kind: 'other' };
}
function classifyCreate(c, at) {
    c.accept('OR', 'REPLACE');
    if (!c.accept('GLOBAL'))
        c.accept('LOCAL');
    if (!c.accept('TEMP') && !c.accept('TEMPORARY'))
        c.accept('UNLOGGED');
    if (c.accept('TABLE')) {
        c.accept('IF', 'NOT', 'EXISTS');
        const table = c.qualifiedName(PUBLIC);
        return table ? { kind: 'ops', ops: [{ kind: 'create-table', table, at }] } : { kind: 'other' };
    }
    c.accept('UNIQUE');
    if (c.accept('INDEX')) {
        const concurrently = c.accept('CONCURRENTLY');
        c.accept('IF', 'NOT', 'EXISTS');
        const name = c.at('ON') ? undefined : c.name();
        if (!c.accept('ON'))
            return { kind: 'other' };
        c.accept('ONLY');
        const table = c.qualifiedName(PUBLIC);
        if (!table)
            return { kind: 'other' };
        // An index lives in its table's schema.
        const index = name === undefined ? undefined : `${table.slice(0, table.indexOf('.'))}.${name}`;
        return { kind: 'ops', ops: [{ kind: 'create-index', table, concurrently, ...(index ? { index } : {}), at }] };
    }
    if (c.accept('TYPE')) {
        const type = c.qualifiedName(PUBLIC);
        if (type && c.accept('AS', 'ENUM'))
            return { kind: 'ops', ops: [{ kind: 'create-enum', type, values: c.stringList(), at }] };
    }
    return { kind: 'other' };
}
function classifyDrop(c) {
    const object = c.accept('TABLE')
        ? 'table'
        : c.accept('INDEX')
            ? 'index'
            : c.accept('SCHEMA')
                ? 'schema'
                : c.accept('TYPE')
                    ? 'type'
                    : undefined;
    if (object === undefined)
        return { kind: 'other' };
    const concurrently = object === 'index' && c.accept('CONCURRENTLY');
    const ifExists = c.accept('IF', 'EXISTS');
    const first = c.pos;
    const names = c.nameList(object === 'schema' ? undefined : PUBLIC);
    const unqualified = !c.tokens.slice(first, c.pos).some((t) => t.kind === 'punct' && t.value === '.');
    const ops = names.map(({ key, at }) => {
        switch (object) {
            case 'table':
                return { kind: 'drop-table', table: key, at };
            case 'index':
                return { kind: 'drop-index', index: key, concurrently, ...(ifExists ? { ifExists } : {}), ...(unqualified ? { unqualified } : {}), at };
            case 'schema':
                return { kind: 'drop-schema', schema: key, at };
            case 'type':
                return { kind: 'drop-type', type: key, at };
        }
    });
    return { kind: 'ops', ops };
}
/**
 * The statements PostgreSQL refuses inside a transaction block (PreventInTransactionBlock), named
 * for the message; CREATE/DROP INDEX CONCURRENTLY are ops of their own and ALTER TABLE … DETACH
 * PARTITION … CONCURRENTLY comes from the parse tree.
 */
function refusedInTransactionBlock(c, tokens) {
    if (c.at('VACUUM'))
        return 'VACUUM';
    if (c.at('REINDEX')) {
        if (tokens.some((t) => t.kind === 'word' && t.value === 'CONCURRENTLY'))
            return 'REINDEX CONCURRENTLY';
        return c.at('REINDEX', 'DATABASE') || c.at('REINDEX', 'SYSTEM') ? `REINDEX ${c.peek(1).value}` : undefined;
    }
    const second = c.peek(1);
    const pair = second?.kind === 'word' ? `${c.peek().value} ${second.value}` : undefined;
    return pair !== undefined && REFUSED_IN_BLOCK.has(pair) ? pair : undefined;
}
const REFUSED_IN_BLOCK = new Set([
    'CREATE DATABASE',
    'DROP DATABASE',
    'CREATE TABLESPACE',
    'DROP TABLESPACE',
    'ALTER SYSTEM',
    'CREATE SUBSCRIPTION',
    'DROP SUBSCRIPTION',
]);

;// CONCATENATED MODULE: ./src/checks/safety/dialect-lexical.ts
// MySQL and SQLite: no parser, so ops come from tokens. Covered: DROP TABLE, DROP COLUMN, RENAME
// COLUMN / TABLE, MySQL MODIFY / CHANGE (type changes), ADD COLUMN (for drop-and-add-column), and
// drizzle-kit's SQLite table rebuild (`__new_x`, copy, DROP TABLE x, rename) that drops columns.

const NOT_A_COLUMN = new Set(['INDEX', 'KEY', 'UNIQUE', 'CONSTRAINT', 'PRIMARY', 'FOREIGN', 'FULLTEXT', 'SPATIAL', 'CHECK', 'PARTITION']);
const REBUILD_PREFIX = '__new_';
/**
 * One extractor per migration: it remembers SQLite rebuilds in progress. `columnsBefore` gives a
 * table's columns from the previous snapshot (to tell which columns a rebuild left behind).
 */
function createLexicalExtractor(dialect, columnsBefore) {
    /** Rebuild target table → columns copied into `__new_<table>` (undefined: not known yet). */
    const rebuilds = new Map();
    return (tokens, base) => {
        const c = new TokenCursor(tokens, base);
        const at = c.offset();
        if (c.accept('CREATE')) {
            c.accept('TEMPORARY');
            if (!c.accept('TABLE'))
                return [];
            c.accept('IF', 'NOT', 'EXISTS');
            const table = c.qualifiedName(undefined);
            if (table === undefined)
                return [];
            if (table.startsWith(REBUILD_PREFIX))
                rebuilds.set(table.slice(REBUILD_PREFIX.length), undefined);
            return [{ kind: 'create-table', table, at }];
        }
        if (c.accept('INSERT')) {
            c.accept('OR', 'REPLACE');
            if (!c.accept('INTO'))
                return [];
            const table = c.qualifiedName(undefined);
            if (table?.startsWith(REBUILD_PREFIX) && rebuilds.has(table.slice(REBUILD_PREFIX.length))) {
                rebuilds.set(table.slice(REBUILD_PREFIX.length), selectedColumns(c));
            }
            return [];
        }
        if (c.accept('DROP', 'TABLE')) {
            c.accept('IF', 'EXISTS');
            return c.nameList(undefined).flatMap(({ key, at: nameAt }) => {
                if (!rebuilds.has(key))
                    return [{ kind: 'drop-table', table: key, at: nameAt }];
                // The old table of a rebuild: its data lives on in __new_<key>, except columns not copied.
                const copied = rebuilds.get(key);
                const before = columnsBefore(key);
                if (!copied || !before)
                    return [];
                // SQLite names are case-insensitive.
                return before
                    .filter((col) => !copied.includes(col.toLowerCase()))
                    .map((column) => ({ kind: 'drop-column', table: key, column, at: nameAt }));
            });
        }
        if (dialect === 'mysql' && c.accept('RENAME', 'TABLE')) {
            const ops = [];
            do {
                const from = c.qualifiedName(undefined);
                if (!c.accept('TO'))
                    break;
                const to = c.qualifiedName(undefined);
                if (from && to)
                    ops.push({ kind: 'rename-table', table: from, to, at });
            } while (c.acceptPunct(','));
            return ops;
        }
        if (c.accept('ALTER', 'TABLE')) {
            const table = c.qualifiedName(undefined);
            if (table === undefined)
                return [];
            // Renaming the rebuilt copy back to the original name is part of the rebuild.
            if (table.startsWith(REBUILD_PREFIX))
                return [];
            return splitClauses(c).flatMap((clause) => alterClause(clause, table, dialect));
        }
        return [];
    };
}
/**
 * The old table's columns a rebuild copies: every name in the SELECT list of
 * `INSERT INTO __new_x(…) SELECT "a", "b" FROM x` (the SELECT side names the old columns, which
 * differ from the INSERT side when columns are renamed). Undefined when there is no SELECT list.
 */
function selectedColumns(c) {
    while (c.peek() && !c.at('SELECT'))
        c.pos++;
    if (!c.accept('SELECT'))
        return undefined;
    const out = [];
    let depth = 0;
    for (let t = c.peek(); t; t = c.peek()) {
        if (depth === 0 && t.kind === 'word' && t.value === 'FROM')
            return out;
        if (t.kind === 'punct' && t.value === '(')
            depth++;
        if (t.kind === 'punct' && t.value === ')')
            depth--;
        if (t.kind === 'ident' || t.kind === 'word')
            out.push(t.value.toLowerCase());
        c.pos++;
    }
    return undefined;
}
function alterClause(c, table, dialect) {
    const at = c.offset();
    if (c.accept('DROP')) {
        if (NOT_A_COLUMN.has(c.peek()?.value ?? '') && c.peek()?.kind === 'word')
            return [];
        c.accept('COLUMN');
        c.accept('IF', 'EXISTS');
        const column = c.name();
        return column === undefined ? [] : [{ kind: 'drop-column', table, column, at }];
    }
    if (c.accept('ADD')) {
        if (NOT_A_COLUMN.has(c.peek()?.value ?? '') && c.peek()?.kind === 'word')
            return [];
        c.accept('COLUMN');
        const column = c.name();
        // NOT NULL / default semantics differ from PostgreSQL: only the name and type are used (by
        // drop-and-add-column, and by alter-column-type for a MODIFY of a column added just before).
        return column === undefined ? [] : [{ kind: 'add-column', table, column, type: typeText(c), notNull: false, at }];
    }
    if (c.accept('RENAME')) {
        if (c.accept('COLUMN')) {
            const column = c.name();
            c.accept('TO');
            const to = c.name();
            return column !== undefined && to !== undefined ? [{ kind: 'rename-column', table, column, to, at }] : [];
        }
        if (c.at('INDEX') || c.at('KEY'))
            return [];
        if (!c.accept('TO'))
            c.accept('AS');
        const to = c.qualifiedName(undefined);
        return to === undefined ? [] : [{ kind: 'rename-table', table, to, at }];
    }
    if (dialect === 'mysql' && (c.at('MODIFY') || c.at('CHANGE'))) {
        const change = c.accept('CHANGE');
        if (!change)
            c.accept('MODIFY');
        c.accept('COLUMN');
        const column = c.name();
        const to = change ? c.name() : column;
        if (column === undefined || to === undefined)
            return [];
        const ops = [];
        if (to !== column)
            ops.push({ kind: 'rename-column', table, column, to, at });
        // MODIFY also restates an unchanged type when only NULL-ness or the default changes:
        // alter-column-type compares with the snapshot's type and stays silent then.
        const type = typeText(c);
        ops.push({ kind: 'alter-column-type', table, column, type, using: true, at });
        return ops;
    }
    return [];
}
/** The type after a column name: a word plus an optional parenthesised argument list. */
function typeText(c) {
    const first = c.peek();
    if (!first)
        return '?';
    c.pos++;
    let text = first.kind === 'word' ? first.value.toLowerCase() : first.value;
    if (c.peek()?.kind === 'punct' && c.peek().value === '(') {
        const args = [];
        c.pos++;
        while (c.peek() && !(c.peek().kind === 'punct' && c.peek().value === ')')) {
            args.push(c.peek().value);
            c.pos++;
        }
        c.pos++;
        text += `(${args.join('')})`;
    }
    if (c.accept('UNSIGNED'))
        text += ' unsigned';
    return text;
}

;// CONCATENATED MODULE: ./src/checks/safety/fast-alter.ts
// ALTER TABLE sub-commands in the fixed shapes drizzle-kit writes most (foreign keys, constraint
// drops, defaults, NOT NULL, column drops, simple ADD COLUMN) read straight from tokens, so that
// linting a long history does not wake the wasm parser for each of them. Any clause not matched
// exactly returns undefined and the statement goes to the real parser. A corpus test checks that
// every statement this accepts yields the same ops as the parse tree.

/** Types whose tree name (pg_catalog.*) is known from the keyword alone. */
const TYPE_NAMES = {
    TEXT: 'text',
    JSONB: 'jsonb',
    JSON: 'json',
    UUID: 'uuid',
    BOOLEAN: 'bool',
    INTEGER: 'int4',
    BIGINT: 'int8',
    SMALLINT: 'int2',
    TIMESTAMP: 'timestamp',
    DATE: 'date',
    REAL: 'float4',
    VARCHAR: 'varchar',
    NUMERIC: 'numeric',
    TSVECTOR: 'tsvector',
    SERIAL: 'serial',
    BIGSERIAL: 'bigserial',
    SMALLSERIAL: 'smallserial',
};
/** Two-word type names. */
const TYPE_PAIRS = { 'DOUBLE PRECISION': 'float8' };
const SERIALS = new Set(['serial', 'bigserial', 'smallserial']);
/** Words that give a column definition more than a type, a default and NULL-ness. */
const COMPLEX = new Set(['PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'CONSTRAINT']);
function fastAlterOps(clauses, table) {
    const ops = [];
    for (const c of clauses) {
        const clauseOps = clause(c, table);
        if (clauseOps === undefined)
            return undefined;
        ops.push(...clauseOps);
    }
    return ops;
}
function clause(c, table) {
    const at = c.offset();
    const rest = () => c.tokens.length - c.pos;
    if (c.accept('ENABLE', 'ROW', 'LEVEL', 'SECURITY') || c.accept('DISABLE', 'ROW', 'LEVEL', 'SECURITY'))
        return rest() === 0 ? [] : undefined;
    // Storage parameters matter to no rule.
    if (c.accept('VALIDATE', 'CONSTRAINT')) {
        const name = c.name();
        return name !== undefined && rest() === 0 ? [{ kind: 'validate-constraint', table, name, at }] : undefined;
    }
    if (c.at('SET') && c.peek(1)?.value === '(')
        return [];
    if (c.accept('RENAME'))
        return rename(c, table, at);
    if (c.accept('DROP', 'CONSTRAINT')) {
        c.accept('IF', 'EXISTS');
        if (c.name() === undefined)
            return undefined;
        if (!c.accept('CASCADE'))
            c.accept('RESTRICT');
        return rest() === 0 ? [] : undefined;
    }
    if (c.accept('DROP')) {
        c.accept('COLUMN');
        const ifExists = c.accept('IF', 'EXISTS');
        const column = c.name();
        if (!c.accept('CASCADE'))
            c.accept('RESTRICT');
        return column !== undefined && rest() === 0 ? [{ kind: 'drop-column', table, column, ...(ifExists ? { ifExists } : {}), at }] : undefined;
    }
    if (c.accept('ALTER')) {
        c.accept('COLUMN');
        const column = c.name();
        if (column === undefined)
            return undefined;
        if (c.accept('DROP', 'DEFAULT'))
            return rest() === 0 ? [] : undefined;
        if (c.accept('SET', 'NOT', 'NULL'))
            return rest() === 0 ? [{ kind: 'set-not-null', table, column, at }] : undefined;
        if (c.accept('DROP', 'NOT', 'NULL'))
            return rest() === 0 ? [{ kind: 'drop-not-null', table, column, at }] : undefined;
        // The default expression itself matters to no rule (a new enum value in it is found from tokens).
        if (c.accept('SET', 'DEFAULT'))
            return rest() > 0 ? [] : undefined;
        if (c.accept('SET', 'DATA', 'TYPE') || c.accept('TYPE')) {
            const type = typeName(c);
            const collate = collation(c);
            if (type === undefined || collate === undefined)
                return undefined;
            const using = c.accept('USING');
            if (using ? rest() === 0 : rest() > 0)
                return undefined;
            return [{ kind: 'alter-column-type', table, column, type, using, ...(collate ? { collate } : {}), at }];
        }
        return undefined;
    }
    if (c.at('ADD', 'CONSTRAINT') || c.at('ADD', 'PRIMARY') || c.at('ADD', 'UNIQUE') || c.at('ADD', 'FOREIGN') || c.at('ADD', 'CHECK')) {
        c.accept('ADD');
        const name = c.accept('CONSTRAINT') ? c.name() : null;
        if (name === undefined)
            return undefined;
        const kind = c.accept('FOREIGN', 'KEY')
            ? 'foreign'
            : c.accept('UNIQUE')
                ? 'unique'
                : c.accept('PRIMARY', 'KEY')
                    ? 'primary'
                    : c.accept('CHECK')
                        ? 'check'
                        : undefined;
        if (kind === undefined)
            return undefined;
        const usingIndex = (kind === 'unique' || kind === 'primary') && c.at('USING', 'INDEX');
        const words = c.tokens.slice(c.pos);
        const last2 = words.slice(-2).map((t) => (t.kind === 'word' ? t.value : ''));
        const notValid = last2[0] === 'NOT' && last2[1] === 'VALID';
        // PRIMARY KEY / UNIQUE cannot be NOT VALID: PostgreSQL rejects it, let the parser say so.
        if (notValid && kind !== 'foreign' && kind !== 'check')
            return undefined;
        return [{ kind: 'add-constraint', table, constraint: kind, ...(name !== null ? { name } : {}), notValid, usingIndex, at }];
    }
    if (c.accept('ADD')) {
        if (c.at('EXCLUDE'))
            return undefined;
        c.accept('COLUMN');
        c.accept('IF', 'NOT', 'EXISTS');
        const column = c.name();
        const type = column === undefined ? undefined : typeName(c);
        if (column === undefined || type === undefined)
            return undefined;
        let notNull = false;
        let defaultKind;
        let rewrite = SERIALS.has(type) ? 'serial' : undefined;
        while (c.peek()) {
            if (c.accept('NOT', 'NULL'))
                notNull = true;
            else if (c.accept('NULL'))
                continue;
            else if (c.at('COLLATE')) {
                if (collation(c) === undefined)
                    return undefined;
            }
            else if (c.accept('DEFAULT')) {
                const kind = defaultExpression(c);
                if (kind === undefined)
                    return undefined;
                defaultKind = kind;
            }
            else if (c.accept('GENERATED')) {
                const generated = generatedColumn(c);
                if (generated === undefined)
                    return undefined;
                rewrite = generated;
            }
            else
                return undefined;
        }
        return [
            {
                kind: 'add-column',
                table,
                column,
                type,
                notNull,
                ...(defaultKind ? { default: defaultKind } : {}),
                ...(rewrite ? { rewrite } : {}),
                at,
            },
        ];
    }
    return undefined;
}
/** `RENAME [COLUMN] a TO b`, `RENAME TO t`, `RENAME CONSTRAINT a TO b`. */
function rename(c, table, at) {
    const rest = () => c.tokens.length - c.pos;
    if (c.accept('TO')) {
        const to = c.name();
        return to !== undefined && rest() === 0 ? [{ kind: 'rename-table', table, to: `${table.slice(0, table.indexOf('.'))}.${to}`, at }] : undefined;
    }
    const constraint = c.accept('CONSTRAINT');
    if (!constraint)
        c.accept('COLUMN');
    const column = c.name();
    if (column === undefined || !c.accept('TO'))
        return undefined;
    const to = c.name();
    if (to === undefined || rest() > 0)
        return undefined;
    return constraint ? [] : [{ kind: 'rename-column', table, column, to, at }];
}
/** An optional `COLLATE name`: '' when absent, the name, or undefined when malformed. */
function collation(c) {
    if (!c.accept('COLLATE'))
        return '';
    return c.qualifiedName(undefined);
}
/** After GENERATED: `ALWAYS AS (expr) STORED` or `{ALWAYS | BY DEFAULT} AS IDENTITY`. */
function generatedColumn(c) {
    if (!c.accept('ALWAYS')) {
        if (!c.accept('BY', 'DEFAULT'))
            return undefined;
        return c.accept('AS', 'IDENTITY') ? 'identity' : undefined;
    }
    if (c.accept('AS', 'IDENTITY'))
        return 'identity';
    if (!c.accept('AS') || !c.acceptPunct('('))
        return undefined;
    let depth = 1;
    while (c.peek() && depth > 0) {
        const t = c.peek();
        if (t.kind === 'punct' && t.value === '(')
            depth++;
        if (t.kind === 'punct' && t.value === ')')
            depth--;
        c.pos++;
    }
    return depth === 0 && c.accept('STORED') ? 'generated' : undefined;
}
/** A type the tree would name the same way: a known keyword (with a length) or a quoted name. */
function typeName(c) {
    const t = c.peek();
    if (!t)
        return undefined;
    let name;
    const pair = t.kind === 'word' && c.peek(1)?.kind === 'word' ? TYPE_PAIRS[`${t.value} ${c.peek(1).value}`] : undefined;
    if (pair) {
        name = pair;
        c.pos += 2;
    }
    else if (t.kind === 'word') {
        name = TYPE_NAMES[t.value];
        if (name === undefined)
            return undefined;
        c.pos++;
        if (c.acceptPunct('(')) {
            const n = c.peek();
            if (n?.kind !== 'number' || !/^\d+$/.test(n.value))
                return undefined;
            c.pos++;
            if (!c.acceptPunct(')'))
                return undefined;
            name += `(${n.value})`;
        }
    }
    else if (t.kind === 'ident') {
        // A user type (enum): "public"."mood" or "mood".
        name = c.qualifiedName(undefined);
    }
    else
        return undefined;
    if (c.peek()?.kind === 'punct' && c.peek().value === '[') {
        if (!c.acceptPunct('[') || !c.acceptPunct(']'))
            return undefined;
        name += '[]';
    }
    return COMPLEX.has(c.peek()?.value ?? '') ? undefined : name;
}
/**
 * Consumes a DEFAULT expression up to `NOT NULL` / `NULL` / the end, if it is simple enough to
 * judge: literals, casts, signs and function calls. Returns whether it is volatile.
 */
function defaultExpression(c) {
    let depth = 0;
    let volatile = false;
    const start = c.pos;
    while (c.peek()) {
        const t = c.peek();
        if (depth === 0 && (c.at('NOT', 'NULL') || c.at('NULL')))
            break;
        if (t.kind === 'word' && (COMPLEX.has(t.value) || t.value === 'COLLATE' || t.value === 'GENERATED'))
            return undefined;
        if (t.kind === 'punct') {
            if (t.value === '(')
                depth++;
            else if (t.value === ')')
                depth--;
            else if (!':-.,[]'.includes(t.value))
                return undefined;
            if (depth < 0)
                return undefined;
        }
        const next = c.peek(1);
        if ((t.kind === 'word' || t.kind === 'ident') && next?.kind === 'punct' && next.value === '(') {
            if (VOLATILE_FUNCTIONS.has(t.kind === 'word' ? t.value.toLowerCase() : t.value))
                volatile = true;
        }
        c.pos++;
    }
    if (depth !== 0 || c.pos === start)
        return undefined;
    return volatile ? 'volatile' : 'constant';
}

;// CONCATENATED MODULE: ./src/checks/safety/json-member.ts
// Reads one member of a large JSON document without parsing the rest: a snapshot of a long-lived
// project is hundreds of KB, and a rule needs one table or one enum of it. The scanner walks object
// members by key, skipping values by bracket matching (string-aware); only the wanted value is
// handed to JSON.parse. Any surprise → undefined, and the caller parses the whole document.
/**
 * The first object stored under key `key` anywhere in the document that has member `mark` (e.g. a
 * table: `columns`; an enum: `values`). Searching the key's text directly is much cheaper than
 * walking a large document; the member check tells a table from a column that happens to share its
 * name. Undefined when there is none.
 */
function jsonEntryWithMember(text, key, mark) {
    const needle = JSON.stringify(key);
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        // A key: preceded by `{` or `,` (and white space), followed by `:`.
        let b = at - 1;
        while (b >= 0 && ' \t\r\n'.includes(text[b]))
            b--;
        if (b >= 0 && text[b] !== '{' && text[b] !== ',')
            continue;
        const colon = skipSpace(text, at + needle.length);
        if (text[colon] !== ':')
            continue;
        const start = skipSpace(text, colon + 1);
        if (text[start] !== '{')
            continue;
        const end = skipValue(text, start);
        if (end < 0)
            return undefined;
        try {
            const value = JSON.parse(text.slice(start, end));
            if (mark in value)
                return value;
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** The value at `keys` (object members only), or undefined when absent or not scannable. */
function jsonMember(text, keys) {
    let i = skipSpace(text, 0);
    for (const key of keys) {
        if (text[i] !== '{')
            return undefined;
        i = findMember(text, i, key);
        if (i < 0)
            return undefined;
    }
    const end = skipValue(text, i);
    if (end < 0)
        return undefined;
    try {
        return JSON.parse(text.slice(i, end));
    }
    catch {
        return undefined;
    }
}
/** Offset of the value of member `key` of the object at `open`, or -1. */
function findMember(text, open, key) {
    let i = skipSpace(text, open + 1);
    while (i < text.length && text[i] !== '}') {
        if (text[i] !== '"')
            return -1;
        const keyEnd = skipString(text, i);
        if (keyEnd < 0)
            return -1;
        const name = text.slice(i + 1, keyEnd - 1);
        i = skipSpace(text, keyEnd);
        if (text[i] !== ':')
            return -1;
        i = skipSpace(text, i + 1);
        // Keys with escapes are compared after decoding.
        if ((name.includes('\\') ? JSON.parse(`"${name}"`) : name) === key)
            return i;
        i = skipValue(text, i);
        if (i < 0)
            return -1;
        i = skipSpace(text, i);
        if (text[i] === ',')
            i = skipSpace(text, i + 1);
    }
    return -1;
}
const STRUCTURE = /["{}[\]]/g;
/** End offset of the JSON value starting at `i`, or -1. */
function skipValue(text, i) {
    const c = text[i];
    if (c === '"')
        return skipString(text, i);
    if (c !== '{' && c !== '[') {
        let j = i;
        while (j < text.length && !',}] \t\r\n'.includes(text[j]))
            j++;
        return j > i ? j : -1;
    }
    // Jump from one structural character to the next: the regex engine skips plain text fast.
    let depth = 0;
    STRUCTURE.lastIndex = i;
    for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
        const j = m.index;
        const d = text.charCodeAt(j);
        if (d === 34) {
            const end = skipString(text, j);
            if (end < 0)
                return -1;
            STRUCTURE.lastIndex = end;
        }
        else if (d === 123 || d === 91)
            depth++;
        else {
            depth--;
            if (depth === 0)
                return j + 1;
        }
    }
    return -1;
}
/** End offset (after the closing quote) of the string starting at `i`, or -1. */
function skipString(text, i) {
    let j = i + 1;
    for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0)
            return -1;
        // A quote preceded by an odd number of backslashes is escaped.
        let b = q - 1;
        while (b > i && text.charCodeAt(b) === 92)
            b--;
        if ((q - 1 - b) % 2 === 0)
            return q + 1;
        j = q + 1;
    }
}
function skipSpace(text, i) {
    while (i < text.length && ' \t\r\n'.includes(text[i]))
        i++;
    return i;
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
;// CONCATENATED MODULE: ./src/checks/safety/parser.ts
// The real PostgreSQL parser (libpg_query compiled to wasm), loaded lazily on the first statement
// that needs a tree, then kept warm for the rest of the process.
//
// The package's main entry (pg_query.js) is a wasm2js build: libpg_query translated to 2.5 MB of
// plain JavaScript, slow to load and slow until the JIT warms up. pg_query_wasm.js, in the same
// package, embeds the real WebAssembly module: measured here, it loads in ~20 ms instead of ~100 ms
// and parses the whole sim history 2.4× faster cold.
//
// pg-query-emscripten's own parse() copies the input onto the wasm stack, never pops it and then
// free()s the stack pointer: after ~50 KB of input the heap is corrupt and every later call fails.
// We copy the input to the heap ourselves and call the raw binding instead.




/**
 * The bundles ship libpg_query's wasm as this file beside the chunk: scripts/bundle.mjs takes it out of
 * the JavaScript, where its 1.9 MB of base64 made every run parse a 2 MB module before anything else.
 */
const PARSER_WASM_FILE = 'pg_query.wasm';
let modulePromise;
const encoder = new TextEncoder();
const HEAP = 0; // ALLOC_NORMAL: malloc (the module does not export _malloc itself)
function loadModule() {
    modulePromise ??= __webpack_require__.e(/* import() */ 591).then(__webpack_require__.bind(__webpack_require__, 2591)).then(async (m) => {
        // One call of libpg_query's giant bison parser exhausts V8's tier-up budget, and V8 then compiles
        // it with TurboFan on a background thread: on Node 24 (V8 13) that takes ~600 MB and 2.5 s of CPU,
        // and the process waits for it at exit, for a check that parsed one statement. The baseline tier
        // (Liftoff) parses our statements fast enough. V8 13 compiles wasm functions lazily, on first call,
        // so toggling --liftoff-only around instantiation (what Node 20 honoured) no longer reaches them;
        // the tier-up budget is given to each function at instantiation, so we raise it for this module
        // only and restore V8's default at once, so wasm instantiated later in the process (PGlite) tiers
        // up as usual.
        external_node_v8_default().setFlagsFromString(`--wasm-tiering-budget=${PARSER_TIERING_BUDGET}`);
        try {
            return await instantiate(m.default);
        }
        finally {
            external_node_v8_default().setFlagsFromString(`--wasm-tiering-budget=${V8_DEFAULT_TIERING_BUDGET}`);
        }
    });
    return modulePromise;
}
/** Close to int32's maximum: a budget no lint run exhausts (each function's budget is an int32). */
const PARSER_TIERING_BUDGET = 2_000_000_000;
/** V8's own default for --wasm-tiering-budget: 13,000,000 since V8 12 (Node 22 and 24), 1,800,000 before. */
const V8_DEFAULT_TIERING_BUDGET = Number(process.versions.v8.split('.')[0]) >= 12 ? 13_000_000 : 1_800_000;
/**
 * The package's own code replaces Emscripten's module arguments, so `wasmBinary` cannot be passed; in the
 * bundle the module's data URI is empty and the shipped binary is handed to WebAssembly.instantiate in its
 * place while the module starts. From source, the embedded copy passes through untouched.
 */
async function instantiate(factory) {
    const wasm = shippedWasm();
    if (!wasm)
        return new factory();
    // The project's TypeScript libs carry no WebAssembly types (no DOM lib): the one member used, typed here.
    const api = globalThis.WebAssembly;
    const original = api.instantiate;
    api.instantiate = (source, imports) => original(ArrayBuffer.isView(source) && source.byteLength === 0 ? wasm : source, imports);
    try {
        return await new factory();
    }
    finally {
        api.instantiate = original;
    }
}
/** The wasm file beside the bundle's chunk; undefined when running from source (the package embeds it). */
function shippedWasm() {
    try {
        return external_node_fs_.readFileSync(external_node_path_.join(external_node_path_.dirname((0,external_node_url_.fileURLToPath)(import.meta.url)), PARSER_WASM_FILE));
    }
    catch {
        return undefined;
    }
}
/**
 * Starts loading the parser without waiting: WebAssembly compiles on background threads, so a
 * caller that knows a parse is coming (a PostgreSQL check with --base) can overlap it with other
 * work. Errors surface at the first parseSql().
 */
function preloadParser() {
    loadModule().catch(() => undefined);
}
async function parseSql(sql) {
    const pg = await loadModule();
    const pointer = pg.allocate(encoder.encode(sql + '\0'), HEAP);
    try {
        const raw = pg.raw_parse(pointer);
        if (raw.error && raw.error.message) {
            const pos = raw.error.cursorpos;
            return { ok: false, message: raw.error.message, ...(pos > 0 ? { codePointOffset: pos - 1 } : {}) };
        }
        const tree = JSON.parse(raw.parse_tree);
        return {
            ok: true,
            statements: (tree.stmts ?? []).map((s) => ({ stmt: s.stmt, location: s.stmt_location ?? 0 })),
        };
    }
    finally {
        pg._free(pointer);
    }
}

;// CONCATENATED MODULE: ./src/checks/safety/plpgsql.ts
// SQL statements inside PL/pgSQL bodies: `DO $$ … $$` blocks (drizzle-kit before 0.21 wrapped every
// foreign key and enum in one: `DO $$ BEGIN ALTER TABLE … ADD CONSTRAINT …; EXCEPTION WHEN
// duplicate_object THEN null; END $$;`) and CREATE FUNCTION / PROCEDURE bodies. The body is lexed
// like any SQL; the PL/pgSQL control words in front of a statement (BEGIN, EXCEPTION WHEN … THEN,
// IF … THEN, LOOP, END …) are stepped over, and what starts with a SQL command word is judged as if
// it stood alone. Dynamic SQL (EXECUTE '…'), assignments and PERFORM are left alone.

/**
 * SQL commands that become ops inside a body (transaction control is excluded: BEGIN opens a block
 * there; UPDATE and SELECT change no state a rule reads).
 */
const COMMANDS = new Set(['ALTER', 'CREATE', 'DROP', 'TRUNCATE', 'DELETE', 'INSERT', 'REINDEX', 'VACUUM']);
/** Bodies naming none of them are not lexed (long data migrations). */
const ANY_COMMAND = /\b(?:alter|create|drop|truncate|delete|insert|reindex|vacuum)\b/i;
/**
 * The embedded statements of a DO block or a plpgsql / sql function, or undefined when the statement
 * is neither. `tokens` are relative to `chunkText`, whose first character is at file offset `chunkBase`.
 */
function bodyOf(tokens, chunkText, chunkBase) {
    const first = tokens[0];
    if (first?.kind !== 'word')
        return undefined;
    let kind;
    if (first.value === 'DO')
        kind = 'do';
    else if (first.value === 'CREATE' && tokens.slice(1, 5).some((t) => t.kind === 'word' && (t.value === 'FUNCTION' || t.value === 'PROCEDURE')))
        kind = 'function';
    else
        return undefined;
    const language = languageOf(tokens);
    if (language !== undefined && language !== 'plpgsql' && language !== 'sql')
        return undefined;
    // The body is the dollar-quoted string (a DO block's first string, a function's after AS).
    const bodyToken = tokens.find((t, i) => t.kind === 'string' && chunkText.charCodeAt(t.start) === 36 && (kind === 'do' || tokens[i - 1]?.value === 'AS'));
    if (!bodyToken)
        return undefined;
    const tag = /^\$[^$]*\$/.exec(chunkText.slice(bodyToken.start, bodyToken.start + 64))[0];
    const body = bodyToken.value;
    if (!ANY_COMMAND.test(body))
        return { kind, statements: [] };
    const base = chunkBase + bodyToken.start + tag.length;
    const statements = [];
    for (const s of lexStatements(body).statements) {
        const from = commandStart(s.tokens);
        if (from < 0)
            continue;
        const commandTokens = s.tokens.slice(from);
        statements.push({ tokens: commandTokens, base, start: commandTokens[0].start, end: s.end, body });
    }
    return { kind, statements };
}
function languageOf(tokens) {
    const i = tokens.findIndex((t) => t.kind === 'word' && t.value === 'LANGUAGE');
    const name = i < 0 ? undefined : tokens[i + 1];
    if (!name)
        return undefined;
    return name.kind === 'word' ? name.value.toLowerCase() : name.value.toLowerCase();
}
/** Index of the SQL command after the PL/pgSQL control words in front of it, or -1. */
function commandStart(tokens) {
    let i = 0;
    for (;;) {
        const t = tokens[i];
        if (!t)
            return -1;
        if (t.kind === 'punct' && t.value === '<' && tokens[i + 1]?.value === '<') {
            // <<label>>
            const close = tokens.findIndex((u, k) => k > i && u.value === '>' && tokens[k + 1]?.value === '>');
            if (close < 0)
                return -1;
            i = close + 2;
            continue;
        }
        if (t.kind !== 'word')
            return -1;
        switch (t.value) {
            case 'DECLARE': {
                // Declarations run up to BEGIN; none starts with a SQL command word.
                const begin = tokens.findIndex((u, k) => k > i && u.kind === 'word' && u.value === 'BEGIN');
                if (begin < 0)
                    return -1;
                i = begin + 1;
                continue;
            }
            case 'BEGIN':
            case 'EXCEPTION':
            case 'ELSE':
            case 'LOOP':
                i++;
                continue;
            case 'END':
                // END, END IF, END LOOP, END CASE, END label
                i += tokens[i + 1]?.kind === 'word' && ['IF', 'LOOP', 'CASE'].includes(tokens[i + 1].value) ? 2 : 1;
                continue;
            case 'IF':
            case 'ELSIF':
            case 'ELSEIF':
            case 'WHEN':
            case 'WHILE':
            case 'FOR':
            case 'FOREACH': {
                const closer = t.value === 'WHILE' || t.value === 'FOR' || t.value === 'FOREACH' ? 'LOOP' : 'THEN';
                const next = wordAtDepthZero(tokens, i + 1, closer);
                if (next < 0)
                    return -1;
                i = next + 1;
                continue;
            }
            default:
                return COMMANDS.has(t.value) ? i : -1;
        }
    }
}
function wordAtDepthZero(tokens, from, word) {
    let depth = 0;
    for (let k = from; k < tokens.length; k++) {
        const t = tokens[k];
        if (t.kind === 'punct' && t.value === '(')
            depth++;
        else if (t.kind === 'punct' && t.value === ')')
            depth--;
        else if (depth === 0 && t.kind === 'word' && t.value === word)
            return k;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/checks/safety/suppress.ts
// `-- drizzle-guard-ignore rule-id[, rule-id] [-- reason]` before a statement, and
// `-- drizzle-guard-ignore-file rule-id[, …]` anywhere in a file. No rule ids: every rule.
// An ignore that silences nothing becomes an `unused-ignore` finding.
const DIRECTIVE = /^\s*drizzle-guard-ignore(-file)?(?=\s|$)(.*)$/;
/** The ignore directive in a comment, if any; `base` turns comment offsets into file offsets. */
function ignoreOf(comment, base) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m)
        return undefined;
    const list = m[2].split('--')[0];
    const rules = list
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    return { at: base + comment.start, file: m[1] !== undefined, rules, used: new Set() };
}
/** Finds the ignore (statement ones first, then file ones) silencing `ruleId`, and marks it used. */
function suppressedBy(ruleId, ignores) {
    const hit = ignores.find((i) => i.rules.length === 0 || i.rules.includes(ruleId));
    if (hit)
        hit.used.add(ruleId);
    return hit;
}
/** Rule ids (or `*` for a bare ignore) that an ignore named but never used. */
function unusedParts(ignore) {
    if (ignore.rules.length === 0)
        return ignore.used.size === 0 ? ['*'] : [];
    return ignore.rules.filter((r) => !ignore.used.has(r));
}

;// CONCATENATED MODULE: ./src/checks/safety/lint.ts
// The safety linter: statements → ops (tokens, or the PostgreSQL parse tree for ALTER TABLE) →
// rules, judged against the schema and transaction state built from the statements before.












class SafetyLinter {
    options;
    newTables = new Set();
    newTypes = new Set();
    newIndexes = new Set();
    /** `table\0column` of columns added in this migration or batch. */
    newColumns = new Set();
    emptied = new Set();
    uncommitted = new Map();
    /** `table\0name` of NOT VALID constraints added in the open transaction block. */
    notValid = new Map();
    /** drizzle's migrator transaction, or one opened by BEGIN, is open. */
    inTransaction = true;
    /** The statement being judged shares its chunk with others (an implicit transaction block). */
    inImplicitBlock = false;
    before = snapshotLookups(undefined);
    stats = { statements: 0, parsed: 0 };
    constructor(options) {
        this.options = options;
    }
    async lint(targets) {
        const findings = [];
        for (const target of targets)
            findings.push(...(await this.lintMigration(target)));
        return findings;
    }
    async lintMigration({ migration, snapshotBefore }) {
        if (migration.sql === undefined)
            return [];
        if (!this.options.batch) {
            this.newTables.clear();
            this.newTypes.clear();
            this.newIndexes.clear();
            this.newColumns.clear();
            this.emptied.clear();
            this.uncommitted.clear();
            this.notValid.clear();
            this.inTransaction = true;
        }
        const source = new SourceText(migration.sql);
        const before = snapshotLookups(snapshotBefore);
        this.before = before;
        const { statements, fileIgnores } = await this.extract(migration, before.columnsOf);
        const migrationOps = statements.flatMap((s) => s.ops);
        const linter = this;
        const state = {
            dialect: this.options.dialect,
            postgresVersion: this.options.postgresVersion,
            get inTransaction() {
                return linter.inTransaction || linter.inImplicitBlock;
            },
            get transactionBlock() {
                return linter.inTransaction ? 'explicit' : linter.inImplicitBlock ? 'implicit' : undefined;
            },
            isNewTable: (t) => this.newTables.has(t),
            isEmptyTable: (t) => this.newTables.has(t) || this.emptied.has(t),
            isNewColumn: (t, c) => this.newColumns.has(`${t}\0${c}`),
            notValidInTransaction: (t, name) => this.notValid.get(`${t}\0${name}`),
            isNewType: (t) => this.newTypes.has(t),
            isNewIndex: (i) => this.newIndexes.has(i),
            migrationOps,
            migrationStatements: statements,
            uncommittedEnumValues: this.uncommitted,
            enumValuesBefore: before.enumValues,
            columnTypeBefore: before.columnType,
            columnNotNullBefore: before.columnNotNull,
            hasColumnBefore: before.hasColumn,
            indexSchemasBefore: before.indexSchemas,
        };
        const findings = [];
        const report = (rule, hit, stmt, ignores) => {
            if (rule !== unusedIgnore && suppressedBy(rule.meta.id, ignores))
                return;
            const start = source.positionAt(hit.at);
            const end = stmt ? source.positionAt(stmt.end) : start;
            const inFunction = stmt?.embedded === 'function' ? ' (In a function body: this runs when the function is called, not when the migration runs.)' : '';
            findings.push(findingOf(rule.meta, {
                message: hit.message + inFunction,
                ...(hit.severity ? { severity: hit.severity } : {}),
                file: migration.file,
                migration: migration.tag,
                line: start.line,
                column: start.column,
                endLine: end.line,
                endColumn: end.column,
            }));
        };
        let chunk = -1;
        for (const stmt of statements) {
            if (stmt.chunk !== chunk) {
                this.endChunk();
                chunk = stmt.chunk;
            }
            this.inImplicitBlock = stmt.multiStatementChunk;
            const ignores = [...stmt.ignores, ...fileIgnores];
            if (stmt.parseError)
                report(parseError, stmt.parseError, stmt, ignores);
            for (const rule of SAFETY_RULES) {
                for (const hit of rule.checkStatement?.(stmt, state) ?? [])
                    report(rule, hit, stmt, ignores);
            }
            for (const op of stmt.ops) {
                for (const rule of SAFETY_RULES) {
                    const verdict = rule.checkOp?.(op, state);
                    if (verdict !== undefined)
                        report(rule, typeof verdict === 'string' ? { at: op.at, message: verdict } : { at: op.at, ...verdict }, stmt, ignores);
                }
                // A function body's statements run later, when it is called: they change nothing now.
                if (stmt.embedded !== 'function')
                    this.apply(op);
            }
        }
        this.endChunk();
        for (const ignore of [...statements.flatMap((s) => s.ignores), ...fileIgnores]) {
            const unused = unusedParts(ignore);
            if (unused.length === 0)
                continue;
            const what = unused[0] === '*' ? 'silences no finding' : `does not silence ${unused.map((r) => `\`${r}\``).join(', ')}`;
            report(unusedIgnore, { at: ignore.at, message: `This drizzle-guard-ignore${ignore.file ? '-file' : ''} comment ${what}.` }, undefined, []);
        }
        return findings;
    }
    /** Lexes every chunk, classifies each statement and parses those that need a tree. */
    async extract(migration, columnsBefore) {
        const { dialect } = this.options;
        const statements = [];
        const fileIgnores = [];
        const lexical = dialect === 'postgresql' ? undefined : createLexicalExtractor(dialect, columnsBefore);
        // Tables created so far in this migration (the state itself changes only when rules run).
        const createdHere = new Set();
        const pending = [];
        migration.statements.forEach((chunk, chunkIndex) => {
            const { statements: lexed, comments } = lexChunk(chunk, dialect);
            for (const comment of comments) {
                const ignore = ignoreOf(comment, chunk.offset);
                if (ignore?.file)
                    fileIgnores.push(ignore);
            }
            for (const s of lexed) {
                this.stats.statements++;
                const stmt = {
                    tokens: s.tokens,
                    base: chunk.offset,
                    start: chunk.offset + s.start,
                    end: chunk.offset + s.end - 1,
                    ops: [],
                    ignores: s.leadingComments.map((c) => ignoreOf(c, chunk.offset)).filter((i) => i !== undefined && !i.file),
                    chunk: chunkIndex,
                    multiStatementChunk: lexed.length > 1,
                };
                pending.push({ stmt, text: chunk.text.slice(s.start, s.end) });
                if (lexical)
                    continue;
                const body = bodyOf(s.tokens, chunk.text, chunk.offset);
                for (const e of body?.statements ?? []) {
                    const inner = {
                        tokens: e.tokens,
                        base: e.base,
                        start: e.base + e.start,
                        end: e.base + e.end - 1,
                        ops: [],
                        ignores: stmt.ignores,
                        chunk: chunkIndex,
                        multiStatementChunk: stmt.multiStatementChunk,
                        embedded: body.kind,
                    };
                    pending.push({ stmt: inner, text: e.body.slice(e.start, e.end) });
                }
            }
        });
        for (const { stmt, text } of pending) {
            if (lexical)
                stmt.ops = lexical(stmt.tokens, stmt.base);
            // A function's statements do not create anything now.
            else
                await this.extractPostgres(text, stmt, stmt.embedded === 'function' ? new Set() : createdHere);
            statements.push(stmt);
        }
        return { statements, fileIgnores };
    }
    async extractPostgres(text, stmt, createdHere) {
        const cls = classifyPostgres(stmt.tokens, stmt.base);
        if (cls.kind === 'ops') {
            stmt.ops = cls.ops;
            for (const op of cls.ops)
                if (op.kind === 'create-table')
                    createdHere.add(op.table);
        }
        const isNew = (t) => createdHere.has(t) || this.newTables.has(t);
        // Before the fast path moves the clause cursors.
        const clauseStarts = cls.kind === 'alter-table' ? cls.clauses.map((c) => c.offset()) : [];
        if (!this.options.parseAll || stmt.embedded) {
            if (cls.kind !== 'alter-table' || (isNew(cls.table) && !cls.renames && !cls.concurrently))
                return;
            const fast = fastAlterOps(cls.clauses, cls.table);
            if (fast) {
                stmt.ops = fast;
                return;
            }
        }
        this.stats.parsed++;
        const result = await parseSql(text);
        const ascii = isAscii(text);
        const toFile = (byte) => stmt.start + (ascii ? byte : utf16OffsetOfUtf8(text, byte));
        if (!result.ok) {
            // PL/pgSQL variables and the way its statements are cut out may not parse as plain SQL.
            if (stmt.embedded)
                return;
            stmt.parseError = {
                at: result.codePointOffset === undefined ? stmt.start : stmt.start + (ascii ? result.codePointOffset : utf16OffsetOfCodePoint(text, result.codePointOffset)),
                message: `PostgreSQL cannot parse this statement: ${result.message}.`,
            };
            return;
        }
        if (cls.kind !== 'alter-table')
            return;
        for (const parsed of result.statements) {
            stmt.ops.push(...opsOfAlterTable(parsed.stmt, (loc) => toFile(loc ?? parsed.location), (i) => clauseStarts[i] ?? stmt.start));
        }
    }
    /** At a chunk's end: an implicit block commits (what it held is no longer uncommitted). */
    endChunk() {
        if (this.inImplicitBlock && !this.inTransaction) {
            this.uncommitted.clear();
            this.notValid.clear();
        }
        this.inImplicitBlock = false;
    }
    /** The table holds no rows now; TRUNCATE … CASCADE also empties the tables referencing it. */
    empty(table, cascade) {
        const todo = [table];
        while (todo.length > 0) {
            const t = todo.pop();
            if (this.emptied.has(t))
                continue;
            this.emptied.add(t);
            if (cascade)
                todo.push(...this.before.referencingTables(t));
        }
    }
    apply(op) {
        switch (op.kind) {
            case 'create-table':
                this.newTables.add(op.table);
                break;
            case 'drop-table':
                this.newTables.delete(op.table);
                this.emptied.delete(op.table);
                break;
            case 'add-column':
                this.newColumns.add(`${op.table}\0${op.column}`);
                break;
            case 'truncate':
                this.empty(op.table, op.cascade === true);
                break;
            case 'delete-all':
                this.empty(op.table, false);
                break;
            case 'insert':
                this.emptied.delete(op.table);
                break;
            case 'add-constraint':
                if (op.notValid && op.name !== undefined && (this.inTransaction || this.inImplicitBlock))
                    this.notValid.set(`${op.table}\0${op.name}`, op.constraint);
                break;
            case 'rename-table':
                if (this.newTables.delete(op.table))
                    this.newTables.add(op.to);
                break;
            case 'create-index':
                if (op.index !== undefined)
                    this.newIndexes.add(op.index);
                break;
            case 'drop-index':
                this.newIndexes.delete(op.index);
                break;
            case 'create-enum':
                this.newTypes.add(op.type);
                break;
            case 'drop-type':
                this.newTypes.delete(op.type);
                break;
            case 'add-enum-value': {
                // Outside a transaction block the statement commits at once. A value added to a type created
                // in the same transaction is usable on PostgreSQL 18 and fails on 15 (both verified, see
                // test/safety/postgres-truth.test.ts); versions between are assumed to fail.
                const usable = this.newTypes.has(op.type) && this.options.postgresVersion >= 18;
                if ((this.inTransaction || this.inImplicitBlock) && !usable)
                    this.uncommitted.set(op.value, { type: op.type, at: op.at });
                break;
            }
            case 'begin':
                this.inTransaction = true;
                break;
            case 'commit':
            case 'rollback':
                this.inTransaction = false;
                this.uncommitted.clear();
                this.notValid.clear();
                break;
            default:
                break;
        }
    }
}
/**
 * Schemas of the tables holding an index of this name, read from the snapshot's text without parsing
 * it all (snapshots of long histories are megabytes): an index entry `"name": {` sits in its table's
 * `indexes`, after the table's own `"schema": "…"` (columns and indexes have no `schema` member).
 */
function indexSchemasInText(text, index) {
    const needle = JSON.stringify(index);
    const schemas = new Set();
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        if (!/^\s*:\s*\{/.test(text.slice(at + needle.length, at + needle.length + 8)))
            continue;
        const member = text.lastIndexOf('"schema"', at);
        const value = member < 0 ? undefined : /^"schema"\s*:\s*"([^"]*)"/.exec(text.slice(member, member + 200));
        if (value)
            schemas.add(value[1] || 'public');
    }
    return [...schemas];
}
function isAscii(text) {
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) > 127)
            return false;
    return true;
}
/** Reads enums and columns from a drizzle-kit snapshot (v5–v7: keys `schema.name` or `name`). */
function snapshotLookups(load) {
    let doc;
    let loaded = false;
    const member = (group, key) => {
        if (!loaded) {
            doc = load?.();
            loaded = true;
        }
        if (typeof doc === 'string')
            return jsonEntryWithMember(doc, key, group === 'tables' ? 'columns' : 'values') ?? jsonMember(doc, [group, key]);
        const all = doc?.[group];
        return all && typeof all === 'object' ? all[key] : undefined;
    };
    const entry = (group, key) => {
        const bare = key.startsWith('public.') ? key.slice('public.'.length) : key;
        const found = member(group, key) ?? (bare !== key ? member(group, bare) : undefined);
        return found && typeof found === 'object' ? found : undefined;
    };
    const columns = (table) => {
        const c = entry('tables', table)?.columns;
        return c && typeof c === 'object' ? c : undefined;
    };
    // Questions about every table (rare: TRUNCATE … CASCADE, DROP INDEX) read the whole document.
    let tables;
    const allTables = () => {
        if (tables)
            return tables;
        if (!loaded) {
            doc = load?.();
            loaded = true;
        }
        let full = doc;
        if (typeof doc === 'string') {
            try {
                full = JSON.parse(doc);
            }
            catch {
                full = undefined;
            }
        }
        const group = full && typeof full === 'object' ? full.tables : undefined;
        tables = group && typeof group === 'object'
            ? Object.entries(group).map(([key, t]) => [key.includes('.') ? key : `${t?.schema || 'public'}.${key}`, t ?? {}])
            : [];
        return tables;
    };
    return {
        enumValues(type) {
            const values = entry('enums', type)?.values;
            if (Array.isArray(values))
                return values.map(String);
            return values && typeof values === 'object' ? Object.values(values).map(String) : undefined;
        },
        columnType(table, column) {
            const type = columns(table)?.[column]?.type;
            return typeof type === 'string' ? type : undefined;
        },
        columnNotNull(table, column) {
            const notNull = columns(table)?.[column]?.notNull;
            return typeof notNull === 'boolean' ? notNull : undefined;
        },
        hasColumn(table, column) {
            const c = columns(table);
            return c ? Object.hasOwn(c, column) : undefined;
        },
        columnsOf(table) {
            const c = columns(table);
            return c ? Object.keys(c) : undefined;
        },
        referencingTables(table) {
            return allTables()
                .filter(([, t]) => Object.values((t.foreignKeys ?? {})).some((fk) => `${fk?.schemaTo || 'public'}.${fk?.tableTo}` === table))
                .map(([key]) => key);
        },
        indexSchemas(index) {
            if (!loaded) {
                doc = load?.();
                loaded = true;
            }
            if (doc === undefined)
                return undefined;
            if (typeof doc === 'string')
                return indexSchemasInText(doc, index);
            const all = allTables();
            return [...new Set(all.filter(([, t]) => Object.hasOwn(t.indexes ?? {}, index)).map(([key]) => key.slice(0, key.indexOf('.'))))];
        },
    };
}

;// CONCATENATED MODULE: ./src/checks/safety/index.ts
// The safety check: lints the SQL of the migrations a pull request adds (all of them without
// --base), Drizzle-aware: one migrator transaction, objects created in the batch are new.






const safetyCheck = {
    name: 'safety',
    categories: ['safety'],
    // With a base every new PostgreSQL statement is parsed: let the wasm compile while the folder is read.
    warmUp(config, options) {
        if (options.lint && options.base && config.dialect === 'postgresql')
            preloadParser();
    },
    async run(ctx) {
        if (!ctx.options.lint)
            return { status: 'skipped', reason: 'SQL lint is off (--no-lint)' };
        if (ctx.config.dialect === 'gel')
            return { status: 'skipped', reason: 'SQL lint does not support the gel dialect' };
        const dialect = lexDialect(ctx.config.dialect);
        const { postgresVersion, ignore } = ctx.settings;
        const all = ctx.head.migrations;
        const targets = [];
        all.forEach((migration, i) => {
            if (ctx.hasBase && !migration.isNew)
                return;
            if (isIgnoredPath(migration.file, ignore))
                return;
            targets.push({ migration, snapshotBefore: () => safety_snapshotOf(ctx, all[i - 1]) });
        });
        const linter = new SafetyLinter({ dialect, postgresVersion, batch: ctx.hasBase, parseAll: ctx.hasBase });
        const findings = await linter.lint(targets);
        const notes = dialect === 'postgresql'
            ? []
            : [`SQL lint for ${ctx.config.dialect} is lexical: drops, renames, type changes and table rebuilds only (see docs/rules).`];
        return { status: 'ran', findings, notes };
    },
};
/** A migration's snapshot: the parsed document when the model kept it, else the file's text. */
function safety_snapshotOf(ctx, migration) {
    const snapshot = migration?.snapshot;
    if (!snapshot)
        return undefined;
    if (snapshot.json)
        return snapshot.json;
    const read = treeOf(ctx).read(snapshot.file, SIZE_LIMITS.snapshot.bytes);
    return read && 'bytes' in read ? read.bytes.toString('utf8') : undefined;
}

;// CONCATENATED MODULE: ./src/checks/registry.ts
// Every check the engine runs, in report order. Each is a pure function of the CheckContext.





const checks = [
    integrityCheck,
    driftCheck,
    safetyCheck,
    replayCheck,
    pendingCheck,
];

;// CONCATENATED MODULE: ./src/report/touched.ts
// Which tables a PR's new migrations touch, read from drizzle-kit's snapshots (the `tables` map of
// pg v5-v7, mysql v5 and sqlite v5/v6): the last snapshot before the new migrations against the last one.
// Pure: the engine calls it with the head migration set; the markdown renderer draws the result.
/** Undefined when nothing is new or the snapshots are not in a format with a `tables` map. */
function touchedTables(head) {
    const firstNew = head.migrations.findIndex((m) => m.isNew);
    if (firstNew < 0)
        return undefined;
    // Both ends must be parsed documents: a snapshot read only by its header cannot be compared.
    const latest = [...head.migrations].reverse().find((m) => m.snapshot)?.snapshot;
    const before = head.migrations
        .slice(0, firstNew)
        .reverse()
        .find((m) => m.snapshot)?.snapshot;
    const next = tablesOf(latest?.json);
    const prev = before === undefined ? new Map() : tablesOf(before.json);
    if (!next || !prev)
        return undefined;
    const out = [];
    for (const [key, table] of next) {
        const old = prev.get(key);
        if (old && canonical(old.doc) === canonical(table.doc))
            continue;
        out.push({
            name: table.name,
            status: old ? 'changed' : 'added',
            columns: columnsOf(table, old),
            foreignKeys: foreignKeysOf(table),
        });
    }
    for (const [key, table] of prev) {
        if (!next.has(key))
            out.push({ name: table.name, status: 'dropped', columns: columnsOf(table, table).map((c) => ({ ...c, change: 'dropped' })), foreignKeys: [] });
    }
    // Tables a touched table points to, with only their key and referenced columns, so the diagram shows the relation.
    const shown = new Set(out.map((t) => t.name));
    const referenced = new Map();
    for (const t of out) {
        if (t.status === 'dropped')
            continue;
        for (const fk of t.foreignKeys) {
            if (shown.has(fk.table))
                continue;
            const cols = referenced.get(fk.table) ?? new Set();
            fk.referencedColumns.forEach((c) => cols.add(c));
            referenced.set(fk.table, cols);
        }
    }
    for (const [name, cols] of referenced) {
        const table = [...next.values()].find((t) => t.name === name);
        const columns = table
            ? columnsOf(table, table).filter((c) => c.primaryKey || cols.has(c.name))
            : [...cols].map((c) => ({ name: c, type: '?', primaryKey: false, notNull: false }));
        out.push({ name, status: 'referenced', columns, foreignKeys: [] });
    }
    return out;
}
function tablesOf(snapshot) {
    const tables = snapshot?.['tables'];
    if (!touched_isObject(tables))
        return undefined;
    const out = new Map();
    for (const [key, value] of Object.entries(tables)) {
        if (!touched_isObject(value))
            continue;
        const name = typeof value['name'] === 'string' ? value['name'] : key;
        out.set(key, {
            name: qualified(value['schema'], name),
            columns: touched_isObject(value['columns']) ? value['columns'] : {},
            foreignKeys: touched_isObject(value['foreignKeys']) ? value['foreignKeys'] : {},
            doc: value,
        });
    }
    return out;
}
function columnsOf(table, old) {
    const primary = compositePrimaryColumns(table.doc);
    const present = Object.entries(table.columns).flatMap(([key, col]) => {
        if (!touched_isObject(col))
            return [];
        const before = old?.columns[key];
        // In a new table every column is new: marking each one would only add noise.
        const change = old === undefined ? undefined : before === undefined ? 'added' : canonical(before) !== canonical(col) ? 'changed' : undefined;
        const previousType = touched_isObject(before) && typeof before['type'] === 'string' && before['type'] !== col['type'] ? before['type'] : undefined;
        return [{ ...column(key, col, primary), ...(change ? { change } : {}), ...(previousType ? { previousType } : {}) }];
    });
    // A dropped column is the change a reviewer most needs to see: it stays in the diagram, marked.
    const dropped = old && old !== table
        ? Object.entries(old.columns).flatMap(([key, col]) => touched_isObject(col) && !(key in table.columns) ? [{ ...column(key, col, compositePrimaryColumns(old.doc)), change: 'dropped' }] : [])
        : [];
    return [...present, ...dropped];
}
function column(key, col, primary) {
    const name = typeof col['name'] === 'string' ? col['name'] : key;
    return {
        name,
        type: typeof col['type'] === 'string' ? col['type'] : '?',
        primaryKey: col['primaryKey'] === true || primary.has(name),
        notNull: col['notNull'] === true,
    };
}
function compositePrimaryColumns(doc) {
    const out = new Set();
    const pks = doc['compositePrimaryKeys'];
    if (!touched_isObject(pks))
        return out;
    for (const pk of Object.values(pks)) {
        // pg/mysql store objects with `columns`; older sqlite snapshots store "col1,col2" strings.
        if (touched_isObject(pk) && Array.isArray(pk['columns']))
            pk['columns'].forEach((c) => typeof c === 'string' && out.add(c));
        else if (typeof pk === 'string')
            pk.split(/[,;]/).forEach((c) => out.add(c.trim()));
    }
    return out;
}
function foreignKeysOf(table) {
    return Object.values(table.foreignKeys).flatMap((fk) => {
        if (!touched_isObject(fk) || typeof fk['tableTo'] !== 'string')
            return [];
        return [
            {
                columns: strings(fk['columnsFrom']),
                table: qualified(fk['schemaTo'], fk['tableTo']),
                referencedColumns: strings(fk['columnsTo']),
            },
        ];
    });
}
function qualified(schema, name) {
    return typeof schema === 'string' && schema !== '' && schema !== 'public' ? `${schema}.${name}` : name;
}
function strings(v) {
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
}
function touched_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** JSON with sorted keys, so key order never counts as a change. */
function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (touched_isObject(v)) {
        const keys = Object.keys(v).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts
// Read from package.json (inlined by the bundler) so the bundle and the npm package never disagree.

const VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/engine.ts
// The engine shared by the CLI and the action: for each drizzle config, read the folder (and the base),
// run every check, and fold the findings into categories and an exit code.












async function runCheck(options) {
    const cwd = external_node_path_.resolve(options.cwd);
    const configReports = [];
    let configFiles;
    let settings;
    let repoRoot;
    try {
        if (!external_node_fs_.statSync(cwd, { throwIfNoEntry: false })?.isDirectory())
            throw new ConfigError(`--cwd ${options.cwd} is not a directory`);
        configFiles = discoverConfigs(cwd, options.configs, options) ?? [];
        repoRoot = gitRoot(cwd);
        settings = readSettings(cwd, repoRoot ?? cwd);
    }
    catch (e) {
        configReports.push(failedConfig(undefined, e));
        return assemble(configReports, options);
    }
    for (const file of configFiles.length > 0 ? configFiles : [undefined]) {
        configReports.push(await checkOneConfig(cwd, repoRoot, file, options, settings));
    }
    return assemble(configReports, options);
}
function readSettings(cwd, repoRoot) {
    const settings = loadGuardConfig(cwd, repoRoot);
    if ('error' in settings)
        throw new ConfigError(settings.error, settings.file);
    return settings;
}
async function checkOneConfig(cwd, repoRoot, file, options, settings) {
    let config;
    let ctx;
    const notes = [];
    try {
        config = await resolveOneConfig(cwd, file, options, notes);
        const givenOut = config.out;
        // Findings name files relative to cwd, whatever form `out` was given in.
        config = { ...config, out: external_node_path_.relative(cwd, external_node_path_.resolve(cwd, config.out)).split(external_node_path_.sep).join('/') || '.' };
        const tree = options.headCommit ? headCommitTree(repoRoot, cwd, options.headCommit, config.out) : workingTree(cwd, repoRoot ?? cwd);
        if (tree.isOutside(config.out)) {
            // Nothing is read there: neither an absolute `out` nor a symlink lets a pull request make the check read the runner's files.
            throw new ConfigError(`the migrations folder ${JSON.stringify(givenOut)}${file ? ` (out in ${file})` : ''} resolves outside the repository ${repoRoot ?? cwd}: it is not read`, file);
        }
        if (tree.list(config.out) === undefined) {
            throw new ConfigError(`migrations folder not found: ${external_node_path_.join(cwd, config.out)} (out = ${JSON.stringify(config.out)}${file ? ` in ${file}` : ''})`, file);
        }
        for (const check of checks)
            check.warmUp?.(config, options);
        // git reads the base while the working tree is read.
        const baseFromGit = options.base && !options.changedFiles ? readBase(gitRepo(repoRoot, cwd, options.base), cwd, options.base, config.out, options.headCommit) : undefined;
        const head = readMigrationSet(tree, config);
        const base = options.changedFiles && options.base ? baseFromApi(options.base, head, options.changedFiles, notes) : await baseFromGit;
        markNew(head, base);
        // Read from git, the folder is not on disk for the checks that read a snapshot lazily: parse them all now.
        parseScrutinizedSnapshots(tree, head, Boolean(base), options.format === 'markdown', Boolean(options.headCommit));
        ctx = { cwd, options, config, settings, head, ...(base ? { base } : {}), hasBase: Boolean(base), tree };
    }
    catch (e) {
        return failedConfig(file, e);
    }
    let findings = [];
    const ran = new Map([['config', 'pass']]);
    // Concurrently: the replay and drift workers are processes of their own, the lint runs here meanwhile.
    const outcomes = await Promise.all(checks.map((check) => runOne(check, ctx)));
    checks.forEach((check, i) => {
        const outcome = outcomes[i];
        findings.push(...outcome.findings);
        if (outcome.note)
            notes.push(outcome.note);
        for (const c of check.categories)
            ran.set(c, mergeStatus(ran.get(c), outcome.status));
    });
    // Settings first (a rule turned off cannot carry the replay's evidence), and again for findings added.
    findings = applyRuleSettings(findings, settings.rules);
    for (const outcome of outcomes)
        if (outcome.reconcile)
            findings = outcome.reconcile(findings);
    const configured = applyRuleSettings(findings, settings.rules);
    const settled = ctx.hasBase ? downgradePreExisting(configured, ctx) : configured;
    const categories = categoryStatuses(settled, ran, options.failOn ?? settings.failOn ?? 'error');
    return {
        ...(file ? { config: file } : {}),
        dialect: ctx.config.dialect,
        out: ctx.config.out,
        ...(ctx.config.schema ? { schema: ctx.config.schema } : {}),
        exitCode: exitCodeOf(categories),
        categories,
        findings: settled,
        migrations: ctx.head.migrations.map((m) => ({ tag: m.tag, file: m.file, new: m.isNew, statements: m.statements.length })),
        notes,
        // The ER diagram is drawn only in markdown (PR comment, job summary).
        ...(ctx.hasBase && options.format === 'markdown' ? { touchedTables: touchedTables(ctx.head) } : {}),
    };
}
/**
 * A config found by discovery that cannot be loaded (its imports not installed, say) does not stop a run
 * whose --out and --dialect say everything the integrity and lint checks need; an explicit --config does.
 */
async function resolveOneConfig(cwd, file, options, notes) {
    if (!file)
        return resolveConfig({}, options);
    try {
        return await loadDrizzleConfig(cwd, file, options, options.allowCodeExecution, options.databaseUrl ? [options.databaseUrl] : []);
    }
    catch (e) {
        const explicit = options.configs.length > 0;
        if (explicit || !(e instanceof ConfigError) || !options.out || !options.dialect)
            throw e;
        notes.push(`${e.message}; using --out and --dialect without it`);
        return resolveConfig({}, options);
    }
}
async function runOne(check, ctx) {
    try {
        const outcome = await check.run(ctx);
        if (outcome.status === 'ran') {
            return {
                findings: outcome.findings,
                status: 'pass',
                ...(outcome.notes?.length ? { note: outcome.notes.join('; ') } : {}),
                ...(outcome.reconcile ? { reconcile: outcome.reconcile } : {}),
            };
        }
        return { findings: outcome.findings ?? [], status: outcome.status, note: `${check.name}: ${outcome.reason}` };
    }
    catch (e) {
        const message = e instanceof ConfigError ? e.message : `${check.name} check failed unexpectedly: ${e.message}`;
        if (process.env.DRIZZLE_GUARD_DEBUG)
            process.stderr.write(`${e.stack}\n`);
        // The check did not finish: its categories were not verified, so they fail (never a silent pass).
        return { findings: [findingOf(e instanceof ConfigError ? configError : checkCrashed, { message })], status: 'fail' };
    }
}
/** A category is as much as its most complete check: pass beats skipped beats not-implemented. */
function mergeStatus(a, b) {
    const rank = { fail: 3, pass: 2, skipped: 1, 'not-implemented': 0 };
    return a === undefined || rank[b] > rank[a] ? b : a;
}
function headCommitTree(repoRoot, cwd, commit, out) {
    const root = gitRepo(repoRoot, cwd, commit);
    return commitTree(root, commit, external_node_path_.relative(root, cwd).split(external_node_path_.sep).join('/'), [out]);
}
function gitRepo(repoRoot, cwd, ref) {
    if (!repoRoot)
        throw new ConfigError(`--base ${ref} needs a git repository, and ${cwd} is not inside one`);
    return repoRoot;
}
function baseFromApi(ref, head, changed, notes) {
    notes.push(`base ${ref} is not in the clone: new and changed migrations come from the pull request's file list`);
    return baseFromChangedFiles(ref, head, changed);
}
/**
 * A migration is new when the base did not declare it: not in the base's journal (a SQL file committed
 * earlier without a journal entry was never applied by anyone), or, without a base journal (folder
 * layout, or only the API's file list), when its file did not exist at the base.
 */
function markNew(head, base) {
    if (!base)
        return;
    const journaled = base.journal ? new Set(base.journal.entries.map((e) => e.tag)) : undefined;
    for (const m of head.migrations)
        m.isNew = journaled && head.journal ? !journaled.has(m.tag) : !base.files.has(m.file);
}
/**
 * Snapshots of new migrations, and for the ER diagram the last one before them (it compares the two), are
 * parsed whole; the rest only by their header (see readSnapshotHeader).
 */
function parseScrutinizedSnapshots(tree, head, hasBase, forDiagram, all) {
    if (!hasBase && !all)
        return;
    const firstNew = head.migrations.findIndex((m) => m.isNew);
    const lastApplied = forDiagram ? head.migrations.slice(0, firstNew < 0 ? 0 : firstNew).findLast((m) => m.snapshot) : undefined;
    for (const m of head.migrations) {
        if ((!all && !m.isNew && m !== lastApplied) || !m.snapshot || m.snapshot.json)
            continue;
        const full = loadSnapshotDocument(tree, m.snapshot.file);
        Object.assign(m.snapshot, full);
    }
}
/**
 * A defect already present at the base does not fail a pull request that did not cause it: it is reported
 * one severity lower. A finding is the PR's own when it concerns a new migration or a file the PR changed.
 */
function downgradePreExisting(findings, ctx) {
    const base = ctx.base;
    const newTags = new Set(ctx.head.migrations.filter((m) => m.isNew).map((m) => m.tag));
    const changedMigrationFiles = new Set(ctx.head.migrations.filter((m) => base.modified.has(m.file) || m.isNew).map((m) => m.tag));
    const journalFile = ctx.head.journal?.file;
    const editedEntries = editedJournalEntries(ctx);
    const introduced = (f) => {
        if (f.category !== 'integrity')
            return true;
        if (f.migration !== undefined && (newTags.has(f.migration) || changedMigrationFiles.has(f.migration)))
            return true;
        if (f.file === undefined)
            return true;
        if (f.file === journalFile && f.migration !== undefined)
            return editedEntries.has(f.migration);
        return !base.files.has(f.file) || base.modified.has(f.file) || base.deleted.includes(f.file);
    };
    return findings.map((f) => {
        if (introduced(f))
            return f;
        if (f.severity === 'info')
            return { ...f, preExisting: true };
        return { ...f, severity: f.severity === 'error' ? 'warning' : 'info', message: `${f.message} (already present at the base)`, preExisting: true };
    });
}
/**
 * Tags whose journal entry, or an entry before it, the PR changed (a `when` moved, say): the journal's rules
 * judge an entry against the ones before it, so a finding declared there is the PR's own.
 */
function editedJournalEntries(ctx) {
    const head = ctx.head.journal;
    const base = ctx.base?.journal;
    if (!head || !base)
        return new Set();
    const before = new Map(base.entries.map((e) => [String(e.tag), JSON.stringify(e)]));
    const firstEdited = head.entries.findIndex((e) => before.get(String(e.tag)) !== JSON.stringify(e));
    return new Set(firstEdited < 0 ? [] : head.entries.slice(firstEdited).map((e) => String(e.tag)));
}
function failedConfig(file, e) {
    if (!(e instanceof ConfigError))
        throw e;
    const findings = [findingOf(configError, { message: e.message, ...(e.file ?? file ? { file: e.file ?? file } : {}) })];
    const ran = new Map([['config', 'pass']]);
    const categories = categoryStatuses(findings, ran, 'error');
    return { ...(file ? { config: file } : {}), exitCode: exitCodeOf(categories), categories, findings, migrations: [], notes: [] };
}
function assemble(configs, options) {
    const rank = { fail: 3, pass: 2, skipped: 1, 'not-implemented': 0 };
    const categories = Object.fromEntries(CATEGORIES.map((c) => [c, configs.map((r) => r.categories[c]).reduce((a, b) => (rank[b] > rank[a] ? b : a), 'not-implemented')]));
    return {
        tool: 'drizzle-guard',
        version: VERSION,
        exitCode: exitCodeOf(categories),
        categories,
        findings: configs.flatMap((r) => r.findings),
        migrations: configs.flatMap((r) => r.migrations),
        notes: configs.flatMap((r) => r.notes.map((n) => (configs.length > 1 && r.config ? `${r.config}: ${n}` : n))),
        ...(options.base ? { base: options.base } : {}),
        configs,
    };
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// Markdown for people reviewing a migration: the PR comment, the job summary and `--format markdown`.
// Verdict first, then the new migrations, then findings by file with the fix, then the ER diagram.
// When a size limit is given the report is rendered with less detail until it fits.


/** What a failing category means to the reader of the verdict. */
const FAILURE_MEANING = {
    config: 'the configuration could not be checked',
    integrity: 'the migration folder is inconsistent',
    replay: 'a migration fails on PostgreSQL',
    drift: 'the schema and the migrations have drifted',
    pending: 'migrations are pending on the database',
    safety: 'a migration is unsafe',
};
const SEVERITY_ICON = { error: '🔴', warning: '🟡', info: '🔵' };
const STATUS_ICON = {
    pass: '✅',
    fail: '❌',
    skipped: '⏭️ skipped',
    'not-implemented': '➖ not implemented',
};
/** Diagrams larger than this are unreadable in a comment; the table list is shown instead. */
const MAX_DIAGRAM_TABLES = 30;
/** A file with more findings than this shows the first FOLD_FINDINGS_KEEP and folds the rest. */
const FOLD_FINDINGS = 10;
const FOLD_FINDINGS_KEEP = 5;
/** SQL longer than this many lines is folded. */
const FOLD_SQL_LINES = 12;
/** A statement excerpt shows at most this many lines. */
const EXCERPT_LINES = 6;
function renderMarkdown(report, opts = {}) {
    const full = render(report, opts, { full: true, maxFindings: Infinity });
    if (!opts.limit || fits(full, opts.limit))
        return full;
    const hint = opts.fullReportHint ?? 'the JSON report';
    const total = report.configs.reduce((n, c) => n + c.findings.length, 0) || report.findings.length;
    // Right under the verdict: a reader who stops there knows the list below is not all.
    const notice = `> [!NOTE]\n> Shortened to fit; the full report is in ${hint}.`;
    const budget = { ...opts.limit, max: opts.limit.max - measure(notice + '\n\n', opts.limit.unit) };
    const withNotice = (text) => {
        const end = text.indexOf('\n\n');
        return end < 0 ? `${text}\n\n${notice}\n` : `${text.slice(0, end)}\n\n${notice}${text.slice(end)}`;
    };
    for (let maxFindings = total;; maxFindings = Math.floor(maxFindings / 2)) {
        const text = render(report, opts, { full: false, maxFindings });
        if (fits(text, budget))
            return withNotice(text);
        if (maxFindings === 0)
            return withNotice(cut(text, budget));
    }
}
/** A report of one config, for one sticky comment per config. */
function reportForConfig(report, config) {
    return {
        ...report,
        exitCode: config.exitCode,
        categories: config.categories,
        findings: config.findings,
        migrations: config.migrations,
        notes: ownNotes(report),
        configs: [config],
    };
}
function render(report, opts, detail) {
    const out = [verdict(report)];
    const configs = report.configs.length > 0 ? report.configs : [asConfig(report)];
    let remaining = detail.maxFindings;
    const noteList = (notes) => notes.map((n) => `- ${inline(opts.stable ? withoutTimings(n) : n)}`).join('\n');
    for (const config of configs) {
        if (configs.length > 1)
            out.push(`### ${configTitle(config, opts)} — ${config.exitCode === 0 ? '✅ passed' : `❌ exit code ${config.exitCode}`}`);
        else if (config.config)
            out.push(`<sub>${configTitle(config, opts)}</sub>`);
        out.push(categoryLine(config.categories));
        out.push(migrationTable(config, report.base !== undefined, opts));
        const own = config.findings.filter((f) => !f.preExisting);
        const shown = Math.min(remaining, own.length);
        out.push(findingsSection(own, shown, opts, detail));
        remaining -= shown;
        const inherited = config.findings.filter((f) => f.preExisting);
        if (inherited.length > 0 && detail.full) {
            out.push(folded(`${plural(inherited.length, 'finding')} already on the base branch (not caused by this pull request)`, findingsSection(inherited, inherited.length, opts, { full: false, maxFindings: Infinity })));
        }
        if (detail.full)
            out.push(diagram(config.touchedTables));
        if (detail.full && config.notes.length > 0)
            out.push(folded('Notes', noteList(config.notes)));
    }
    const notes = ownNotes(report);
    if (notes.length > 0)
        out.push(folded('Notes', noteList(notes)));
    out.push(footer(report, opts));
    return out.filter((s) => s !== '').join('\n\n') + '\n';
}
/** Report notes that are not a config's note repeated (the engine copies those up, prefixed with the config). */
function ownNotes(report) {
    return report.notes.filter((n) => !report.configs.some((c) => c.notes.some((cn) => n === cn || n === `${c.config}: ${cn}`)));
}
function verdict(report) {
    const all = report.configs.length > 0 ? report.configs.flatMap((c) => c.findings) : report.findings;
    const counts = countBySeverity(all);
    const newMigrations = report.migrations.filter((m) => m.new).length;
    const parts = [
        report.base === undefined ? `${plural(report.migrations.length, 'migration')} checked` : `${plural(newMigrations, 'new migration')}`,
        counts.error || counts.warning || counts.info ? severitySummary(counts) : 'no findings',
    ];
    // Every failing category is named, in exit-code precedence order: the first one gives the exit code.
    const failing = EXIT_PRECEDENCE.filter((c) => report.categories[c] === 'fail').map((c) => FAILURE_MEANING[c]);
    const head = report.exitCode === 0
        ? `✅ **drizzle-guard passed** (exit code 0)`
        : `❌ **drizzle-guard failed: ${failing.length > 0 ? failing.join('; ') : 'a check failed'}** (exit code ${report.exitCode})`;
    return `${head} — ${parts.join(', ')}`;
}
function categoryLine(categories) {
    return CATEGORIES.map((c) => `${c} ${STATUS_ICON[categories[c]]}`).join(' · ');
}
function migrationTable(config, hasBase, opts) {
    const fresh = config.migrations.filter((m) => m.new);
    if (fresh.length === 0) {
        if (config.migrations.length === 0)
            return '';
        // Without a base nothing can be told apart as new: say so rather than "no new migrations".
        return hasBase
            ? `No new migrations in ${code(config.out ?? 'the migrations folder')}.`
            : `No base commit given: all ${plural(config.migrations.length, 'migration')} in ${code(config.out ?? 'the migrations folder')} were checked.`;
    }
    const rows = fresh.map((m) => `| ${fileLink(m.file, opts, undefined, code(m.tag, true))} | ${m.statements} | ${risk(m, config.findings)} |`);
    const table = ['| New migration | Statements | Risk |', '| --- | ---: | --- |', ...rows].join('\n');
    return rows.length > 10 ? folded(`${fresh.length} new migrations`, table) : table;
}
function risk(m, findings) {
    const mine = findings.filter((f) => f.migration === m.tag || f.file === m.file);
    return mine.length === 0 ? '🟢 no findings' : severitySummary(countBySeverity(mine));
}
function findingsSection(findings, limit, opts, detail) {
    if (findings.length === 0)
        return '';
    const sorted = [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    const shown = sorted.slice(0, limit);
    const byFile = new Map();
    for (const f of shown)
        byFile.set(f.file ?? '', [...(byFile.get(f.file ?? '') ?? []), f]);
    const out = [];
    for (const [file, list] of byFile) {
        out.push(`#### ${file === '' ? 'General' : fileLink(file, opts, undefined, code(file))}`);
        // A rule that repeats in a file is one item: its why and fix once, then each place with its SQL.
        const byRule = new Map();
        for (const f of list)
            byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
        const items = [...byRule.values()].map((group) => (group.length === 1 ? findingItem(group[0], opts, detail) : ruleGroup(group, opts, detail)));
        // The most severe stay in sight; a long tail of one file is folded.
        const open = items.length > FOLD_FINDINGS ? FOLD_FINDINGS_KEEP : items.length;
        out.push(items.slice(0, open).join('\n'));
        if (open < items.length)
            out.push(folded(`${plural(items.length - open, 'more finding')} in this file`, items.slice(open).join('\n')));
    }
    if (shown.length < findings.length)
        out.push(`…and ${plural(findings.length - shown.length, 'more finding')} not shown here.`);
    return out.join('\n\n');
}
function findingItem(f, opts, detail) {
    const where = f.file && f.line ? ` · ${fileLink(f.file, opts, f, `line ${f.line}`)}` : '';
    const head = `- ${SEVERITY_ICON[f.severity]} **${f.severity}** · [\`${f.ruleId}\`](${ruleDocUrl(f.ruleId)})${where}: ${inline(f.message)}`;
    if (!detail.full)
        return head;
    const body = [];
    const excerpt = statementOf(f, opts);
    if (excerpt)
        body.push(excerpt);
    if (f.evidence)
        body.push(`**PostgreSQL (replay):** ${inline(`${f.evidence.sqlstate ? `ERROR ${f.evidence.sqlstate}: ` : ''}${f.evidence.message}`)}`);
    if (f.help)
        body.push(`**Fix:** ${inline(f.help)}`);
    if (f.sql) {
        const block = fence('sql', f.sql);
        body.push(f.sql.split('\n').length > FOLD_SQL_LINES ? folded('SQL to generate', block) : block);
    }
    return [head, ...body.map(indent)].join('\n\n');
}
/** Several findings of one rule in one file: the rule and its fix once, then each place with its message and SQL. */
function ruleGroup(group, opts, detail) {
    const [first] = group;
    const severity = group.reduce((worst, f) => (compareSeverity(f.severity, worst) < 0 ? f.severity : worst), first.severity);
    const head = `- ${SEVERITY_ICON[severity]} **${severity}** · [\`${first.ruleId}\`](${ruleDocUrl(first.ruleId)}) · ${group.length} places`;
    const places = group.map((f) => {
        const where = f.file && f.line ? `${fileLink(f.file, opts, f, `line ${f.line}`)}: ` : '';
        const excerpt = detail.full ? statementOf(f, opts) : undefined;
        return [`- ${where}${inline(f.message)}`, ...(excerpt ? [indent(excerpt)] : [])].join('\n\n');
    });
    const fix = detail.full && first.help ? [`**Fix:** ${inline(first.help)}`] : [];
    return [head, ...[...places, ...fix].map(indent)].join('\n\n');
}
/** The offending statement, as a short `sql` excerpt headed by its first line number. */
function statementOf(f, opts) {
    if (!opts.excerpt || !f.file || !f.line || f.sql)
        return undefined;
    const text = opts.excerpt(f.file, f.line, f.endLine ?? f.line);
    if (!text || text.trim() === '')
        return undefined;
    const lines = text.replace(/\s+$/, '').split('\n');
    const shown = lines.length > EXCERPT_LINES ? [...lines.slice(0, EXCERPT_LINES), '…'] : lines;
    return fence('sql', `-- line ${f.line}\n${shown.join('\n')}`);
}
function diagram(tables) {
    if (!tables || tables.length === 0)
        return '';
    const touched = tables.filter((t) => t.status !== 'referenced');
    if (tables.length > MAX_DIAGRAM_TABLES) {
        const list = (status) => tables.filter((t) => t.status === status).map((t) => code(t.name));
        return [
            ['Tables added', list('added')],
            ['Tables changed', list('changed')],
            ['Tables dropped', list('dropped')],
        ]
            .filter(([, names]) => names.length > 0)
            .map(([label, names]) => `${label}: ${names.join(', ')}`)
            .join('\n\n');
    }
    const lines = ['erDiagram'];
    const ids = new Map(tables.map((t) => [t.name, mermaidId(t.name)]));
    for (const t of tables) {
        const label = t.status === 'referenced' ? '' : ` ${t.status === 'dropped' ? 'DROPPED' : t.status}`;
        lines.push(`  ${ids.get(t.name)}["${mermaidText(t.name)}${label}"] {`);
        for (const c of t.columns) {
            const keys = [c.primaryKey ? 'PK' : '', t.foreignKeys.some((fk) => fk.columns.includes(c.name)) ? 'FK' : ''].filter(Boolean).join(',');
            const name = mermaidName(c.name);
            const notes = [
                c.change === 'dropped' ? 'DROPPED' : c.change === 'changed' && c.previousType ? `${c.previousType} → ${c.type}` : c.change,
                name !== c.name ? `name: ${c.name}` : undefined,
                mermaidWord(c.type) !== c.type && c.change !== 'changed' ? c.type : undefined,
            ].filter(Boolean);
            const note = notes.length > 0 ? ` "${mermaidText(notes.join('; '))}"` : '';
            lines.push(`    ${mermaidWord(c.type)} ${name}${keys ? ` ${keys}` : ''}${note}`);
        }
        lines.push('  }');
    }
    for (const t of tables) {
        for (const fk of t.foreignKeys) {
            const target = ids.get(fk.table) ?? mermaidId(fk.table);
            lines.push(`  ${ids.get(t.name)} }o--|| ${target} : "${mermaidText(fk.columns.join(', '))}"`);
        }
    }
    return folded(`ER diagram of the ${plural(touched.length, 'table')} this PR touches`, fence('mermaid', lines.join('\n')));
}
function footer(report, opts) {
    const parts = [`drizzle-guard ${report.version}`];
    if (report.base)
        parts.push(`base \`${report.base.slice(0, 12)}\``);
    if (opts.links)
        parts.push(`head \`${opts.links.ref.slice(0, 12)}\``);
    return `<sub>${parts.join(' · ')}</sub>`;
}
/** Link to a file (and line range) at the reviewed commit; plain text without link options. */
function fileLink(file, opts, at, text) {
    if (!opts.links)
        return text;
    const { serverUrl, repository, ref } = opts.links;
    const path = repoPath(opts.pathPrefix, file);
    let anchor = '';
    if (at?.line)
        anchor = at.endLine && at.endLine > at.line ? `#L${at.line}-L${at.endLine}` : `#L${at.line}`;
    return `[${text}](${serverUrl}/${repository}/blob/${ref}/${path.split('/').map(encodeURIComponent).join('/')}${anchor})`;
}
/** The config as the repository shows it (under the working directory), so monorepo comments say which one. */
function configTitle(c, opts) {
    const name = code(repoPath(opts.pathPrefix, c.config ?? c.out ?? 'migrations'));
    return c.dialect ? `${name} (${c.dialect})` : name;
}
function repoPath(prefix, file) {
    return [prefix, file].filter((p) => p !== undefined && p !== '' && p !== '.').join('/');
}
function asConfig(report) {
    return { exitCode: report.exitCode, categories: report.categories, findings: report.findings, migrations: report.migrations, notes: [] };
}
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
function severitySummary(c) {
    const parts = [];
    if (c.error)
        parts.push(`${SEVERITY_ICON.error} ${plural(c.error, 'error')}`);
    if (c.warning)
        parts.push(`${SEVERITY_ICON.warning} ${plural(c.warning, 'warning')}`);
    if (c.info)
        parts.push(`${SEVERITY_ICON.info} ${plural(c.info, 'note')}`);
    return parts.join(', ');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function folded(summary, body) {
    return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** A code fence longer than any backtick run inside, so SQL can never close it. */
function fence(lang, code) {
    const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    return `${ticks}${lang}\n${code.replace(/\s+$/, '')}\n${ticks}`;
}
function indent(block) {
    return block
        .split('\n')
        .map((l) => (l === '' ? l : `  ${l}`))
        .join('\n');
}
/**
 * Keeps a message on its list item and out of raw HTML (a stray tag could swallow the rest of the comment).
 * Code spans are left alone: GitHub shows entities inside them literally.
 */
function inline(text) {
    return text
        .split(/(`[^`\n]+`)/)
        .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
        .join('')
        .replace(/\r?\n+/g, ' ');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * Text from the repository (file names, tags, identifiers in messages) as plain markdown text: no HTML,
 * no links, emphasis, headings, tables or line breaks it could open.
 */
function escapeMarkdown(text) {
    // On one line, in the middle of a list item: headings, lists and quotes cannot start; `(` is harmless once `[` is escaped.
    return escapeHtml(text)
        .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
        .replace(/\r?\n+/g, ' ');
}
/** A code span that holds any text: a fence longer than its backtick runs, on one line; in a table `|` is escaped. */
function code(text, inTable = false) {
    const oneLine = text.replace(/\r?\n+/g, ' ');
    const flat = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}
/** Durations ("412 ms", "1.2 s") differ on every run. */
function withoutTimings(text) {
    return text.replace(/,? ?(?:start|replay)? ?\d+(?:\.\d+)? ?m?s\b/g, '').replace(/\s{2,}/g, ' ');
}
function mermaidId(name) {
    return `t_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
/** A type as one mermaid word: `numeric(10,2)` would end the attribute at its comma. */
function mermaidWord(word) {
    return word.replace(/[^A-Za-z0-9_]/g, '_') || '_';
}
/**
 * An attribute name mermaid cannot misread: `pk`, `fk`, `uk` (any case) are key markers to its lexer and a
 * name must start with a letter, so those get a leading underscore (the real name goes in the comment).
 */
function mermaidName(name) {
    const word = mermaidWord(name);
    return /^(pk|fk|uk)$/i.test(word) || /^[0-9]/.test(word) ? `_${word}` : word;
}
/** Text inside a mermaid string: no double quote can end it. */
function mermaidText(text) {
    return text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
}
function measure(text, unit) {
    return unit === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}
function fits(text, limit) {
    return measure(text, limit.unit) <= limit.max;
}
/** Last resort (a single huge note or message): cut at a line break and close an open fence or fold. */
function cut(text, limit) {
    const closing = '\n```\n\n</details>';
    let end = Math.max(0, Math.floor(limit.max / (limit.unit === 'bytes' ? 4 : 1)) - closing.length);
    while (end > 0 && text[end] !== '\n')
        end--;
    let head = text.slice(0, end);
    const fences = (head.match(/^`{3,}/gm) ?? []).length;
    if (fences % 2 === 1)
        head += '\n```';
    const opened = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
    for (let i = 0; i < opened; i++)
        head += '\n\n</details>';
    return head;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rules that
// produced findings (with their help), results at repository-relative locations, and fingerprints
// that do not move when lines shift, so an alert stays the same alert across pushes.


const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
function renderSarif(report, opts = {}) {
    const configs = report.configs.length > 0
        ? report.configs
        : [{ exitCode: report.exitCode, categories: report.categories, findings: report.findings, migrations: report.migrations, notes: [] }];
    const known = new Map((opts.rules ?? []).map((r) => [r.id, r]));
    const ruleIds = [];
    const seen = new Map();
    const results = configs.flatMap((config) => config.findings.map((f) => {
        if (!ruleIds.includes(f.ruleId))
            ruleIds.push(f.ruleId);
        return result(f, config, ruleIds.indexOf(f.ruleId), opts.pathPrefix, seen);
    }));
    const rules = ruleIds.map((id) => ruleDescriptor(id, known.get(id), configs));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'drizzle-guard',
                        version: report.version,
                        informationUri: 'https://github.com/drizzle-guard/drizzle-guard',
                        rules,
                    },
                },
                results,
            },
        ],
    };
    return JSON.stringify(log, null, 2) + '\n';
}
function ruleDescriptor(id, meta, configs) {
    const sample = configs.flatMap((c) => c.findings).find((f) => f.ruleId === id);
    const description = meta?.description ?? sample?.message ?? id;
    const help = meta?.help ?? sample?.help ?? `See ${ruleDocUrl(id)}`;
    const severity = meta?.defaultSeverity ?? sample?.severity ?? 'warning';
    return {
        id,
        name: id,
        shortDescription: { text: firstSentence(description) },
        fullDescription: { text: description },
        help: { text: help, markdown: `${help}\n\n[Rule documentation](${ruleDocUrl(id)})` },
        helpUri: ruleDocUrl(id),
        defaultConfiguration: { level: LEVEL[severity] },
        properties: { category: meta?.category ?? sample?.category },
    };
}
function result(f, config, ruleIndex, prefix, seen) {
    // Code scanning needs a location on every result: a finding without a file points at its config (or folder).
    const file = f.file ?? config.config ?? config.out;
    const uri = file === undefined ? undefined : sarif_repoPath(prefix, file);
    const region = f.file && f.line
        ? {
            startLine: f.line,
            ...(f.column ? { startColumn: f.column } : {}),
            ...(f.endLine ? { endLine: f.endLine } : {}),
            // A zero-width range (a comment's position) is an empty region: the start column alone marks the place.
            ...(f.endColumn && !(f.column && (f.endLine ?? f.line) === f.line && f.endColumn <= f.column) ? { endColumn: f.endColumn } : {}),
        }
        : { startLine: 1 };
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.help ? `${f.message}\nFix: ${f.help}` : f.message },
        ...(uri ? { locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }] } : {}),
        partialFingerprints: { 'drizzleGuard/v2': fingerprint(f, uri, seen) },
        properties: { category: f.category, ...(f.migration ? { migration: f.migration } : {}) },
    };
}
/**
 * Rule, file, migration and position: one per finding (three findings of a rule in one file are three alerts),
 * the same on every run of the same files. Not the message, whose wording may change between versions. A
 * migration is never edited once applied, so positions in it do not move; findings without a position are
 * told apart by their order.
 */
function fingerprint(f, uri, seen) {
    const key = [f.ruleId, uri ?? '', f.migration ?? '', f.line ?? '', f.column ?? '', f.endLine ?? '', f.endColumn ?? ''].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return (0,external_node_crypto_.createHash)('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
}
function sarif_repoPath(prefix, file) {
    const parts = [prefix, file].filter((p) => p !== undefined && p !== '' && p !== '.');
    return parts.join('/').replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}
function firstSentence(text) {
    const m = /^(.+?[.!?])(\s|$)/s.exec(text);
    return (m ? m[1] : text).replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/report/text.ts
// The default terminal output: findings grouped by file, `path:line:col  severity  rule-id  message`.


const EXIT_MEANING = {
    0: 'ok',
    1: 'schema drift',
    2: 'integrity or replay failure',
    3: 'pending migrations',
    4: 'configuration error',
    5: 'unsafe SQL',
};
function renderText(report, { color }) {
    const paint = (style, s) => (color ? (0,external_node_util_.styleText)(style, s) : s);
    const severityStyle = { error: 'red', warning: 'yellow', info: 'cyan' };
    const lines = [];
    for (const [file, findings] of groupByFile(report.findings)) {
        lines.push(paint('underline', file ?? '(general)'));
        for (const f of findings) {
            const where = `${file ?? ''}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}`;
            lines.push(`  ${where}  ${paint(severityStyle[f.severity], f.severity.padEnd(7))}  ${paint('dim', f.ruleId)}  ${f.message}`);
            if (f.evidence)
                lines.push(`      ${paint('dim', `replay: ${f.evidence.sqlstate ? `ERROR ${f.evidence.sqlstate}: ` : ''}${f.evidence.message}`)}`);
            if (f.sql)
                lines.push(...f.sql.trimEnd().split('\n').map((l) => `      ${paint('dim', l)}`));
        }
        lines.push('');
    }
    for (const note of report.notes)
        lines.push(paint('dim', `note: ${note}`));
    const count = (s) => report.findings.filter((f) => f.severity === s).length;
    const categories = Object.entries(report.categories)
        .map(([c, s]) => `${c} ${s}`)
        .join(' · ');
    const newCount = report.migrations.filter((m) => m.new).length;
    const summary = `${report.findings.length === 0 ? '✔' : '✖'} ${report.findings.length} finding(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` +
        ` in ${report.migrations.length} migration(s)${report.base ? ` (${newCount} new since ${report.base})` : ''}`;
    lines.push(paint(report.exitCode === 0 ? 'green' : 'red', summary));
    const meaning = report.exitCode === 2 && report.categories.integrity !== 'fail' && report.categories.replay === 'fail' ? 'a migration fails on PostgreSQL' : EXIT_MEANING[report.exitCode];
    lines.push(`${categories} · exit ${report.exitCode} (${meaning ?? 'unknown'})`);
    return lines.join('\n') + '\n';
}
function groupByFile(findings) {
    const groups = new Map();
    for (const f of findings)
        groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
    for (const list of groups.values())
        list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareSeverity(a.severity, b.severity));
    return new Map([...groups].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')));
}

;// CONCATENATED MODULE: ./src/report/render.ts
// Picks the renderer for --format.




function render_render(report, format, opts) {
    const paths = opts.pathPrefix ? { pathPrefix: opts.pathPrefix } : {};
    switch (format) {
        case 'json':
            return JSON.stringify(report, null, 2) + '\n';
        case 'markdown':
            return renderMarkdown(report, paths);
        case 'sarif':
            return renderSarif(report, { ...paths, rules: RULES });
        case 'text':
            return renderText(report, opts);
    }
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line flags → CheckOptions. Usage errors become a UsageError (exit 4), never a stack trace.


class UsageError extends Error {
}
const HELP = `drizzle-guard — guards Drizzle ORM migrations: drift, journal integrity, SQL safety, replay, pending.

Usage:
  drizzle-guard check [options]

Options:
  --cwd DIR               Project folder (default: the current directory).
  --config FILE           drizzle config file, relative to --cwd; repeat for several configs
                          (default: drizzle.config.{ts,mts,cts,js,mjs,cjs,json} in --cwd).
  --out DIR               Migrations folder (overrides the config's "out"; works without a config).
  --dialect NAME          ${DIALECTS.filter((d) => d !== 'gel').join('|')} (overrides the config's "dialect").
  --base GIT-REF          Compare with this commit: migrations added since are "new", older ones "applied";
                          edits to and deletions of applied migrations are reported.
  --format FORMAT         text (default) | json | markdown | sarif.
  --output FILE           Write the report to FILE instead of stdout (a text summary still goes to stdout).
  --fail-on LEVEL         error | warning | never: the lowest severity that fails the check
                          (default: failOn in .drizzle-guard.json, else error).
  --no-drift              Do not compare the TypeScript schema with the snapshots.
  --no-lint               Do not lint the SQL.
  --replay                Replay migrations on an embedded PostgreSQL (PGlite) even with no new migration.
  --no-replay             Never replay.
  --replay-seed           Before the new migrations run, insert a row into every table and trace what each
                          new statement does to it (locks, rewrites, scans, failures on rows). On by default.
  --replay-timeout SECONDS  Replay time limit per statement (default 60; the whole replay: ten times that).
  --database-url URL      Compare with a live database's __drizzle_migrations (read-only). Prefer the
                          DRIZZLE_GUARD_DATABASE_URL environment variable: command lines are visible to others.
  -h, --help              Show this help.
  -v, --version           Print the version.

Exit codes:
  0 ok · 1 schema drift · 2 integrity or replay failure · 3 pending migrations · 4 configuration or usage error
  5 unsafe SQL. Only findings at or above --fail-on count; with several failures the first of 4, 2, 1, 3, 5 wins.
`;
function parseCommand(argv, env, cwd) {
    let parsed;
    try {
        parsed = parseFlags(argv);
    }
    catch (e) {
        throw new UsageError(`${flagError(e)} (see --help)`);
    }
    const { values: v, positionals } = parsed;
    if (v.help)
        return { kind: 'help' };
    if (v.version)
        return { kind: 'version' };
    if (positionals.length === 0)
        throw new UsageError('missing command: drizzle-guard check [options] (see --help)');
    if (positionals[0] !== 'check' || positionals.length > 1)
        throw new UsageError(`unknown command: ${positionals.join(' ')} (see --help)`);
    if (v.replay && v['no-replay'])
        throw new UsageError('--replay and --no-replay contradict each other (see --help)');
    return {
        kind: 'check',
        options: {
            cwd: v.cwd ?? cwd,
            configs: v.config ?? [],
            ...(v.out !== undefined ? { out: v.out } : {}),
            ...(v.dialect !== undefined ? { dialect: oneOf('--dialect', v.dialect, DIALECTS) } : {}),
            ...(v.base !== undefined ? { base: v.base } : {}),
            format: oneOf('--format', v.format ?? 'text', ['text', 'json', 'markdown', 'sarif']),
            ...(v.output !== undefined ? { output: v.output } : {}),
            ...(v['fail-on'] !== undefined ? { failOn: oneOf('--fail-on', v['fail-on'], ['error', 'warning', 'never']) } : {}),
            drift: !v['no-drift'],
            lint: !v['no-lint'],
            replay: v.replay ? true : v['no-replay'] ? false : 'auto',
            // --replay-seed names the traced replay, which is now the default: the flag stays accepted.
            replaySeed: true,
            ...(v['replay-timeout'] !== undefined ? { replayTimeout: positiveSeconds('--replay-timeout', v['replay-timeout']) } : {}),
            ...(v['database-url'] ?? env.DRIZZLE_GUARD_DATABASE_URL ? { databaseUrl: v['database-url'] ?? env.DRIZZLE_GUARD_DATABASE_URL } : {}),
            allowCodeExecution: true,
        },
    };
}
function parseFlags(argv) {
    return (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            cwd: { type: 'string' },
            config: { type: 'string', multiple: true },
            out: { type: 'string' },
            dialect: { type: 'string' },
            base: { type: 'string' },
            format: { type: 'string' },
            output: { type: 'string' },
            'fail-on': { type: 'string' },
            'no-drift': { type: 'boolean' },
            'no-lint': { type: 'boolean' },
            replay: { type: 'boolean' },
            'no-replay': { type: 'boolean' },
            'replay-seed': { type: 'boolean' },
            'replay-timeout': { type: 'string' },
            'database-url': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
            version: { type: 'boolean', short: 'v' },
        },
    });
}
function positiveSeconds(name, value) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0)
        throw new UsageError(`${name} must be a number of seconds greater than 0; got ${JSON.stringify(value)}`);
    return n;
}
function oneOf(flag, value, allowed) {
    if (!allowed.includes(value))
        throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)} (see --help)`);
    return value;
}
/** parseArgs' complaint in our words: which flag, and what is wrong with it. */
function flagError(e) {
    const flag = /'(-[^' ]+)/.exec(e.message)?.[1] ?? 'an option';
    switch (e.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown option ${flag}`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return /does not take an argument/.test(e.message) ? `${flag} takes no value` : `${flag} needs a value`;
        default:
            return e.message;
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The CLI: flags → engine → rendered report → exit code.








/** Runs the CLI and returns its exit code. */
async function runCli(io) {
    let command;
    try {
        command = parseCommand(io.argv, io.env, io.cwd);
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        io.stderr.write(`drizzle-guard: ${e.message}\n`);
        return EXIT.config;
    }
    if (command.kind === 'help')
        return io.stdout.write(HELP), EXIT.ok;
    if (command.kind === 'version')
        return io.stdout.write(`${VERSION}\n`), EXIT.ok;
    const { options } = command;
    const report = await runCheck(options);
    const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
    const root = options.format === 'sarif' || options.format === 'markdown' ? gitRoot(external_node_path_.resolve(io.cwd, options.cwd)) : undefined;
    const pathPrefix = root ? external_node_path_.relative(root, external_node_path_.resolve(io.cwd, options.cwd)).split(external_node_path_.sep).join('/') : '';
    const rendered = render_render(report, options.format, { color: options.output ? false : color, ...(pathPrefix ? { pathPrefix } : {}) });
    if (options.output) {
        const target = external_node_path_.resolve(io.cwd, options.output);
        try {
            external_node_fs_.mkdirSync(external_node_path_.dirname(target), { recursive: true });
            external_node_fs_.writeFileSync(target, rendered);
        }
        catch (e) {
            io.stderr.write(`drizzle-guard: cannot write --output ${options.output}: ${e.message}\n`);
            return EXIT.config;
        }
        if (options.format !== 'text')
            io.stdout.write(render_render(report, 'text', { color }));
    }
    else {
        io.stdout.write(rendered);
    }
    return report.exitCode;
}


/***/ })

};
