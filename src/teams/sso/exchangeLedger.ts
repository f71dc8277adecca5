/**
 * One durable record per `signin/tokenExchange` request id, so that when a user signed in on
 * several Teams clients sends the same exchange from each of them (docs/teams-notes.md#sso-token-exchange),
 * the bot acts once. Shared storage, because the duplicates may reach different
 * instances of the bot (the reason botbuilder's middleware mentions CosmosDB).
 *
 * Keyed like botbuilder's TeamsSSOTokenExchangeMiddleware: `${channelId}/${conversationId}/${id}`.
 * Holds no token, only the outcome.
 */
import { z } from 'zod';
import { createRecordStore } from '../../store/recordStore';
import type { DurableStorage } from '../../store/storage';

const ExchangeRecord = z.object({
  outcome: z.enum(['exchanged', 'failed']),
  at: z.number(),
});
type ExchangeRecord = z.infer<typeof ExchangeRecord>;

export interface ExchangeKey {
  channelId: string;
  conversationId: string;
  exchangeId: string;
}

export interface ExchangeLedger {
  /** True when an exchange with this id already succeeded (a later one is a duplicate). */
  alreadyExchanged(key: ExchangeKey): Promise<boolean>;
  /**
   * Records a successful exchange. 'first' for exactly one caller per id; 'duplicate' when
   * another caller recorded success first (it then owns the follow-up work).
   */
  recordExchanged(key: ExchangeKey): Promise<'first' | 'duplicate'>;
  /** Records a failure; 'first' only for the first failure and only if nothing succeeded. */
  recordFailed(key: ExchangeKey): Promise<'first' | 'repeat'>;
}

export function createExchangeLedger(
  storage: DurableStorage,
  now: () => number = Date.now,
): ExchangeLedger {
  const records = createRecordStore(storage, 'sso-exchange', ExchangeRecord);
  const idOf = (k: ExchangeKey) => `${k.channelId}/${k.conversationId}/${k.exchangeId}`;

  return {
    async alreadyExchanged(key) {
      return (await records.get(idOf(key)))?.value.outcome === 'exchanged';
    },
    recordExchanged(key) {
      // A concurrent *failure* of another client may have written first; success overrides
      // it, but only one success ever wins.
      return records.update<'first' | 'duplicate'>(idOf(key), (current) =>
        current?.outcome === 'exchanged'
          ? { keep: 'duplicate' }
          : { write: { outcome: 'exchanged', at: now() }, result: 'first' },
      );
    },
    recordFailed(key) {
      // Create-if-absent: only the first failure, and only if nothing was recorded yet.
      return records.update<'first' | 'repeat'>(idOf(key), (current) =>
        current ? { keep: 'repeat' } : { write: { outcome: 'failed', at: now() }, result: 'first' },
      );
    },
  };
}
