/**
 * The DurableStorage contract (botbuilder's Storage eTag semantics plus list/ping), run against
 * every backend: the in-memory one used by unit tests, SQLite (the default) and Azure Blob
 * Storage (on Azurite, started once for the file). Batches are all-or-nothing only where the
 * backend promises it (storage.ts): memory and SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { azureContainerClient } from '../../src/store/azureContainer';
import { openAzureBlobStorage } from '../../src/store/azureBlobStorage';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import { isStorageConflict, type DurableStorage } from '../../src/store/storage';
import { startAzurite, type Azurite } from '../support/azurite';

const dir = mkdtempSync(join(tmpdir(), 'sds-storage-'));
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await azurite?.stop();
});
let n = 0;

/** A fresh container per call; `name` reopens one (a second instance, or a restart). */
const azure = (name = `contract-${++n}`) =>
  openAzureBlobStorage({
    container: azureContainerClient({
      connectionString: azurite.connectionString,
      container: name,
    }),
  });

type Backend = [string, () => DurableStorage | Promise<DurableStorage>, { atomicBatches: boolean }];
const backends: Backend[] = [
  ['memory', () => createMemoryStorage(), { atomicBatches: true }],
  ['sqlite', () => createSqliteStorage(join(dir, `s${++n}.sqlite`)), { atomicBatches: true }],
  ['azure', () => azure(), { atomicBatches: false }],
];

describe.each(backends)('%s storage', (_name, make, { atomicBatches }) => {
  let storage: DurableStorage;
  beforeEach(async () => {
    storage = await make();
  });
  afterEach(() => storage.close());

  const conflict = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStorageConflict(err)).toBe(true);
  };

  it('when an item is written, then it reads back with a fresh eTag', async () => {
    await storage.write({ a: { value: 1 } });
    const { a } = await storage.read(['a', 'missing']);
    expect(a).toMatchObject({ value: 1 });
    expect(typeof a!.eTag).toBe('string');
    expect(Object.keys(await storage.read(['missing']))).toEqual([]);
  });

  it('when a write carries the current eTag, then it succeeds; with a stale one, it conflicts', async () => {
    await storage.write({ a: { value: 1 } });
    const first = (await storage.read(['a'])).a!.eTag;
    await storage.write({ a: { value: 2, eTag: first } });
    await conflict(storage.write({ a: { value: 3, eTag: first } }));
    expect((await storage.read(['a'])).a).toMatchObject({ value: 2 });
  });

  it('when a write has no eTag or "*", then it overwrites unconditionally', async () => {
    await storage.write({ a: { value: 1 } });
    await storage.write({ a: { value: 2, eTag: '*' } });
    await storage.write({ a: { value: 3 } });
    expect((await storage.read(['a'])).a).toMatchObject({ value: 3 });
  });

  it('when one item of a batch conflicts, then the batch throws and that item is unchanged', async () => {
    await storage.write({ a: { value: 1 } });
    await conflict(storage.write({ b: { value: 'new' }, a: { value: 2, eTag: 'stale' } }));
    const after = await storage.read(['a', 'b']);
    expect(after.a).toMatchObject({ value: 1 });
    // Only memory and SQLite promise all-or-nothing; elsewhere `b` was written on its own.
    if (atomicBatches) expect(Object.keys(after)).toEqual(['a']);
    else expect(after.b).toMatchObject({ value: 'new' });
  });

  it('when 20 writers race to create an absent key, then exactly one wins', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => storage.write({ c: { value: i, eTag: 'absent:x' } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(isStorageConflict(r.reason)).toBe(true);
  });

  it('when 20 writers race with the same eTag, then exactly one wins', async () => {
    await storage.write({ a: { value: 0 } });
    const eTag = (await storage.read(['a'])).a!.eTag;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => storage.write({ a: { value: i + 1, eTag } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('when items share a prefix, then list returns exactly those; delete removes', async () => {
    await storage.write({ 'x/1': { v: 1 }, 'x/2': { v: 2 }, 'xy/3': { v: 3 }, 'y/1': { v: 4 } });
    expect(Object.keys(await storage.list('x/')).sort()).toEqual(['x/1', 'x/2']);
    await storage.delete(['x/1']);
    expect(Object.keys(await storage.list('x/'))).toEqual(['x/2']);
    expect(await storage.ping()).toBe(true);
  });
});

type Shared = [string, (name: string) => DurableStorage | Promise<DurableStorage>];
const shared: Shared[] = [
  ['sqlite', (name) => createSqliteStorage(join(dir, `${name}.sqlite`))],
  ['azure', (name) => azure(name)],
];

describe.each(shared)('%s storage across restarts and instances', (_name, open) => {
  it('when the process reopens the store, then items and their eTags are still there', async () => {
    const before = await open('restart');
    const eTags = await before.writeReturningETags({ kept: { value: 'survives' } });
    await before.close();
    const after = await open('restart');
    expect((await after.read(['kept'])).kept).toEqual({ value: 'survives', eTag: eTags.kept });
    await after.close();
  });

  it('when two instances share the store, then a stale eTag from one conflicts in the other', async () => {
    const one = await open('shared');
    const two = await open('shared');
    const { a: eTag } = await one.writeReturningETags({ a: { value: 1 } });
    await two.write({ a: { value: 2, eTag } });
    const err = await one.write({ a: { value: 3, eTag } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStorageConflict(err)).toBe(true);
    await one.close();
    await two.close();
  });
});
