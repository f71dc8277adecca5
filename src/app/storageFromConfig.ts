/**
 * The durable storage STORAGE names: SQLite under DATA_DIR (the default, one instance), or Azure
 * Blob Storage (several instances share it). With Azure the notifications
 * lease is a blob lease, the storage service's own mutual exclusion; with SQLite it stays the
 * compare-and-set lease record (notifications/lease.ts).
 */
import { join } from 'node:path';
import type { Config } from '../config';
import { openAzureBlobStorage } from '../store/azureBlobStorage';
import { azureContainerClient } from '../store/azureContainer';
import { azureLeaseBlob, createBlobLease } from '../store/blobLease';
import type { LeaseFactory } from '../store/leaseHandle';
import type { DurableStorage } from '../store/storage';

export interface StorageBackend {
  kind: Config['storage']['kind'];
  storage: DurableStorage;
  /** How the notifications lease is held; undefined = the lease record in `storage`. */
  leaseFor?: LeaseFactory;
}

export async function storageFromConfig(config: Config): Promise<StorageBackend> {
  const settings = config.storage;
  if (settings.kind === 'sqlite') {
    // Loaded only here: with STORAGE=azure the native better-sqlite3 module is never loaded.
    const { createSqliteStorage } = await import('../store/sqliteStorage');
    return { kind: 'sqlite', storage: createSqliteStorage(join(config.dataDir, 'bot.sqlite')) };
  }
  const container = azureContainerClient(settings);
  const storage = await openAzureBlobStorage({ container, prefix: settings.prefix });
  return {
    kind: 'azure',
    storage,
    leaseFor: (options) =>
      createBlobLease(azureLeaseBlob(container, options.name, settings.prefix), options),
  };
}
