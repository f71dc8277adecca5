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
import { createRecordStore, type Versioned } from '../../store/recordStore';
import { isStorageConflict, type DurableStorage } from '../../store/storage';

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

const MAX_ATTEMPTS = 3;

export function createExchangeLedger(
  storage: DurableStorage,
  now: () => number = Date.now,
): ExchangeLedger {
  const records = createRecordStore(storage, 'sso-exchange', ExchangeRecord);
  const idOf = (k: ExchangeKey) => `${k.channelId}/${k.conversationId}/${k.exchangeId}`;
  const write = (id: string, outcome: ExchangeRecord['outcome'], current?: Versioned<unknown>) =>
    records.replace(id, { outcome, at: now() }, current?.eTag);

  return {
    async alreadyExchanged(key) {
      return (await records.get(idOf(key)))?.value.outcome === 'exchanged';
    },
    async recordExchanged(key) {
      const id = idOf(key);
      // Compare-and-set loop: a concurrent *failure* of another client may have written first;
      // success overrides it, but only one success ever wins.
      for (let attempt = 1; ; attempt++) {
        const current = await records.get(id);
        if (current?.value.outcome === 'exchanged') return 'duplicate';
        try {
          await write(id, 'exchanged', current);
          return 'first';
        } catch (err) {
          if (!isStorageConflict(err) || attempt >= MAX_ATTEMPTS) throw err;
        }
      }
    },
    async recordFailed(key) {
      try {
        await write(idOf(key), 'failed'); // create-if-absent
        return 'first';
      } catch (err) {
        if (isStorageConflict(err)) return 'repeat';
        throw err;
      }
    },
  };
}
