/**
 * Audit entry ids sort by the time they were appended: `20260301T100733123Z-0000-<random>`.
 * Lexical order is time order (fixed-width UTC digits); the counter orders entries appended in the
 * same millisecond by one log; the random part keeps ids of several bot processes on one SQLite
 * file unique, so create-if-absent never collides in practice (and a collision is retried).
 */
import { randomBytes } from 'node:crypto';

export type AuditIdSource = () => string;

const compact = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

export function createAuditIdSource(now: () => Date = () => new Date()): AuditIdSource {
  let lastMs = 0;
  let counter = 0;
  return () => {
    // Never backwards, even if the clock is: a later append must not sort below an earlier one.
    const ms = Math.max(now().getTime(), lastMs);
    counter = ms === lastMs ? counter + 1 : 0;
    lastMs = ms;
    const seq = counter.toString(36).padStart(4, '0');
    return `${compact(ms)}-${seq}-${randomBytes(6).toString('hex')}`;
  };
}
