/**
 * A named lease that one instance holds at a time (the notifications poller and outbox sender).
 * Two implementations: a compare-and-set record with an expiry on any DurableStorage
 * (notifications/lease.ts) and an Azure blob lease (blobLease.ts).
 */
export interface LeaseHandle {
  readonly holder: string;
  /** Takes or renews the lease; true while this instance holds it. */
  acquire(now?: Date): Promise<boolean>;
  /** True if this instance held the lease at its last acquire() and it has not expired since. */
  held(now?: Date): boolean;
  release(): Promise<void>;
}

export interface LeaseOptions {
  name: string;
  /** This instance (the instance id). */
  holder: string;
  ttlMs: number;
}

export type LeaseFactory = (options: LeaseOptions) => LeaseHandle;
