/**
 * The outbox: every notification is recorded (before the new readiness state, `recordPoll`)
 * before anything is sent, and its state moves per (event, conversation):
 *   pending → sending → sent
 *                     → pending again (429, or refused before it left: safe to resend)
 *                     → uncertain (5xx, timeout, crash while sending: it may have been posted)
 *                     → failed (403/404: the conversation is gone; or too many retries)
 *   pending → skipped (unsubscribed or conversation inactive before it went out)
 *   uncertain → pending (only when a person in the conversation asks to send it again)
 * Every move is a compare-and-set on the record's eTag, so two workers can never both send one item.
 */
import { createRecordStore, retryOnConflict, type Versioned } from '../store/recordStore';
import { deliveryIdOf } from './fanout';
import { isStorageConflict, type DurableStorage, type StoreItems } from '../store/storage';
import {
  Delivery,
  OUTBOX_PREFIX,
  RUN_WATCH_ID,
  RUN_WATCH_PREFIX,
  RunWatch,
  SET_STATE_PREFIX,
  SetState,
  type DeliveryState,
} from '../domain/notificationRecords';

/** Writing with this eTag succeeds only when the key does not exist yet (storage.ts semantics). */
const ABSENT = 'absent:never-a-real-etag';
const SENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export type StoredDelivery = Versioned<Delivery> & { id: string };

export interface Outbox {
  list(): Promise<StoredDelivery[]>;
  get(id: string): Promise<StoredDelivery | undefined>;
  /** Moves `item` to its next state iff nobody moved it since it was read. */
  move(item: StoredDelivery, next: Delivery): Promise<StoredDelivery | undefined>;
  /** Deletes sent/skipped items older than a week (the readiness state prevents re-detection). */
  prune(now: Date): Promise<number>;
}

export function createOutbox(storage: DurableStorage): Outbox {
  const records = createRecordStore(storage, OUTBOX_PREFIX, Delivery);
  return {
    list: () => records.list(),
    async get(id) {
      const found = await records.get(id);
      return found && { ...found, id };
    },
    async move(item, next) {
      try {
        const eTag = await records.replace(item.id, next, item.eTag);
        return { id: item.id, value: next, eTag };
      } catch (err) {
        if (isStorageConflict(err)) return undefined;
        throw err;
      }
    },
    async prune(now) {
      const old = (await records.list()).filter(
        ({ value }) =>
          (value.state === 'sent' || value.state === 'skipped') &&
          now.getTime() - Date.parse(value.updatedAt) > SENT_RETENTION_MS,
      );
      for (const { id } of old) await records.delete(id);
      return old.length;
    },
  };
}

export function setStateStore(storage: DurableStorage) {
  return createRecordStore(storage, SET_STATE_PREFIX, SetState);
}

/**
 * Records one poll, in two steps, since storage has no transaction across records
 * (store/storage.ts): first the new deliveries, each create-only; then the changed set states,
 * each compare-and-set against the eTag it was read with. When the states do not land (a crash,
 * a lost race), the next poll detects the same transitions again: events the outbox already
 * holds for a conversation are left out (`unrecorded`), so nothing is lost or doubled.
 */
export async function recordPoll(
  storage: DurableStorage,
  states: ReadonlyArray<{ state: SetState; eTag: string | undefined }>,
  planned: readonly Delivery[],
  /**
   * Drift of the same poll (drift.ts): its records are created first (before any card can name
   * them), its configurations are committed with the states.
   */
  drift: { records: StoreItems; configs: StoreItems } = { records: {}, configs: {} },
  /** The runs' statuses (runWatch.ts): they advance with the set states, after their notices. */
  runWatch?: { value: RunWatch; eTag: string | undefined },
): Promise<void> {
  await createMissing(storage, drift.records);
  const deliveries = planned.length ? await unrecorded(storage, planned) : [];
  const keys = deliveries.map((d) => `${OUTBOX_PREFIX}/${d.id}`);
  // A conflict means another writer created some of them: read again, write the rest.
  await retryOnConflict(async () => {
    const existing = await storage.read(keys);
    const batch: Record<string, Record<string, unknown>> = {};
    deliveries.forEach((d, i) => {
      if (!existing[keys[i]!]) batch[keys[i]!] = { ...Delivery.parse(d), eTag: ABSENT };
    });
    if (Object.keys(batch).length) await storage.write(batch);
  });
  const batch: Record<string, Record<string, unknown>> = { ...drift.configs };
  if (runWatch)
    batch[`${RUN_WATCH_PREFIX}/${RUN_WATCH_ID}`] = {
      ...RunWatch.parse(runWatch.value),
      eTag: runWatch.eTag ?? ABSENT,
    };
  for (const { state, eTag } of states) {
    batch[`${SET_STATE_PREFIX}/${encodeURIComponent(state.setId)}`] = {
      ...SetState.parse(state),
      eTag: eTag ?? ABSENT,
    };
  }
  if (Object.keys(batch).length) await storage.write(batch);
}

/** Writes the create-only `items` that do not exist yet (another writer's copy wins). */
async function createMissing(storage: DurableStorage, items: StoreItems): Promise<void> {
  const keys = Object.keys(items);
  if (!keys.length) return;
  await retryOnConflict(async () => {
    const existing = await storage.read(keys);
    const missing = Object.fromEntries(keys.filter((k) => !existing[k]).map((k) => [k, items[k]!]));
    if (Object.keys(missing).length) await storage.write(missing);
  });
}

/** The planned deliveries without the events the outbox already holds for their conversation. */
async function unrecorded(storage: DurableStorage, planned: readonly Delivery[]) {
  const recorded = new Set<string>();
  for (const item of Object.values(await storage.list(`${OUTBOX_PREFIX}/`))) {
    const parsed = Delivery.safeParse(item);
    if (parsed.success)
      for (const e of parsed.data.events) recorded.add(`${parsed.data.conversationKey}\n${e.id}`);
  }
  return planned.flatMap((d) => {
    const events = d.events.filter((e) => !recorded.has(`${d.conversationKey}\n${e.id}`));
    if (events.length === d.events.length) return [d];
    const ids = events.map((e) => e.id);
    return events.length ? [{ ...d, events, id: deliveryIdOf(d.conversationKey, ids) }] : [];
  });
}

/** The item in its next state, stamped. */
export function advance(
  item: Delivery,
  state: DeliveryState,
  now: Date,
  patch: Partial<Delivery> = {},
): Delivery {
  return { ...item, claim: undefined, ...patch, state, updatedAt: now.toISOString() };
}
