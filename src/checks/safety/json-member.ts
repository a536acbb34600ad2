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
export function jsonEntryWithMember(text: string, key: string, mark: string): Record<string, unknown> | undefined {
  const needle = JSON.stringify(key);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    // A key: preceded by `{` or `,` (and white space), followed by `:`.
    let b = at - 1;
    while (b >= 0 && ' \t\r\n'.includes(text[b]!)) b--;
    if (b >= 0 && text[b] !== '{' && text[b] !== ',') continue;
    const colon = skipSpace(text, at + needle.length);
    if (text[colon] !== ':') continue;
    const start = skipSpace(text, colon + 1);
    if (text[start] !== '{') continue;
    const end = skipValue(text, start);
    if (end < 0) return undefined;
    try {
      const value = JSON.parse(text.slice(start, end)) as Record<string, unknown>;
      if (mark in value) return value;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The value at `keys` (object members only), or undefined when absent or not scannable. */
export function jsonMember(text: string, keys: readonly string[]): unknown {
  let i = skipSpace(text, 0);
  for (const key of keys) {
    if (text[i] !== '{') return undefined;
    i = findMember(text, i, key);
    if (i < 0) return undefined;
  }
  const end = skipValue(text, i);
  if (end < 0) return undefined;
  try {
    return JSON.parse(text.slice(i, end));
  } catch {
    return undefined;
  }
}

/** Offset of the value of member `key` of the object at `open`, or -1. */
function findMember(text: string, open: number, key: string): number {
  let i = skipSpace(text, open + 1);
  while (i < text.length && text[i] !== '}') {
    if (text[i] !== '"') return -1;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return -1;
    const name = text.slice(i + 1, keyEnd - 1);
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return -1;
    i = skipSpace(text, i + 1);
    // Keys with escapes are compared after decoding.
    if ((name.includes('\\') ? JSON.parse(`"${name}"`) : name) === key) return i;
    i = skipValue(text, i);
    if (i < 0) return -1;
    i = skipSpace(text, i);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return -1;
}

const STRUCTURE = /["{}[\]]/g;

/** End offset of the JSON value starting at `i`, or -1. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    let j = i;
    while (j < text.length && !',}] \t\r\n'.includes(text[j]!)) j++;
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
      if (end < 0) return -1;
      STRUCTURE.lastIndex = end;
    } else if (d === 123 || d === 91) depth++;
    else {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/** End offset (after the closing quote) of the string starting at `i`, or -1. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    // A quote preceded by an odd number of backslashes is escaped.
    let b = q - 1;
    while (b > i && text.charCodeAt(b) === 92) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  return i;
}
