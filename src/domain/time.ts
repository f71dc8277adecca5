/**
 * The one way times are written: UTC, ISO order. Graph timestamps are UTC ISO 8601 with seven
 * fractional digits; to the minute for lists and cards, to the second where it matters what
 * happened after what (a preview and the change that made it stale).
 */
export type TimePrecision = 'minute' | 'second';

/** "2025-08-18 14:05 UTC" or, to the second, "2026-03-01 10:07:33 UTC". */
export function formatTime(
  iso: string | null | undefined,
  precision: TimePrecision = 'minute',
): string {
  // A missing time is a table cell ("—") in minute-precision lists, a phrase inside a sentence otherwise.
  if (!iso) return precision === 'minute' ? '—' : 'an unknown time';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const length = precision === 'minute' ? 16 : 19;
  return `${new Date(ms).toISOString().slice(0, length).replace('T', ' ')} UTC`;
}

/**
 * "2026-03-01T10:07:33Z": the form Adaptive Cards' `{{DATE(…)}}` and `{{TIME(…)}}` read (RFC 3339,
 * no fractional seconds), so Teams shows the time in each reader's own time zone and locale.
 * Undefined for a missing or unreadable time.
 */
export function cardTimestamp(iso: string | null | undefined): string | undefined {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
