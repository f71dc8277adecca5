/**
 * Server-assigned values: GUID ids and Graph-style timestamps. Graph writes timestamps with
 * 7 fractional digits and `Z` (docs/graph-notes.md#response-shapes, e.g. `2024-03-25T22:29:22.6303479Z`); the
 * sub-millisecond digits come from the high-resolution clock, and each timestamp issued is strictly
 * later than the previous one so a PATCH always moves lastModifiedDateTime forward.
 */
import { randomUUID } from 'node:crypto';

const TICKS_PER_MS = 10_000n; // 100 ns ticks, the resolution of .NET's DateTimeOffset
let lastTicks = 0n;

export function newId(): string {
  return randomUUID();
}

export function formatTicks(ticks: bigint): string {
  const ms = Number(ticks / TICKS_PER_MS);
  const fraction = (ticks % TICKS_PER_MS).toString().padStart(4, '0');
  return `${new Date(ms).toISOString().slice(0, 23)}${fraction}Z`;
}

/** "Now" as a 7-digit ISO timestamp, strictly increasing within this process. */
export function timestampNow(): string {
  const subMs = process.hrtime.bigint() % TICKS_PER_MS;
  let ticks = BigInt(Date.now()) * TICKS_PER_MS + subMs;
  if (ticks <= lastTicks) ticks = lastTicks + 1n;
  lastTicks = ticks;
  return formatTicks(ticks);
}

/** A fixed-point timestamp (for seed data and readiness deadlines) in the same format. */
export function timestampAt(ms: number): string {
  return formatTicks(BigInt(Math.floor(ms)) * TICKS_PER_MS);
}
