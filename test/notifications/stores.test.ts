import { createLease } from '../../src/notifications/lease';
import { createOutbox, recordPoll, setStateStore } from '../../src/notifications/outbox';
import {
  createSubscriptionStore,
  withMuted,
  withScope,
} from '../../src/notifications/subscriptionStore';
import type { SetState } from '../../src/domain/notificationRecords';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { isStorageConflict } from '../../src/store/storage';
import { deliveryIdOf } from '../../src/notifications/fanout';
import { AT, AVERY, delivery, statusEvent, subscription } from './fixtures';

const state = (over: Partial<SetState> = {}): SetState => ({
  setId: 's1',
  name: 'Northwind',
  deleted: false,
  flows: {},
  checkedAt: AT,
  ...over,
});

describe('lease', () => {
  it('when two instances race for it, then one holds it until it expires, then the other takes over', async () => {
    const storage = createMemoryStorage();
    const a = createLease(storage, { name: 'poller', holder: 'a', ttlMs: 1000 });
    const b = createLease(storage, { name: 'poller', holder: 'b', ttlMs: 1000 });
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(await a.acquire(t0)).toBe(true);
    expect(await b.acquire(t0)).toBe(false);
    expect(await a.acquire(new Date(t0.getTime() + 500))).toBe(true); // renewed until t0+1500
    expect(await b.acquire(new Date(t0.getTime() + 1400))).toBe(false);
    expect(await b.acquire(new Date(t0.getTime() + 1500))).toBe(true);
    expect(await a.acquire(new Date(t0.getTime() + 1600))).toBe(false);
    expect(a.held(new Date(t0.getTime() + 1600))).toBe(false);
  });

  it('when the holder releases it, then another instance can take it at once', async () => {
    const storage = createMemoryStorage();
    const a = createLease(storage, { name: 'poller', holder: 'a', ttlMs: 60_000 });
    const b = createLease(storage, { name: 'poller', holder: 'b', ttlMs: 60_000 });
    await a.acquire();
    await a.release();
    expect(await b.acquire()).toBe(true);
  });
});

describe('recordPoll', () => {
  it('when states and deliveries are recorded, then both are stored', async () => {
    const storage = createMemoryStorage();
    await recordPoll(storage, [{ state: state(), eTag: undefined }], [delivery()]);
    expect((await setStateStore(storage).list()).map((s) => s.value.setId)).toEqual(['s1']);
    expect((await createOutbox(storage).list()).map((d) => d.id)).toEqual([delivery().id]);
  });

  it('when a state moved since it was read, then the poll fails, the state is untouched and the deliveries wait in the outbox', async () => {
    const storage = createMemoryStorage();
    await recordPoll(storage, [{ state: state(), eTag: undefined }], []);
    const err = await recordPoll(
      storage,
      [{ state: state({ name: 'x' }), eTag: 'stale' }],
      [delivery()],
    ).catch((e) => e);
    expect(isStorageConflict(err)).toBe(true);
    // Deliveries go first (storage has no transaction across records); re-detection finds them.
    expect((await createOutbox(storage).list()).map((d) => d.id)).toEqual([delivery().id]);
    expect((await setStateStore(storage).list())[0]!.value.name).toBe('Northwind');
  });

  it('when a poll is detected again with one more event, then only the new event is delivered (none twice)', async () => {
    const storage = createMemoryStorage();
    const first = statusEvent();
    const second = statusEvent({ id: `${first.id}-2`, flowId: 'other-flow' });
    await recordPoll(storage, [], [delivery({ events: [first] })]);
    await recordPoll(storage, [], [delivery({ id: 'b'.repeat(40), events: [first, second] })]);
    const items = await createOutbox(storage).list();
    expect(items.map((d) => d.value.events.map((e) => e.id)).sort()).toEqual([
      [first.id],
      [second.id],
    ]);
    expect(items.find((d) => d.value.events[0]!.id === second.id)!.id).toBe(
      deliveryIdOf(delivery().conversationKey, [second.id]),
    );
  });

  it('when the same delivery is recorded again, then the stored one (already sent) is kept', async () => {
    const storage = createMemoryStorage();
    await recordPoll(storage, [], [delivery({ state: 'sent' })]);
    await recordPoll(storage, [], [delivery()]);
    expect((await createOutbox(storage).list())[0]!.value.state).toBe('sent');
  });
});

describe('outbox', () => {
  it('when two workers move the same item, then only the first move wins', async () => {
    const storage = createMemoryStorage();
    const box = createOutbox(storage);
    await recordPoll(storage, [], [delivery()]);
    const [item] = await box.list();
    expect(await box.move(item!, { ...item!.value, state: 'sending' })).toBeDefined();
    expect(await box.move(item!, { ...item!.value, state: 'sending' })).toBeUndefined();
  });

  it('when sent items are older than a week, then pruning deletes them and keeps the rest', async () => {
    const storage = createMemoryStorage();
    const old = '2026-01-01T00:00:00.000Z';
    await recordPoll(
      storage,
      [],
      [
        delivery({ id: '1'.repeat(40), state: 'sent', updatedAt: old }),
        delivery({ id: '2'.repeat(40), state: 'uncertain', updatedAt: old }),
        delivery({ id: '3'.repeat(40), state: 'sent' }),
      ],
    );
    const box = createOutbox(storage);
    expect(await box.prune(new Date('2026-11-25T00:00:00Z'))).toBe(1);
    expect((await box.list()).map((d) => d.id[0])).toEqual(['2', '3']);
  });
});

describe('subscriptions', () => {
  it('when a set is muted and later subscribed again, then the mute is lifted', async () => {
    const store = createSubscriptionStore(createMemoryStorage());
    const key = subscription().conversationKey;
    const now = new Date(AT);
    await store.update(key, () =>
      withMuted(subscription(), { setId: 'x', setName: 'X' }, AVERY, now),
    );
    expect((await store.get(key))!.muted.map((m) => m.setId)).toEqual(['x']);
    await store.update(key, (s) =>
      withScope(s!, { setId: 'x', setName: 'X', statuses: null }, now),
    );
    const sub = (await store.get(key))!;
    expect(sub.muted).toEqual([]);
    expect(sub.scopes.map((s) => s.setId)).toEqual([null, 'x']);
  });

  it('when marked inactive, then the reason is kept and active is false', async () => {
    const store = createSubscriptionStore(createMemoryStorage());
    const key = subscription().conversationKey;
    await store.update(key, () => subscription());
    await store.markInactive(key, 'gone', 'Teams answered 403');
    expect(await store.get(key)).toMatchObject({
      active: false,
      inactive: { reason: 'gone', detail: 'Teams answered 403' },
    });
  });
});
