/**
 * Only one instance polls Graph and sends notifications at a time: a lease record with an expiry,
 * taken and renewed with eTag compare-and-set. A holder that stops renewing (crash, SIGKILL)
 * loses it when it expires; a holder that stops cleanly gives it up at once. With Azure Storage the
 * composition root passes a blob lease instead (store/blobLease.ts, same LeaseHandle).
 */
import { createRecordStore } from '../store/recordStore';
import { isStorageConflict, type DurableStorage } from '../store/storage';
import type { LeaseHandle, LeaseOptions } from '../store/leaseHandle';
import { LEASE_PREFIX, Lease } from '../domain/notificationRecords';

export type { LeaseHandle } from '../store/leaseHandle';

export function createLease(storage: DurableStorage, options: LeaseOptions): LeaseHandle {
  const records = createRecordStore(storage, LEASE_PREFIX, Lease);
  let heldUntil = 0;

  return {
    holder: options.holder,
    async acquire(now = new Date()) {
      const stored = await records.get(options.name);
      const free =
        !stored ||
        stored.value.holder === options.holder ||
        Date.parse(stored.value.expiresAt) <= now.getTime();
      if (!free) {
        heldUntil = 0;
        return false;
      }
      const expiresAt = new Date(now.getTime() + options.ttlMs);
      const acquiredAt =
        stored?.value.holder === options.holder ? stored.value.acquiredAt : now.toISOString();
      try {
        await records.replace(
          options.name,
          { holder: options.holder, expiresAt: expiresAt.toISOString(), acquiredAt },
          stored?.eTag,
        );
        // Stop trusting the lease a little before it expires: clocks and timers are not exact.
        heldUntil = expiresAt.getTime() - options.ttlMs / 5;
        return true;
      } catch (err) {
        if (!isStorageConflict(err)) throw err;
        heldUntil = 0;
        return false;
      }
    },
    held(now = new Date()) {
      return now.getTime() < heldUntil;
    },
    async release() {
      if (!heldUntil) return;
      heldUntil = 0;
      const stored = await records.get(options.name);
      if (stored?.value.holder !== options.holder) return;
      // Expire it now (compare-and-set, so a new holder is never overwritten).
      await records
        .replace(
          options.name,
          { ...stored.value, expiresAt: new Date(0).toISOString() },
          stored.eTag,
        )
        .catch((err) => {
          if (!isStorageConflict(err)) throw err;
        });
    },
  };
}
