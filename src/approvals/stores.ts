/**
 * Typed views over the durable storage for approvals, and the two ways they are written: one
 * record with the store's compare-and-set (`updateRecord`), or records each conditional on its
 * eTag (`writeAll`). Several records are never written atomically (Azure Blob Storage has no
 * transaction across blobs, store/storage.ts): callers write them one by one in a safe order
 * (requestRecord.ts).
 */
import type { z } from 'zod';
import { PENDING_CHANGE_PREFIX, PendingChange } from '../domain/pendingChange';
import { createRecordStore, type RecordStore } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';
import {
  APPROVAL_PREFIX,
  ApprovalChannel,
  ApprovalLock,
  ApprovalRequest,
  CHANNEL_PREFIX,
  IN_FLIGHT_PREFIX,
  InFlight,
  LOCK_PREFIX,
} from '../domain/approvalRecords';

export interface ApprovalStores {
  requests: RecordStore<ApprovalRequest>;
  locks: RecordStore<ApprovalLock>;
  channel: RecordStore<ApprovalChannel>;
  inFlight: RecordStore<InFlight>;
  /** The pending-change records with their eTags (pendingChangeStore.ts keeps them there). */
  changes: RecordStore<PendingChange>;
}

export function approvalStores(storage: DurableStorage): ApprovalStores {
  return {
    requests: createRecordStore(storage, APPROVAL_PREFIX, ApprovalRequest),
    locks: createRecordStore(storage, LOCK_PREFIX, ApprovalLock),
    channel: createRecordStore(storage, CHANNEL_PREFIX, ApprovalChannel),
    inFlight: createRecordStore(storage, IN_FLIGHT_PREFIX, InFlight),
    changes: createRecordStore(storage, PENDING_CHANGE_PREFIX, PendingChange),
  };
}

/** A value no store generates: a write with it succeeds only where the key is absent. */
const MUST_BE_ABSENT = 'absent:approvals';

export interface RecordWrite {
  prefix: string;
  id: string;
  schema: z.ZodType;
  value: unknown;
  /** The eTag read; undefined = the record must not exist yet. */
  eTag: string | undefined;
}

/**
 * Throws StorageConflictError when any record moved since it was read (or exists, for
 * `eTag: undefined`). Not atomic across records: pass one record where order matters.
 */
export async function writeAll(storage: DurableStorage, writes: RecordWrite[]): Promise<void> {
  const items = Object.fromEntries(
    writes.map((w) => [
      `${w.prefix}/${w.id}`,
      { ...(w.schema.parse(w.value) as object), eTag: w.eTag ?? MUST_BE_ABSENT },
    ]),
  );
  await storage.writeReturningETags(items);
}

/**
 * RecordStore.update for an existing record: `change` returns the new value, or undefined to
 * leave the record as it is (an absent record is left absent). Resolves with what is stored
 * afterwards.
 */
export function updateRecord<T>(
  store: RecordStore<T>,
  id: string,
  change: (current: T) => T | undefined,
): Promise<T | undefined> {
  return store.update(id, (current) => {
    const next = current === undefined ? undefined : change(current);
    return next === undefined ? { keep: current } : { write: next, result: next };
  });
}
