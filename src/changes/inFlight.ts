/**
 * Which bot process is sending a change's Graph write. A change is claimed (`applying`) before
 * Graph is called, so a crash leaves it `applying`; on start-up and in every sweep such a change is
 * settled by reading Graph (reconcile.ts), never by writing again. But another, live instance may
 * be in the middle of that very write: the marker names the process, so only writes of processes
 * known to be gone are settled at once (same host, pid no longer running, or our own pid from an
 * earlier boot); a write of another host is settled once it is older than anything a live write
 * can take (IN_FLIGHT_GRACE_MS).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createRecordStore } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';
import { IN_FLIGHT_PREFIX, InFlight, type InstanceId } from '../domain/approvalRecords';

/**
 * Longer than a live write can last: each Graph request has a 12 s deadline plus an 8 s last
 * attempt (src/graph/retry.ts), and a write is at most two (PATCH, then the read-back).
 */
export const IN_FLIGHT_GRACE_MS = 2 * 60_000;

export const newInstanceId = (): InstanceId => ({
  host: hostname(),
  pid: process.pid,
  boot: randomUUID(),
});

/** True: that process is certainly gone. False: it runs. Undefined: cannot tell (other host). */
export function processGone(instance: InstanceId, self: InstanceId): boolean | undefined {
  if (instance.host !== self.host) return undefined;
  if (instance.pid === self.pid) return instance.boot !== self.boot;
  try {
    process.kill(instance.pid, 0); // signal 0: only checks that the process exists
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH' ? true : false;
  }
}

export interface InFlightMarks {
  /** Called by the one process that won the claim, right before its Graph write. */
  mark(changeId: string, now: Date): Promise<void>;
  clear(changeId: string): Promise<void>;
  get(changeId: string): Promise<InFlight | undefined>;
}

export function inFlightMarks(storage: DurableStorage, instance: InstanceId): InFlightMarks {
  const records = createRecordStore(storage, IN_FLIGHT_PREFIX, InFlight);
  return {
    async mark(changeId, now) {
      await records.put(changeId, { changeId, instance, at: now.toISOString() });
    },
    clear: (changeId) => records.delete(changeId),
    async get(changeId) {
      return (await records.get(changeId))?.value;
    },
  };
}

/** May a change left `applying` be settled now? */
export function orphaned(
  marker: InFlight | undefined,
  claimedAt: string | undefined,
  self: InstanceId,
  now: Date,
): boolean {
  const since = Date.parse(marker?.at ?? claimedAt ?? '');
  const old = Number.isNaN(since) || now.getTime() - since >= IN_FLIGHT_GRACE_MS;
  // A live write ends within the grace, whoever sends it; a process known gone sends nothing.
  return old || (marker !== undefined && processGone(marker.instance, self) === true);
}
