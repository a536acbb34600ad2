// A drizzle config read as text, never executed: where the repository's code must not run (a fork's PR
// under pull_request_target), `out` and `dialect` are taken from the config when they are plain string
// literals, as drizzle-kit writes them (`out: './drizzle'`, `"dialect": "postgresql"`).

/** The string literal assigned to each key, when it is assigned exactly once. */
export function configLiterals(source: string): { out?: string; dialect?: string } {
  const code = withoutComments(source);
  const found: { out?: string; dialect?: string } = {};
  for (const key of ['out', 'dialect'] as const) {
    // A key, quoted or not, then a literal without interpolation or escapes: anything computed is not guessed at.
    const re = new RegExp(`(?:^|[\\s{,])["']?${key}["']?\\s*:\\s*(["'\`])([^"'\`\\\\\\n$]*)\\1`, 'g');
    const values = [...code.matchAll(re)].map((m) => m[2]!);
    if (values.length === 1 && values[0] !== '') found[key] = values[0];
  }
  return found;
}

/** Removes // and /* *\/ comments outside string literals. */
function withoutComments(source: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      out += c;
      if (c === '\\') out += source[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}
