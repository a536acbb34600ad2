// Bad input is reported, never crashed on and never waved through: real fixture files corrupted in reproducible
// ways (a seeded generator), run through the bundled CLI with every check that needs no network. Every kind of
// file drizzle-guard reads is hit — the journal, a snapshot, the drizzle config and a migration's SQL — with every
// kind of corruption: across the four fixtures each (file kind, corruption) pair occurs once (a Latin square).
//
// Each project is a git repository whose base commit lacks the fixture's newest migration, so that migration is
// new in the pull request (drift compares its SQL with what drizzle-kit generates, lint reads it) and an older
// one is already applied (editing it is a finding). drizzle-orm sits in node_modules for the schema's imports.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, commitAll, copyFixture, git, linkDrizzleOrmOnly } from '../helpers/project.js';

/** A small linear congruential generator: the same corruptions on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

/** The text without its trailing whitespace: a cut inside it always removes something that matters. */
const significantLength = (b: Buffer) => b.toString('latin1').trimEnd().length;

// Each corruption breaks the file whatever the seed picks (the comments say why), so each must be reported.
const CORRUPTIONS: Record<string, (bytes: Buffer, random: () => number, file: string) => Buffer | string> = {
  // Cut before the last two significant characters: a JSON document loses its closing brace, the config its
  // closing `});` (or its export, if the cut falls before it), and the SQL at least the end of its last
  // statement beyond a lone `;` (e.g. `text;` becomes `tex`, `);` disappears).
  truncated: (b, r) => b.subarray(0, Math.floor(r() * (significantLength(b) - 1))),
  // Control characters (U+0001–U+0008) at seeded places before the end: JSON allows them nowhere unescaped, in
  // TypeScript they are a syntax error outside a string and change a config value inside one (dialect, out or
  // schema then name nothing); in SQL they change a name, a value or the syntax.
  'control characters': (b, r, file) => {
    const copy = Buffer.from(b);
    const end = significantLength(b);
    // In the config only inside the defineConfig call: its header comment would take any character.
    const start = file.endsWith('.ts') ? b.indexOf('defineConfig(') : 0;
    for (let k = 0; k < 20; k++) copy[start + Math.floor(r() * (end - start))] = 1 + Math.floor(r() * 8);
    return copy;
  },
  // Valid JSON of the wrong shape: no journal or snapshot, a config module without a default export, not SQL.
  'wrong JSON shape': () => JSON.stringify([null, 1, 'x', { entries: 5 }]),
  'binary and astral characters': () => '\u0000\uFFFF💥'.repeat(100),
};

type Kind = 'journal' | 'snapshot' | 'config' | 'sql';
const KINDS: Kind[] = ['journal', 'snapshot', 'config', 'sql'];
const FIXTURES = ['pg-clean', 'lint-pg', 'pg-broken', 'sqlite-clean'];
const CORRUPTION_NAMES = Object.keys(CORRUPTIONS);

interface Report {
  findings: { ruleId: string; file?: string }[];
}

/** The files of each kind in a project: SQL files only of journaled migrations (a stray one is already reported). */
function filesByKind(dir: string): Record<Kind, string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return {
    journal: ['drizzle/meta/_journal.json'],
    snapshot: fs.readdirSync(path.join(dir, 'drizzle/meta')).filter((f) => f.endsWith('_snapshot.json')).sort().map((f) => `drizzle/meta/${f}`),
    config: ['drizzle.config.ts'],
    sql: journal.entries.map((e) => `drizzle/${e.tag}.sql`),
  };
}

/** A git repository whose base commit is the fixture without its newest migration; the working tree is all of it. */
function projectWithNewMigration(fixture: string): string {
  const dir = linkDrizzleOrmOnly(copyFixture(fixture));
  const journalFile = path.join(dir, 'drizzle/meta/_journal.json');
  const full = fs.readFileSync(journalFile, 'utf8');
  const journal = JSON.parse(full) as { entries: { tag: string }[] };
  const newest = journal.entries.pop()!.tag;
  const moved = [`drizzle/${newest}.sql`, `drizzle/meta/${newest.split('_')[0]}_snapshot.json`].map((f) => path.join(dir, f));
  const kept = moved.map((f) => fs.readFileSync(f));
  moved.forEach((f) => fs.rmSync(f));
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  commitAll(dir);
  moved.forEach((f, i) => fs.writeFileSync(f, kept[i]!));
  fs.writeFileSync(journalFile, full);
  return dir;
}

const cases = FIXTURES.flatMap((fixture, f) => KINDS.map((kind, k) => [fixture, kind, CORRUPTION_NAMES[(f + k) % CORRUPTION_NAMES.length]!, f * 10 + k] as const));

describe('corrupted migration folders', () => {
  // Each run replays on PGlite and may start the drift worker: minutes on a loaded machine.
  it.each(cases)('%s, the %s, %s: reported as what it is, never a crash or a pass', { timeout: 240_000 }, (fixture, kind, corruption, seed) => {
    const random = generator(seed + 1);
    const dir = projectWithNewMigration(fixture);
    const candidates = filesByKind(dir)[kind];
    const target = candidates[Math.floor(random() * candidates.length)]!;
    fs.writeFileSync(path.join(dir, target), CORRUPTIONS[corruption]!(fs.readFileSync(path.join(dir, target)), random, target));

    const r = spawnSync(process.execPath, [CLI, 'check', '--cwd', dir, '--base', 'main', '--replay', '--format', 'json'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const report = JSON.parse(r.stdout) as Report;
    const on = (file: string) => report.findings.filter((f) => f.file === file).map((f) => f.ruleId);
    expect(report.findings.filter((f) => f.ruleId === 'check-crashed')).toEqual([]);
    switch (kind) {
      case 'journal':
        // The journal is the history: unreadable or of the wrong shape, it is an integrity error.
        expect(r.status).toBe(2);
        expect(on(target)).toContain('journal-invalid');
        break;
      case 'snapshot':
        // A snapshot that is not one: an error-severity integrity finding (integrity's exit 2 precedes drift's 1).
        expect(r.status).toBe(2);
        expect(on(target)).toContain('snapshot-invalid');
        break;
      case 'config':
        // A config that does not load or names nothing usable stops the run: a configuration error.
        expect(r.status).toBe(4);
        expect(on(target)).toContain('config-error');
        break;
      case 'sql': {
        // An applied migration (in the base commit) was edited: migration-modified. The new one's SQL is no longer
        // what drizzle-kit generates between its snapshots: migration-sql-mismatch (a drift finding, exit 1).
        const isNew = !git(dir, 'ls-tree', '--name-only', 'main', target).trim();
        expect(on(target)).toContain(isNew ? 'migration-sql-mismatch' : 'migration-modified');
        // pg-broken's history already fails integrity (exit 2, which precedes drift's 1).
        expect(r.status).toBe(isNew && fixture !== 'pg-broken' ? 1 : 2);
        break;
      }
    }
  });
});
