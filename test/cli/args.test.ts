// Usage errors in our own words, each pointing at --help.
import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args.js';

function usageError(argv: string[]): string {
  try {
    parseCommand(argv, {}, '/');
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('CLI usage errors', () => {
  it.each([
    [['check', '--bogus'], 'unknown option --bogus (see --help)'],
    [['check', '-x'], 'unknown option -x (see --help)'],
    [['check', '--cwd'], '--cwd needs a value (see --help)'],
    [['check', '--base', '--format', 'json'], '--base needs a value (see --help)'],
    [['check', '--no-drift=yes'], '--no-drift takes no value (see --help)'],
    [['check', '--format', 'xml'], '--format must be one of text, json, markdown, sarif; got "xml" (see --help)'],
  ])('%j → %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});
