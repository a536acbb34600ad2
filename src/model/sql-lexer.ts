// A minimal SQL lexer: enough to find where top-level statements end without a full parser
// (quotes, dollar quotes, comments, and SQLite/MySQL trigger bodies).

import type { Dialect } from './types.js';

/** UTF-16 offsets in `text` at which each top-level statement starts (comments and blanks skipped). */
export function statementStarts(text: string, dialect: Dialect): number[] {
  const starts: number[] = [];
  let expectStart = true;
  let blockDepth = 0; // BEGIN … END of trigger bodies (SQLite, MySQL)
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '-' && text[i + 1] === '-') {
      i = lineEnd(text, i);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (expectStart) {
      starts.push(i);
      expectStart = false;
    }
    if (c === "'" || c === '"' || c === '`') {
      i = quotedEnd(text, i, c, dialect !== 'postgresql' || text[i - 1] === 'E' || text[i - 1] === 'e');
      continue;
    }
    if (c === '$' && dialect === 'postgresql') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const end = text.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? n : end + tag[0].length;
        continue;
      }
    }
    if (dialect !== 'postgresql' && /[A-Za-z]/.test(c)) {
      const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 16))![0].toUpperCase();
      if (word === 'BEGIN' && /\bTRIGGER\b/i.test(text.slice(starts[starts.length - 1] ?? 0, i))) blockDepth++;
      else if (word === 'END' && blockDepth > 0) blockDepth--;
      i += word.length;
      continue;
    }
    if (c === ';' && blockDepth === 0) expectStart = true;
    i++;
  }
  return starts;
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end + 1;
}

function quotedEnd(text: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (backslashEscapes && c === '\\') j += 2;
    else if (c === quote && text[j + 1] === quote) j += 2;
    else if (c === quote) return j + 1;
    else j++;
  }
  return text.length;
}
