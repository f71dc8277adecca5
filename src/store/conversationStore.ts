/**
 * Conversation references of every conversation the bot is in, kept durably and refreshed on
 * every inbound activity (references lost on restart silence notifications).
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

export function createConversationStore(storage: DurableStorage) {
  const records = createRecordStore(storage, 'conversations', ConversationRecord);
  const keyOf = (conversationId: string) => encodeURIComponent(conversationId);
  return {
    async remember(record: Omit<ConversationRecord, 'updatedAt'>): Promise<void> {
      await records.put(keyOf(record.reference.conversation.id), {
        ...record,
        updatedAt: new Date().toISOString(),
      });
    },
    async setInstalled(conversationId: string, installed: boolean): Promise<void> {
      const current = await records.get(keyOf(conversationId));
      if (!current) return;
      await records.put(keyOf(conversationId), {
        ...current.value,
        installed,
        updatedAt: new Date().toISOString(),
      });
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
