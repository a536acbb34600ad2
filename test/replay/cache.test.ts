// A damaged PGlite template in the cache folder is discarded and rebuilt, partial files of dead runs are
// removed, and the verdict is the one a clean cache gives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { replayCheck } from '../../src/checks/replay/index.js';
import { TEMPLATE_NAME } from '../../src/cache-dir.js';
import { privateCacheDir } from '../helpers/cache-dir.js';
import { fixtureContext } from './context.js';

const cache = privateCacheDir('dg-cache-');

describe('replay cache', () => {
  it('replaces a truncated template, removes stale partial files, and gives the clean verdict', async () => {
    const template = path.join(cache, TEMPLATE_NAME);
    // A gzip stream cut in the middle, as a full disk or a killed copy leaves it.
    fs.writeFileSync(template, zlib.gzipSync(Buffer.alloc(1 << 20, 7)).subarray(0, 500));
    const stale = `${template}.4242.1.tmp`;
    const fresh = `${template}.4343.2.tmp`;
    fs.writeFileSync(stale, 'partial');
    fs.writeFileSync(fresh, 'being written');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    fs.utimesSync(stale, twoMinutesAgo, twoMinutesAgo);
    // "Just written" whenever the run gets to it (initdb takes a minute on a loaded machine).
    const inAnHour = new Date(Date.now() + 3_600_000);
    fs.utimesSync(fresh, inAnHour, inAnHour);

    // fixtures/replay-history 0000-0002 replay cleanly: no finding, as with a clean cache.
    const outcome = await replayCheck.run(fixtureContext('replay-history', { only: ['0000', '0001', '0002'] }));
    expect(outcome).toMatchObject({ status: 'ran', findings: [] });
    expect(() => zlib.gunzipSync(fs.readFileSync(template))).not.toThrow();
    expect(fs.existsSync(stale)).toBe(false);
    // A partial file younger than a minute may belong to a run writing right now: left alone.
    expect(fs.existsSync(fresh)).toBe(true);
  }, 240_000);
});
