// Journal times (`when`, `created_at`: milliseconds since the epoch) as people read them.

/** ISO 8601, or the raw number when it is no representable date (a hand-edited journal). */
export function isoTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
