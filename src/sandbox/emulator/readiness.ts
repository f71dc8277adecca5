/**
 * The readiness lifecycle the emulator plays (docs/graph-notes.md#readiness documents only the values: every
 * create example answers `notReady`). A new or reset flow is notReady with a deadline
 * (`readyAt`); once the deadline passes it reads as ready. Computed lazily from the stored
 * timestamp, so it needs no timers and survives a restart with a state file.
 */
import type { ReadinessStatusName, StoredFlow } from './stateSchema';

export function effectiveReadiness(
  flow: Pick<StoredFlow, 'readinessStatus' | 'readyAt'>,
  nowMs: number,
): ReadinessStatusName {
  if (flow.readinessStatus === 'notReady' && flow.readyAt !== null) {
    return nowMs >= Date.parse(flow.readyAt) ? 'ready' : 'notReady';
  }
  return flow.readinessStatus;
}
