// Offsets ↔ line/column for source text. The parser speaks UTF-8 byte offsets, JavaScript strings
// UTF-16 offsets, and reports speak 1-based line/column in code points: this is the one place
// that converts between them.

import type { Position, Span } from './types.js';

export class SourceText {
  private readonly lineStarts: number[];
  /** Without surrogate pairs a UTF-16 offset is a code-point offset: columns are a subtraction. */
  private readonly hasSurrogates: boolean;

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.hasSurrogates = /[\uD800-\uDFFF]/.test(text);
  }

  /** 1-based position of a UTF-16 offset. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo]!;
    const column = this.hasSurrogates ? codePointCount(this.text, lineStart, clamped) : clamped - lineStart;
    return { line: lo + 1, column: column + 1 };
  }

  /** Span of text[start, end) with white space trimmed on both sides. */
  trimmedSpan(start: number, end: number): Span {
    let s = start;
    let e = end;
    while (s < e && isSpace(this.text.charCodeAt(s))) s++;
    while (e > s && isSpace(this.text.charCodeAt(e - 1))) e--;
    return { start: this.positionAt(s), end: this.positionAt(Math.max(s, e - 1)) };
  }
}

/** UTF-16 offset in `text` of the UTF-8 byte offset `byteOffset` (as the PostgreSQL parser reports). */
export function utf16OffsetOfUtf8(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const cp = text.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** UTF-16 offset in `text` after its first `codePoints` code points (libpg_query and PostgreSQL count those). */
export function utf16OffsetOfCodePoint(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

function codePointCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Count a surrogate pair once.
    if (c >= 0xdc00 && c <= 0xdfff && i > from) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
