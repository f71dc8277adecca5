/**
 * Conversation references of every conversation the bot is in, kept durably and refreshed on
 * every inbound activity (references lost on restart silence notifications).
 *
 * Most turns carry the same reference as the last one, so `remember` keeps a bounded in-memory
 * LRU (conversation id → fingerprint of the record last written or read) and skips both the read
 * and the write when nothing changed. Install and uninstall events (an explicit `installed`)
 * always write. A cache entry is trusted for `CACHE_MAX_AGE_MS` only, so a record another
 * instance changed is re-read (not rewritten) within that time.
 */
import { z } from 'zod';
import {
  ConversationReferenceSchema,
  type StoredConversationReference,
} from '../domain/conversationReference';
import { createRecordStore } from './recordStore';
import type { DurableStorage } from './storage';

export { ConversationReferenceSchema, type StoredConversationReference };

export const ConversationRecord = z.object({
  reference: ConversationReferenceSchema,
  conversationType: z.string(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
  /** False after the bot was uninstalled or removed, or the team was deleted. */
  installed: z.boolean(),
  updatedAt: z.string(),
});
export type ConversationRecord = z.infer<typeof ConversationRecord>;

/**
 * Parses one sample record, so zod has compiled the record's parser before the first turn writes
 * one (it compiles a schema on its first parse; docs/performance.md). True when the sample parses.
 */
export function warmUpConversationRecord(): boolean {
  const reference = {
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    conversation: { id: 'a:warm-up', conversationType: 'personal', tenantId: 't' },
    bot: { id: '28:bot', name: 'bot' },
    user: { id: '29:user', name: 'user', aadObjectId: 'oid' },
  };
  const record = { reference, conversationType: 'personal', installed: true, updatedAt: '' };
  return ConversationRecord.safeParse(record).success;
}

/** What one `remember` did, for observers (src/notifications/conversationHook.ts). */
export interface Remembered {
  /** The record as remembered (without its timestamp). */
  record: Omit<ConversationRecord, 'updatedAt'>;
  /** The record stored before, when this call read it (it was not cached or it changed). */
  before: ConversationRecord | undefined;
  /** True when the record was written. */
  written: boolean;
  /** True when this process had not seen the conversation (or had forgotten it). */
  firstSeen: boolean;
}

/** How many conversations `remember` keeps a fingerprint of; the oldest is forgotten first. */
export const CACHE_SIZE = 5000;
export const CACHE_MAX_AGE_MS = 60 * 60 * 1000;

/** JSON with object keys sorted and `undefined` left out, so equal records give equal strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const fingerprintOf = (record: Omit<ConversationRecord, 'updatedAt'> & { updatedAt?: string }) => {
  const { updatedAt: _ignored, ...rest } = record;
  return stableJson(rest);
};

interface Cached {
  fingerprint: string;
  record: ConversationRecord;
  at: number;
}

export function createConversationStore(
  storage: DurableStorage,
  options: { cacheSize?: number; maxAgeMs?: number; now?: () => number } = {},
) {
  const records = createRecordStore(storage, 'conversations', ConversationRecord);
  const keyOf = (conversationId: string) => encodeURIComponent(conversationId);
  const cacheSize = options.cacheSize ?? CACHE_SIZE;
  const maxAgeMs = options.maxAgeMs ?? CACHE_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const cache = new Map<string, Cached>();
  const cached = (id: string): Cached | undefined => {
    const hit = cache.get(id);
    if (!hit) return undefined;
    cache.delete(id);
    if (now() - hit.at > maxAgeMs) return undefined;
    cache.set(id, hit);
    return hit;
  };
  const cacheSet = (id: string, record: ConversationRecord, at = now()) => {
    cache.delete(id);
    cache.set(id, { fingerprint: fingerprintOf(record), record, at });
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  };
  return {
    /**
     * Stores the record unless the stored one is the same. Without `installed` the stored
     * value is kept (true for a new conversation); with it the record is always written.
     */
    async remember(
      input: Omit<ConversationRecord, 'updatedAt' | 'installed'> & { installed?: boolean },
    ): Promise<Remembered> {
      const id = input.reference.conversation.id;
      const forced = input.installed !== undefined;
      const hit = cached(id);
      const firstSeen = !hit;
      let before: ConversationRecord | undefined = hit?.record;
      if (!hit) before = (await records.get(keyOf(id)))?.value;
      const record = { ...input, installed: input.installed ?? before?.installed ?? true };
      if (!forced && before && fingerprintOf(record) === fingerprintOf(before)) {
        if (!hit) cacheSet(id, before);
        return { record, before, written: false, firstSeen };
      }
      const stored = { ...record, updatedAt: new Date(now()).toISOString() };
      cache.delete(id);
      await records.put(keyOf(id), stored);
      cacheSet(id, stored);
      return { record, before, written: true, firstSeen };
    },
    async setInstalled(conversationId: string, installed: boolean): Promise<void> {
      const current = await records.get(keyOf(conversationId));
      if (!current) return;
      const stored = { ...current.value, installed, updatedAt: new Date(now()).toISOString() };
      cache.delete(conversationId);
      await records.put(keyOf(conversationId), stored);
      cacheSet(conversationId, stored);
    },
    async get(conversationId: string): Promise<ConversationRecord | undefined> {
      return (await records.get(keyOf(conversationId)))?.value;
    },
    async list(): Promise<ConversationRecord[]> {
      return (await records.list()).map((r) => r.value);
    },
  };
}
export type ConversationStore = ReturnType<typeof createConversationStore>;
