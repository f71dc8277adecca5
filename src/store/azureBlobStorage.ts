/**
 * DurableStorage on Azure Blob Storage: one block blob per key (JSON), in one container, under an
 * optional name prefix. The blob's ETag is the record's eTag, and every conditional write is a
 * conditional request, so the service decides the race (learn.microsoft.com/rest/api/storageservices/
 * specifying-conditional-headers-for-blob-service-operations):
 *   - no eTag or `*`: unconditional upload (overwrite);
 *   - an eTag: `If-Match`; when the blob does not exist, the write is create-only
 *     (`If-None-Match: *`), so "write if absent" (the ABSENT eTag of recordStore) holds under races;
 *   - 412 (condition not met) and 409 (blob already exists) become StorageConflictError.
 * Body and ETag come from ONE `download()` response: `downloadToBuffer()` reads in several
 * requests and can return half of one version and half of another.
 * A batch is written key by key, concurrently (storage.ts: batches are not atomic).
 */
import type { ContainerClient } from '@azure/storage-blob';
import { blobNameOf, keyOfBlobName } from './blobNames';
import { mapLimit } from '../domain/concurrency';
import { DurableStorage, StorageConflictError, StoreItem, StoreItems } from './storage';

/** Downloads and uploads in flight at once for one list or batch. */
const PARALLEL = 16;
/** /readyz must answer quickly even when the account does not. */
const PING_TIMEOUT_MS = 3_000;
/** Above this many cached list entries the cache starts over (memory bound). */
const MAX_CACHED = 50_000;

export interface AzureBlobStorageOptions {
  container: ContainerClient;
  /** Prepended to every blob name, e.g. `district-a/` to share a container. */
  prefix?: string;
}

const statusOf = (err: unknown) => (err as { statusCode?: number }).statusCode;
/** Listings give ETags bare (0x8D…), responses quoted ("0x8D…"): records carry the quoted form. */
const quoted = (eTag: string | undefined) => (eTag && !eTag.startsWith('"') ? `"${eTag}"` : eTag);

async function bodyText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Creates the container when it is missing, then returns the storage. */
export async function openAzureBlobStorage(
  options: AzureBlobStorageOptions,
): Promise<DurableStorage> {
  await options.container.createIfNotExists();
  return createAzureBlobStorage(options);
}

export function createAzureBlobStorage(options: AzureBlobStorageOptions): DurableStorage {
  const { container } = options;
  const base = options.prefix ?? '';
  const blob = (key: string) => container.getBlockBlobClient(base + blobNameOf(key));
  // list() reads only the blobs whose ETag changed since this instance last read them: the
  // listing carries every ETag, and a blob's ETag changes with every write.
  const cache = new Map<string, { eTag: string; json: string }>();

  /** The stored item, or undefined when there is none (one request: body and ETag together). */
  async function readOne(key: string): Promise<StoreItem | undefined> {
    try {
      const res = await blob(key).download();
      const json = await bodyText(res.readableStreamBody);
      if (res.etag && cache.size < MAX_CACHED) cache.set(key, { eTag: res.etag, json });
      return { ...JSON.parse(json), eTag: res.etag };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async function writeOne(key: string, item: StoreItem): Promise<string> {
    const { eTag, ...value } = item;
    const json = JSON.stringify(value);
    const upload = async (conditions: { ifMatch?: string; ifNoneMatch?: string }) => {
      const res = await blob(key).upload(json, Buffer.byteLength(json), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      // The ETag names exactly this body: the next list() need not download it again.
      if (res.etag && cache.size < MAX_CACHED) cache.set(key, { eTag: res.etag, json });
      return res;
    };
    try {
      if (!eTag || eTag === '*') return (await upload({})).etag!;
      // Real ETags are quoted ("0x8D…"); any other value can only match an absent blob, so it
      // goes straight to create-only (one request instead of two).
      if (String(eTag).startsWith('"')) {
        try {
          return (await upload({ ifMatch: eTag })).etag!;
        } catch (err) {
          if (statusOf(err) !== 412 && statusOf(err) !== 404) throw err;
        }
      }
      return (await upload({ ifNoneMatch: '*' })).etag!;
    } catch (err) {
      if (statusOf(err) === 412 || statusOf(err) === 409) throw new StorageConflictError(key);
      throw err;
    }
  }

  async function writeBatch(changes: StoreItems): Promise<Record<string, string>> {
    const entries = Object.entries(changes);
    const settled = await mapLimit(entries, PARALLEL, ([key, item]) =>
      writeOne(key, item).then(
        (eTag) => ({ key, eTag }),
        (error: unknown) => ({ key, error }),
      ),
    );
    const failed = settled.find((s): s is { key: string; error: unknown } => 'error' in s);
    if (failed) throw failed.error;
    return Object.fromEntries(settled.map((s) => [s.key, (s as { eTag: string }).eTag]));
  }

  return {
    async read(keys) {
      const found = await mapLimit(keys, PARALLEL, async (key) => [key, await readOne(key)]);
      return Object.fromEntries(found.filter(([, item]) => item !== undefined)) as StoreItems;
    },
    async write(changes) {
      await writeBatch(changes);
    },
    writeReturningETags: writeBatch,
    async delete(keys) {
      await mapLimit(keys, PARALLEL, (key) => blob(key).deleteIfExists());
    },
    async list(prefix) {
      const listed: Array<{ key: string; eTag?: string }> = [];
      for await (const b of container.listBlobsFlat({ prefix: base + blobNameOf(prefix) }))
        listed.push({
          key: keyOfBlobName(b.name.slice(base.length)),
          eTag: quoted(b.properties.etag),
        });
      const seen = new Set(listed.map((l) => l.key));
      for (const key of cache.keys())
        if (key.startsWith(prefix) && !seen.has(key)) cache.delete(key);
      if (cache.size >= MAX_CACHED) cache.clear();
      const items = await mapLimit(listed, PARALLEL, async ({ key, eTag }) => {
        const hit = cache.get(key);
        if (hit && hit.eTag === eTag) return [key, { ...JSON.parse(hit.json), eTag }] as const;
        return [key, await readOne(key)] as const; // deleted meanwhile: undefined, left out
      });
      return Object.fromEntries(items.filter(([, item]) => item !== undefined)) as StoreItems;
    },
    async ping() {
      try {
        await container.getProperties({ abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      cache.clear();
    },
  };
}
