// Wall-clock measurement of whole processes, the way a CI job pays for them.
import { spawnSync } from 'node:child_process';

/** Runs each command `runs` times, alternating between them, and returns the median and min wall ms of each. */
export function alternate(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(({ cmd, args, cwd }, k) => {
      const t0 = performance.now();
      const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
      if (r.error) throw r.error;
      times[k].push(performance.now() - t0);
    });
  }
  return times.map((t) => ({ median: median(t), min: Math.min(...t), runs: t.length }));
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const ms = (v) => `${v.toFixed(0)} ms`;
