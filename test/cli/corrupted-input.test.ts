// Bad input never crashes: real fixture files corrupted in reproducible ways (a seeded generator), run through
// the bundled CLI with every check that needs no network. Each run must end with a documented exit code and
// neither a stack trace nor a crashed check.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyFixture } from '../helpers/project.js';

/** A small linear congruential generator: the same corruptions on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

const CORRUPTIONS: Record<string, (bytes: Buffer, random: () => number) => Buffer | string> = {
  truncated: (b, r) => b.subarray(0, Math.floor(b.length * r())),
  'random bytes': (b, r) => {
    const copy = Buffer.from(b);
    for (let k = 0; k < 20; k++) copy[Math.floor(r() * copy.length)] = Math.floor(r() * 256);
    return copy;
  },
  'wrong JSON shape': () => JSON.stringify([null, 1, 'x', { entries: 5 }]),
  'binary and astral characters': () => '\u0000\uFFFF💥'.repeat(100),
};

const cases = ['pg-clean', 'lint-pg', 'pg-broken', 'sqlite-clean'].flatMap((fixture, f) =>
  Object.keys(CORRUPTIONS).map((corruption, c) => [fixture, corruption, f * 10 + c] as const),
);

describe('corrupted migration folders', () => {
  it.each(cases)('%s, %s: a finding or a configuration error, never a crash', (fixture, corruption, seed) => {
    const random = generator(seed + 1);
    const dir = copyFixture(fixture);
    const files = fs
      .readdirSync(path.join(dir, 'drizzle'), { recursive: true })
      .map(String)
      .filter((f) => /\.(sql|json)$/.test(f))
      .sort();
    const target = path.join(dir, 'drizzle', files[Math.floor(random() * files.length)]!);
    fs.writeFileSync(target, CORRUPTIONS[corruption]!(fs.readFileSync(target), random));
    const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', dir, '--no-drift', '--replay', '--format', 'json'], { encoding: 'utf8' });
    expect([0, 2, 4, 5]).toContain(r.status);
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'check-crashed')).toEqual([]);
  });
});
