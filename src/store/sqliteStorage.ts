/**
 * SQLite DurableStorage (better-sqlite3, WAL). Writes run in BEGIN IMMEDIATE transactions, so
 * the eTag check and the write are atomic even when several bot processes share the file.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DurableStorage, StorageConflictError, StoreItems } from './storage';

export function createSqliteStorage(file: string): DurableStorage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY, etag TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL)`);

  const selectOne = db.prepare<[string], { etag: string; value: string }>(
    'SELECT etag, value FROM items WHERE key = ?',
  );
  const upsert = db.prepare(
    'INSERT INTO items (key, etag, value, updated_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM items WHERE key = ?');
  // Prefix scan on the primary key: key >= prefix AND key < prefix + U+FFFF.
  const byPrefix = db.prepare<[string, string], { key: string; etag: string; value: string }>(
    'SELECT key, etag, value FROM items WHERE key >= ? AND key < ? ORDER BY key',
  );

  const writeBatch = db.transaction((changes: StoreItems): Record<string, string> => {
    const now = new Date().toISOString();
    const eTags: Record<string, string> = {};
    for (const [key, item] of Object.entries(changes)) {
      const current = selectOne.get(key);
      const wanted = item.eTag;
      if (current && wanted && wanted !== '*' && current.etag !== wanted)
        throw new StorageConflictError(key);
      const { eTag: _ignored, ...value } = item;
      const eTag = randomUUID();
      upsert.run(key, eTag, JSON.stringify(value), now);
      eTags[key] = eTag;
    }
    return eTags;
  });

  const toItem = (row: { etag: string; value: string }) => ({
    ...JSON.parse(row.value),
    eTag: row.etag,
  });

  return {
    async read(keys) {
      const out: StoreItems = {};
      for (const key of keys) {
        const row = selectOne.get(key);
        if (row) out[key] = toItem(row);
      }
      return out;
    },
    async write(changes) {
      writeBatch.immediate(changes);
    },
    async writeReturningETags(changes) {
      return writeBatch.immediate(changes);
    },
    async delete(keys) {
      db.transaction(() => keys.forEach((k) => remove.run(k))).immediate();
    },
    async list(prefix) {
      const out: StoreItems = {};
      for (const row of byPrefix.all(prefix, prefix + '\uffff')) out[row.key] = toItem(row);
      return out;
    },
    async ping() {
      return db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
