/**
 * A typed view of one key prefix of the DurableStorage: records are validated with zod on the
 * way in and out (stored data is a boundary too), and writes are compare-and-set on the eTag.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { DurableStorage } from './storage';

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
  return {
    async get(id) {
      const items = await storage.read([key(id)]);
      const item = items[key(id)];
      return item ? decode(key(id), item) : undefined;
    },
    put: (id, value) => writeAndRead(id, value, '*'),
    replace: (id, value, eTag) => writeAndRead(id, value, eTag ?? ABSENT),
    async delete(id) {
      await storage.delete([key(id)]);
    },
    async list() {
      const items = await storage.list(`${prefix}/`);
      return Object.entries(items).map(([k, item]) => ({
        id: k.slice(prefix.length + 1),
        ...decode(k, item),
      }));
    },
  };
}
