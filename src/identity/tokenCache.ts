/**
 * The token cache several bot instances share: msal-node's DistributedCachePlugin reads and writes
 * one record per user (partition = the user's Entra object id) through this ICacheClient, kept in
 * our DurableStorage (SQLite or Azure Blob, whichever the app runs on). The records hold refresh
 * tokens from on-behalf-of, so each is sealed with AES-256-GCM under a key from configuration
 * (TOKEN_CACHE_KEY): a fresh random IV per write, the partition key as additional authenticated
 * data (an entry copied to another user's record does not open), the tag checked on read.
 * A record that does not open (tampered, or written under another key) is a cache miss: msal
 * then asks the identity provider again and the next save overwrites it.
 * msal's own guidance for web apps and APIs: a distributed cache partitioned per user
 * (learn.microsoft.com/entra/msal/javascript/node/caching).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { ICacheClient } from '@azure/msal-node';
import { z } from 'zod';
import type { Logger } from '../log';
import { createRecordStore } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';

export const TOKEN_CACHE_PREFIX = 'token-cache';

const SealedEntry = z.object({
  v: z.literal(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  data: z.string(),
  savedAt: z.string(),
});
type SealedEntry = z.infer<typeof SealedEntry>;

const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const SALT = 'sds-flow-admin token cache v1';

/**
 * A 256-bit AES key from TOKEN_CACHE_KEY, whatever its text form (base64 of 32 random bytes is
 * what .env.sample suggests): HKDF-SHA256 spreads any secret over the key evenly.
 */
export function tokenCacheKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, 'aes-256-gcm', 32));
}

export function seal(key: Buffer, partition: string, plain: string): SealedEntry {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(partition, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
    savedAt: new Date().toISOString(),
  };
}

/** Throws when the entry was changed or sealed under another key or for another partition. */
export function open(key: Buffer, partition: string, entry: SealedEntry): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
  decipher.setAAD(Buffer.from(partition, 'utf8'));
  decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(entry.data, 'base64')),
    decipher.final(),
  ]);
  return plain.toString('utf8');
}

/**
 * msal's ICacheClient over the storage. get() answers '' for "nothing cached" (msal then keeps
 * its memory as it is); set() overwrites, as msal expects (last writer wins, fine per user).
 */
export function createStorageCacheClient(
  storage: DurableStorage,
  secret: string,
  logger: Logger,
): ICacheClient {
  const key = tokenCacheKey(secret);
  const records = createRecordStore(storage, TOKEN_CACHE_PREFIX, SealedEntry);
  return {
    async get(partition) {
      let stored;
      try {
        stored = await records.get(partition);
      } catch (err) {
        // A record of the wrong shape: a miss, and the next save replaces it.
        logger.warn('token cache entry unreadable', { partition, reason: 'shape', error: err });
        return '';
      }
      if (!stored) return '';
      try {
        return open(key, partition, stored.value);
      } catch {
        // Never log the entry: it is ciphertext of refresh tokens.
        logger.warn('token cache entry unreadable', { partition, reason: 'authentication' });
        return '';
      }
    },
    async set(partition, value) {
      await records.put(partition, seal(key, partition, value));
      return value;
    },
  };
}
