/**
 * The command a user typed while not signed in, kept durably for a few minutes so it runs as
 * soon as the silent sign-in completes (the `signin/tokenExchange` may reach another instance,
 * or arrive after a restart). One per user: a newer command replaces an older one.
 * Holds the command text, never a token.
 */
import { z } from 'zod';
import { createRecordStore } from '../../store/recordStore';
import { isStorageConflict, type DurableStorage } from '../../store/storage';

const PendingCommand = z.object({
  text: z.string().max(2000),
  conversationId: z.string(),
  expiresAt: z.number(),
  /** Set by the one caller that claimed it; keeps two sign-ins from running it twice. */
  claimed: z.boolean(),
});
export type PendingCommand = z.infer<typeof PendingCommand>;

export interface PendingCommands {
  save(aadObjectId: string, command: { text: string; conversationId: string }): Promise<void>;
  /** The user's pending command for this conversation, at most once; undefined if none or expired. */
  claim(aadObjectId: string, conversationId: string): Promise<string | undefined>;
}

/** TeamsFx waits 15 minutes for a sign-in; a command older than that is no longer expected. */
export const PENDING_COMMAND_TTL_MS = 10 * 60_000;

export function createPendingCommands(
  storage: DurableStorage,
  options: { ttlMs?: number; now?: () => number } = {},
): PendingCommands {
  const records = createRecordStore(storage, 'sso-pending-command', PendingCommand);
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? PENDING_COMMAND_TTL_MS;
  return {
    async save(aadObjectId, { text, conversationId }) {
      await records.put(aadObjectId, {
        text,
        conversationId,
        expiresAt: now() + ttlMs,
        claimed: false,
      });
    },
    async claim(aadObjectId, conversationId) {
      const current = await records.get(aadObjectId);
      if (!current || current.value.claimed) return undefined;
      const { value } = current;
      if (value.expiresAt <= now() || value.conversationId !== conversationId) {
        if (value.expiresAt <= now()) await records.delete(aadObjectId);
        return undefined;
      }
      try {
        await records.replace(aadObjectId, { ...value, claimed: true }, current.eTag);
      } catch (err) {
        if (isStorageConflict(err)) return undefined; // someone else claimed it (or replaced it)
        throw err;
      }
      // The claimed record stays (one small record per user) until the next save replaces it:
      // deleting it here could delete a command saved in the meantime.
      return value.text;
    },
  };
}
