/** In-memory DurableStorage for unit tests. Same eTag semantics as the SQLite backend. */
import { randomUUID } from 'node:crypto';
import { DurableStorage, StorageConflictError, StoreItems } from './storage';

export function createMemoryStorage(): DurableStorage {
  const items = new Map<string, string>(); // key → JSON with eTag

  const writeBatch = (changes: StoreItems): Record<string, string> => {
    const staged: Array<[string, string, string]> = [];
    for (const [key, item] of Object.entries(changes)) {
      const current = items.get(key);
      const wanted = item.eTag;
      if (
        current !== undefined &&
        wanted &&
        wanted !== '*' &&
        JSON.parse(current).eTag !== wanted
      ) {
        throw new StorageConflictError(key);
      }
      const eTag = randomUUID();
      staged.push([key, JSON.stringify({ ...item, eTag }), eTag]);
    }
    const eTags: Record<string, string> = {};
    for (const [key, json, eTag] of staged) {
      items.set(key, json);
      eTags[key] = eTag;
    }
    return eTags;
  };

  return {
    async read(keys) {
      const out: StoreItems = {};
      for (const key of keys) {
        const json = items.get(key);
        if (json !== undefined) out[key] = JSON.parse(json);
      }
      return out;
    },
    async write(changes) {
      writeBatch(changes);
    },
    async writeReturningETags(changes) {
      return writeBatch(changes);
    },
    async delete(keys) {
      for (const key of keys) items.delete(key);
    },
    async list(prefix) {
      const out: StoreItems = {};
      for (const [key, json] of items) if (key.startsWith(prefix)) out[key] = JSON.parse(json);
      return out;
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
