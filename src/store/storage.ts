/**
 * Durable state behind the same contract as botbuilder's `Storage` (read/write/delete with
 * eTags), so botbuilder components can use it directly, plus `list(prefix)` for our own queries.
 * This file must not import botbuilder: the interface is structurally identical on purpose.
 *
 * eTag semantics follow botbuilder's MemoryStorage: a write with no eTag or `*` always succeeds;
 * a write with an eTag succeeds only when the key does not exist yet or its stored eTag matches.
 * Each successful write stores a fresh eTag. A batch is all-or-nothing.
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
