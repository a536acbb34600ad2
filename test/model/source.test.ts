import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/model/folder.js';
import { SourceText, utf16OffsetOfUtf8 } from '../../src/model/source.js';

describe('SourceText', () => {
  it('counts columns in code points across multi-byte and astral characters', () => {
    const text = '-- café 🚀 naïve\nALTER TABLE "é" DROP COLUMN "x";';
    const s = new SourceText(text);
    expect(s.positionAt(text.indexOf('naïve'))).toEqual({ line: 1, column: 11 }); // '-- café 🚀 ' is 10 code points
    expect(s.positionAt(text.indexOf('DROP'))).toEqual({ line: 2, column: 17 });
  });

  it('maps UTF-8 byte offsets (as the PostgreSQL parser reports them) to string offsets', () => {
    const text = 'é🚀x';
    // é = 2 bytes, 🚀 = 4 bytes (2 UTF-16 units): 'x' is at byte 6 and UTF-16 offset 3.
    expect(utf16OffsetOfUtf8(text, 6)).toBe(3);
    expect(text[utf16OffsetOfUtf8(text, 6)]).toBe('x');
  });
});

describe('splitStatements', () => {
  it('splits on breakpoints exactly as the migrator does and locates each trimmed chunk', () => {
    const sql = '-- ünïcode comment\nCREATE TABLE "a" ("id" int);--> statement-breakpoint\n  ALTER TABLE "a" ADD COLUMN "b" text;';
    const [first, second] = splitStatements(sql);
    expect(first!.span).toEqual({ start: { line: 1, column: 1 }, end: { line: 2, column: 28 } });
    expect(second!.span.start).toEqual({ line: 3, column: 3 });
    expect(sql.slice(second!.offset, second!.offset + second!.text.length)).toBe(second!.text);
  });

  it('drops empty chunks but keeps indexes consecutive', () => {
    expect(splitStatements('SELECT 1;--> statement-breakpoint\n\n--> statement-breakpoint\nSELECT 2;').map((s) => s.index)).toEqual([0, 1]);
  });
});
