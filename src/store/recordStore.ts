/**
 * A typed view of one key prefix of the DurableStorage: records are validated with zod on the
 * way in and out (stored data is a boundary too), and writes are compare-and-set on the eTag.
 * `update` is the one read–compute–compare-and-set loop every durable record uses.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { isStorageConflict, DurableStorage } from './storage';

/**
 * How often a compare-and-set is tried before the conflict reaches the caller. Each retry
 * follows someone else's successful write on the same record, so a handful is plenty.
 */
export const CAS_ATTEMPTS = 5;

/**
 * What an update function decides, given the current value: write a new value, keep the record
 * as it is, or delete it; each with the result `update` resolves with.
 */
export type Next<T, R> =
  | { write: T; result: R }
  | { keep: R }
  /** Deletes the record. Unconditional: the storage has no compare-and-set delete. */
  | { delete: true; result: R };

export interface UpdateOptions {
  /** Attempts before the StorageConflictError is thrown; CAS_ATTEMPTS by default. */
  attempts?: number;
}

/**
 * Runs `attempt` again each time it throws StorageConflictError (a lost race), at most
 * `attempts` times in all; the last conflict is thrown. Any other error is thrown at once.
 */
export async function retryOnConflict<R>(
  attempt: (n: number) => Promise<R>,
  attempts: number = CAS_ATTEMPTS,
): Promise<R> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!isStorageConflict(err) || n >= attempts) throw err;
    }
  }
}

export interface Versioned<T> {
  value: T;
  eTag: string;
}

export interface RecordStore<T> {
  get(id: string): Promise<Versioned<T> | undefined>;
  /** Unconditional write; returns the new eTag. */
  put(id: string, value: T): Promise<string>;
  /** Writes only if the stored eTag is still `eTag` (or, with `undefined`, if the record is absent). */
  replace(id: string, value: T, eTag: string | undefined): Promise<string>;
  delete(id: string): Promise<void>;
  list(): Promise<Array<Versioned<T> & { id: string }>>;
  /**
   * Read, compute, compare-and-set; after a lost race `fn` runs again on the winner's value.
   * With no current record the write is create-only (it fails if someone created it meanwhile).
   * Throws StorageConflictError (code 'conflict') when the last attempt lost too.
   */
  update<R>(
    id: string,
    fn: (current: T | undefined) => Next<T, R>,
    options?: UpdateOptions,
  ): Promise<R>;
}

// A value no store ever generates: writing with it succeeds only when the key is absent.
const ABSENT = 'absent:never-a-real-etag';

export function createRecordStore<S extends z.ZodType>(
  storage: DurableStorage,
  prefix: string,
  schema: S,
): RecordStore<z.output<S>> {
  type T = z.output<S>;
  const key = (id: string) => `${prefix}/${id}`;
  const decode = (k: string, item: Record<string, unknown>): Versioned<T> => {
    const { eTag, ...rest } = item;
    const parsed = schema.safeParse(rest);
    if (!parsed.success) {
      throw new AppError('internal', 'A stored record could not be read; it was left untouched.', {
        cause: new Error(`invalid stored record ${k}: ${parsed.error.message}`),
      });
    }
    return { value: parsed.data, eTag: String(eTag) };
  };
  const writeAndRead = async (id: string, value: T, eTag: string): Promise<string> => {
    const checked = schema.parse(value) as Record<string, unknown>;
    const eTags = await storage.writeReturningETags({ [key(id)]: { ...checked, eTag } });
    return eTags[key(id)]!;
  };
  const get = async (id: string): Promise<Versioned<T> | undefined> => {
    const items = await storage.read([key(id)]);
    const item = items[key(id)];
    return item ? decode(key(id), item) : undefined;
  };
  return {
    get,
    put: (id, value) => writeAndRead(id, value, '*'),
    replace: (id, value, eTag) => writeAndRead(id, value, eTag ?? ABSENT),
    async delete(id) {
      await storage.delete([key(id)]);
    },
    update: (id, fn, options) =>
      retryOnConflict(async () => {
        const stored = await get(id);
        const next = fn(stored?.value);
        if ('keep' in next) return next.keep;
        if ('delete' in next) {
          if (stored) await storage.delete([key(id)]);
          return next.result;
        }
        await writeAndRead(id, next.write, stored?.eTag ?? ABSENT);
        return next.result;
      }, options?.attempts),
    async list() {
      const items = await storage.list(`${prefix}/`);
      return Object.entries(items).map(([k, item]) => ({
        id: k.slice(prefix.length + 1),
        ...decode(k, item),
      }));
    },
  };
}
