/**
 * Durable state behind the same contract as botbuilder's `Storage` (read/write/delete with
 * eTags), so botbuilder components can use it directly, plus `list(prefix)` for our own queries.
 * This file must not import botbuilder: the interface is structurally identical on purpose.
 *
 * eTag semantics follow botbuilder's MemoryStorage: a write with no eTag or `*` always succeeds;
 * a write with an eTag succeeds only when the key does not exist yet or its stored eTag matches.
 * Each successful write stores a fresh eTag.
 *
 * A batch of several keys is NOT atomic across keys: each key's condition is checked and written
 * on its own, and when any key conflicts the call throws StorageConflictError after the others
 * settled (some of them may have been written). Memory and SQLite happen to apply a batch all or
 * nothing; Azure Blob Storage cannot (no transaction across blobs), so callers never rely on it:
 * they write in an order where each step is safe on its own and the last write commits (see
 * approvals/requestRecord.ts and notifications/outbox.ts `recordPoll`).
 */
import { AppError } from '../errors';

/** Mirrors botbuilder's StoreItem. Values are plain JSON. */
export interface StoreItem {
  eTag?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}
export type StoreItems = Record<string, StoreItem>;

export interface Storage {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export interface DurableStorage extends Storage {
  /** Same as write(), and returns the new eTag of every key written. */
  writeReturningETags(changes: StoreItems): Promise<Record<string, string>>;
  /** Every item whose key starts with `prefix`. */
  list(prefix: string): Promise<StoreItems>;
  /** True when the backend answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class StorageConflictError extends AppError {
  constructor(readonly key: string) {
    super('conflict', 'Someone else changed this at the same moment. Please try again.', {
      retryable: true,
    });
    this.name = 'StorageConflictError';
  }
}

export function isStorageConflict(err: unknown): err is StorageConflictError {
  return err instanceof StorageConflictError;
}
