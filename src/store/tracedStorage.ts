/**
 * A DurableStorage that records a span per operation (read, write, delete, list), named after
 * the operation and carrying the record type (the key prefix, e.g. `pending-change`) and the key
 * count, never a key or a value. Applied in the composition root only when telemetry is on, so a
 * bot without an exporter talks to its storage directly.
 */
import { SpanKind, inSpan, telemetryOn, type Attributes } from '../telemetry';
import type { DurableStorage, StoreItems } from './storage';

const recordType = (key: string): string => key.split('/')[0] || '(none)';

function attributesOf(operation: string, keys: string[]): () => Attributes {
  return () => ({
    'db.operation.name': operation,
    'store.record_types': [...new Set(keys.map(recordType))],
    'store.keys': keys.length,
  });
}

export function tracedStorage(storage: DurableStorage): DurableStorage {
  if (!telemetryOn()) return storage;
  const span = <T>(operation: string, keys: string[], run: () => Promise<T>): Promise<T> =>
    inSpan(
      `store ${operation}`,
      { kind: SpanKind.CLIENT, attributes: attributesOf(operation, keys) },
      run,
    );
  return {
    read: (keys) => span('read', keys, () => storage.read(keys)),
    write: (changes: StoreItems) =>
      span('write', Object.keys(changes), () => storage.write(changes)),
    writeReturningETags: (changes: StoreItems) =>
      span('write', Object.keys(changes), () => storage.writeReturningETags(changes)),
    delete: (keys) => span('delete', keys, () => storage.delete(keys)),
    list: (prefix) => span('list', [prefix], () => storage.list(prefix)),
    ping: () => storage.ping(),
    close: () => storage.close(),
  };
}
