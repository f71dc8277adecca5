/**
 * A LeaseHandle on an Azure blob lease, the storage service's own mutual exclusion
 * (learn.microsoft.com/rest/api/storageservices/lease-blob): the lease blob is leased for 15-60 s
 * under this process's lease id; acquiring again with the same id renews it; another id gets 409
 * until it is released or expires. So after the holder dies, another instance takes over within
 * one lease period, and the service's clock, not ours, decides when it expired.
 */
import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import { blobNameOf } from './blobNames';
import type { LeaseHandle, LeaseOptions } from './leaseHandle';

/** Blob leases last 15 to 60 seconds (or forever, which a crash would never end). */
export const MIN_LEASE_SECONDS = 15;
export const MAX_LEASE_SECONDS = 60;

/** The two lease calls, on one blob (a fake in unit tests). */
export interface LeaseBlob {
  /** Acquires, or with the id that holds it renews, the lease; false when another id holds it. */
  acquire(leaseId: string, seconds: number): Promise<boolean>;
  /** Gives it up; nothing happens when this id does not hold it. */
  release(leaseId: string): Promise<void>;
}

export function leaseSecondsOf(ttlMs: number): number {
  return Math.min(MAX_LEASE_SECONDS, Math.max(MIN_LEASE_SECONDS, Math.round(ttlMs / 1000)));
}

export function createBlobLease(
  blob: LeaseBlob,
  options: Pick<LeaseOptions, 'holder' | 'ttlMs'>,
): LeaseHandle {
  const leaseId = randomUUID(); // lease ids are GUIDs; a fresh one per process
  const seconds = leaseSecondsOf(options.ttlMs);
  let heldUntil = 0;
  return {
    holder: options.holder,
    async acquire(now = new Date()) {
      const asked = now.getTime(); // the lease runs from (at the latest) the request
      const ok = await blob.acquire(leaseId, seconds).catch((err: unknown) => {
        heldUntil = 0;
        throw err;
      });
      // Stop trusting it a fifth early: timers and the request's own latency are not exact.
      heldUntil = ok ? asked + seconds * 800 : 0;
      return ok;
    },
    held(now = new Date()) {
      return now.getTime() < heldUntil;
    },
    async release() {
      if (!heldUntil) return;
      heldUntil = 0;
      await blob.release(leaseId);
    },
  };
}

const statusOf = (err: unknown) => (err as { statusCode?: number }).statusCode;

/**
 * The lease blob `blob-lease/<name>` in the storage's container (no record prefix uses that
 * folder), created when missing; its body is `{}` so a listing of everything still parses.
 */
export function azureLeaseBlob(container: ContainerClient, name: string, prefix = ''): LeaseBlob {
  const blob = container.getBlockBlobClient(`${prefix}${blobNameOf(`blob-lease/${name}`)}`);
  const create = () =>
    blob.upload('{}', 2, { conditions: { ifNoneMatch: '*' } }).catch((err: unknown) => {
      if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err; // exists (maybe leased)
    });
  const acquire = async (leaseId: string, seconds: number, tries = 2): Promise<boolean> => {
    try {
      await blob.getBlobLeaseClient(leaseId).acquireLease(seconds);
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false; // LeaseAlreadyPresent: another instance holds it
      if (statusOf(err) !== 404 || tries <= 1) throw err;
    }
    await create();
    return acquire(leaseId, seconds, tries - 1);
  };
  return {
    acquire: (leaseId, seconds) => acquire(leaseId, seconds),
    async release(leaseId) {
      await blob
        .getBlobLeaseClient(leaseId)
        .releaseLease()
        .catch((err: unknown) => {
          if (![404, 409, 412].includes(statusOf(err) ?? 0)) throw err; // not ours (any more)
        });
    },
  };
}
