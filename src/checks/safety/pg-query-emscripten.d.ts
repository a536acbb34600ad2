// Minimal typing of the parts of pg-query-emscripten that parser.ts uses (the package ships none).
declare module 'pg-query-emscripten/pg_query_wasm.js' {
  interface RawError {
    message: string;
    cursorpos: number;
  }
  export interface PgQueryModule {
    allocate(bytes: Uint8Array, allocator: number): number;
    raw_parse(pointer: number): { parse_tree: string; error: RawError | null };
    _free(pointer: number): void;
  }
  const factory: new () => Promise<PgQueryModule>;
  export default factory;
}
