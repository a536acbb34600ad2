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

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { PgQueryModule } from 'pg-query-emscripten/pg_query_wasm.js';

/**
 * The bundles ship libpg_query's wasm as this file beside the chunk: scripts/bundle.mjs takes it out of
 * the JavaScript, where its 1.9 MB of base64 made every run parse a 2 MB module before anything else.
 */
export const PARSER_WASM_FILE = 'pg_query.wasm';

/** A node of the JSON parse tree: `{ NodeType: { ...fields } }`. */
export type PgNode = Record<string, any>;

export interface ParsedStatement {
  stmt: PgNode;
  /** UTF-8 byte offset of the statement in the parsed text. */
  location: number;
}

export type ParseResult =
  | { ok: true; statements: ParsedStatement[] }
  | {
      ok: false;
      message: string;
      /**
       * 0-based offset of the error in code points, if known. Unlike tree locations (UTF-8 bytes),
       * libpg_query's cursorpos counts characters (PostgreSQL's scanner_errposition).
       */
      codePointOffset?: number;
    };

let modulePromise: Promise<PgQueryModule> | undefined;
const encoder = new TextEncoder();
const HEAP = 0; // ALLOC_NORMAL: malloc (the module does not export _malloc itself)

function loadModule(): Promise<PgQueryModule> {
  modulePromise ??= import('pg-query-emscripten/pg_query_wasm.js').then(async (m) => {
    // One call of libpg_query's giant bison parser exhausts V8's tier-up budget, and V8 then compiles
    // it with TurboFan on a background thread: on Node 24 (V8 13) that takes ~600 MB and 2.5 s of CPU,
    // and the process waits for it at exit, for a check that parsed one statement. The baseline tier
    // (Liftoff) parses our statements fast enough. V8 13 compiles wasm functions lazily, on first call,
    // so toggling --liftoff-only around instantiation (what Node 20 honoured) no longer reaches them;
    // the tier-up budget is given to each function at instantiation, so we raise it for this module
    // only and restore V8's default at once, so wasm instantiated later in the process (PGlite) tiers
    // up as usual.
    v8.setFlagsFromString(`--wasm-tiering-budget=${PARSER_TIERING_BUDGET}`);
    try {
      return await instantiate(m.default);
    } finally {
      v8.setFlagsFromString(`--wasm-tiering-budget=${V8_DEFAULT_TIERING_BUDGET}`);
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
async function instantiate(factory: new () => Promise<PgQueryModule>): Promise<PgQueryModule> {
  const wasm = shippedWasm();
  if (!wasm) return new factory();
  // The project's TypeScript libs carry no WebAssembly types (no DOM lib): the one member used, typed here.
  const api = (globalThis as unknown as { WebAssembly: { instantiate(source: unknown, imports?: unknown): Promise<unknown> } }).WebAssembly;
  const original = api.instantiate;
  api.instantiate = (source, imports) => original(ArrayBuffer.isView(source) && source.byteLength === 0 ? wasm : source, imports);
  try {
    return await new factory();
  } finally {
    api.instantiate = original;
  }
}

/** The wasm file beside the bundle's chunk; undefined when running from source (the package embeds it). */
function shippedWasm(): Buffer | undefined {
  try {
    return fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), PARSER_WASM_FILE));
  } catch {
    return undefined;
  }
}

/**
 * Starts loading the parser without waiting: WebAssembly compiles on background threads, so a
 * caller that knows a parse is coming (a PostgreSQL check with --base) can overlap it with other
 * work. Errors surface at the first parseSql().
 */
export function preloadParser(): void {
  loadModule().catch(() => undefined);
}

export async function parseSql(sql: string): Promise<ParseResult> {
  const pg = await loadModule();
  const pointer = pg.allocate(encoder.encode(sql + '\0'), HEAP);
  try {
    const raw = pg.raw_parse(pointer);
    if (raw.error && raw.error.message) {
      const pos = raw.error.cursorpos;
      return { ok: false, message: raw.error.message, ...(pos > 0 ? { codePointOffset: pos - 1 } : {}) };
    }
    const tree = JSON.parse(raw.parse_tree) as { stmts?: { stmt: PgNode; stmt_location?: number }[] };
    return {
      ok: true,
      statements: (tree.stmts ?? []).map((s) => ({ stmt: s.stmt, location: s.stmt_location ?? 0 })),
    };
  } finally {
    pg._free(pointer);
  }
}
