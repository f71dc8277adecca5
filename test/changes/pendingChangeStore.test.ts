import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PendingChange } from '../../src/domain/pendingChange';
import {
  createPendingChangeStore,
  type PendingChangeStore,
} from '../../src/changes/pendingChangeStore';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import type { DurableStorage } from '../../src/store/storage';
import { ADA, BOB, minutes, userFlowChange } from '../domain/pendingChangeFixtures';

const CONCURRENT = 20;
const dir = mkdtempSync(join(tmpdir(), 'pending-change-'));
const opened: DurableStorage[] = [];
let fileNo = 0;
const open = (storage: DurableStorage) => (opened.push(storage), storage);

afterAll(async () => {
  for (const storage of opened) await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two stores per case: on SQLite they are two connections to one file, like two bot processes. */
const backends: Array<[string, () => [PendingChangeStore, PendingChangeStore]]> = [
  [
    'memory storage',
    () => {
      const store = createPendingChangeStore(open(createMemoryStorage()));
      return [store, store];
    },
  ],
  [
    'SQLite storage (two connections to one file)',
    () => {
      const file = join(dir, `changes-${++fileNo}.sqlite`);
      return [
        createPendingChangeStore(open(createSqliteStorage(file))),
        createPendingChangeStore(open(createSqliteStorage(file))),
      ];
    },
  ],
];

describe.each(backends)('pending change store on %s', (_name, makeStores) => {
  let stores: [PendingChangeStore, PendingChangeStore];
  let change: PendingChange;
  beforeEach(async () => {
    stores = makeStores();
    change = await stores[0].create(userFlowChange());
  });

  it(`when ${CONCURRENT} claims race for one pending change, then exactly one wins`, async () => {
    const claims = Array.from({ length: CONCURRENT }, (_, i) =>
      stores[i % 2].claim(change.id, 'pending', 'applying', ADA, minutes(1)),
    );
    const results = await Promise.all(claims);
    expect(results.filter((r) => r.won)).toHaveLength(1);
    for (const r of results.filter((r) => !r.won))
      expect(r.won || r.current?.state).toBe('applying');
    const stored = await stores[0].get(change.id);
    expect(stored?.state).toBe('applying');
    expect(stored?.history.filter((h) => h.state === 'applying')).toHaveLength(1);
  });

  it(`when ${CONCURRENT} Apply clicks arrive at once, then one applies and the rest are told it already is`, async () => {
    const clicks = Array.from({ length: CONCURRENT }, (_, i) =>
      stores[i % 2].transition(change.id, { type: 'apply', by: ADA }, minutes(1)),
    );
    const outcomes = (await Promise.all(clicks)).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'changed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already')).toHaveLength(CONCURRENT - 1);
  });

  it('when the claim starts from the wrong state, then nothing is written', async () => {
    const result = await stores[0].claim(change.id, 'applying', 'applied', ADA);
    expect(result).toEqual({ won: false, current: change });
    expect(await stores[1].get(change.id)).toEqual(change);
  });

  it('when the change does not exist, then a claim loses and a transition is refused as not found', async () => {
    expect(await stores[0].claim('missing', 'pending', 'applying', ADA)).toEqual({
      won: false,
      current: undefined,
    });
    const result = await stores[0].transition('missing', { type: 'apply', by: ADA });
    expect(result).toMatchObject({ outcome: 'refused', error: { code: 'not_found' } });
  });

  it('when the same id is created twice, then the second create is a conflict', async () => {
    await expect(stores[1].create(change)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('when Apply comes after expiry, then it is refused and the stored change is expired', async () => {
    const result = await stores[0].transition(change.id, { type: 'apply', by: ADA }, minutes(20));
    expect(result.outcome).toBe('refused');
    expect((await stores[1].get(change.id))?.state).toBe('expired');
  });

  it('when someone else clicks Apply, then it is refused and nothing changes', async () => {
    const result = await stores[0].transition(change.id, { type: 'apply', by: BOB }, minutes(1));
    expect(result).toMatchObject({ outcome: 'refused', error: { code: 'forbidden' } });
    expect(await stores[1].get(change.id)).toEqual(change);
  });

  it('when the sweeper runs, then only open changes past their time expire', async () => {
    const late = await stores[0].create(userFlowChange({ now: minutes(10) }));
    const done = await stores[0].create(userFlowChange());
    await stores[0].transition(done.id, { type: 'apply', by: ADA }, minutes(1));
    const expired = await stores[1].expireDue(minutes(16));
    expect(expired.map((c) => c.id)).toEqual([change.id]);
    expect((await stores[0].get(late.id))?.state).toBe('pending');
    expect((await stores[0].get(done.id))?.state).toBe('applying');
  });

  it('when the card location is saved, then it is kept; when the state moved meanwhile, then it is refused', async () => {
    const withCard = await stores[0].update({
      ...change,
      card: { conversationId: 'c', activityId: 'a' },
    });
    expect((await stores[1].get(change.id))?.card).toEqual(withCard.card);
    await stores[1].transition(change.id, { type: 'cancel', by: ADA });
    await expect(stores[0].update(withCard)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('when a change with a password is stored and read back, then the body is intact for Apply', async () => {
    const read = await stores[1].get(change.id);
    expect(read?.body).toEqual(change.body);
    expect((await stores[0].list()).map((c) => c.id)).toContain(change.id);
  });
});
