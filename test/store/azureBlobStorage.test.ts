/**
 * What is particular to the Azure Blob backend (the shared contract is in storage.ts's test):
 * Teams-style keys as blob names, the container made at start, the name prefix, the list cache
 * across instances, and readiness when the account is gone. On Azurite, started once.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { openAzureBlobStorage } from '../../src/store/azureBlobStorage';
import { azureContainerClient } from '../../src/store/azureContainer';
import { blobNameOf, keyOfBlobName } from '../../src/store/blobNames';
import { startAzurite, type Azurite } from '../support/azurite';

const TEAMS_KEYS = [
  'conversation/19:5c4a3b2d1e0f@thread.tacv2;messageid=1700000000000',
  'conversation/a:1Xyz_AbC-dEf',
  'conversation/29:1AbC/def==',
  'audit/20260301T100733123Z-0000-0a1b2c3d4e5f',
  'odd/ümlaut ✓ 😀 %2F ~7E ..',
  'odd/a//b/',
];

describe('blob names of storage keys', () => {
  it.each(TEAMS_KEYS)('when %j is encoded, then it decodes to itself in safe characters', (key) => {
    const name = blobNameOf(key);
    expect(name).toMatch(/^[A-Za-z0-9_/~-]+$/);
    expect(keyOfBlobName(name)).toBe(key);
  });

  it('when a key starts with a prefix, then its name starts with the name of the prefix', () => {
    for (const key of TEAMS_KEYS)
      for (let i = 0; i <= key.length; i++) {
        const prefix = key.slice(0, i);
        if (/[\uD800-\uDBFF]$/.test(prefix)) continue; // half a surrogate pair is no prefix
        expect(blobNameOf(key).startsWith(blobNameOf(prefix))).toBe(true);
      }
  });
});

describe('azure blob storage on Azurite', () => {
  let azurite: Azurite;
  let n = 0;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  afterAll(() => azurite?.stop());
  const containerOf = (name: string) =>
    azureContainerClient({ connectionString: azurite.connectionString, container: name });
  const open = (name = `blob-${++n}`, prefix?: string) =>
    openAzureBlobStorage({ container: containerOf(name), prefix });

  it('when the container is missing, then opening the storage creates it', async () => {
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    expect(await service.getContainerClient('made-at-start').exists()).toBe(false);
    await open('made-at-start');
    expect(await service.getContainerClient('made-at-start').exists()).toBe(true);
  });

  it('when Teams-style keys are written, then they read and list back as written', async () => {
    const storage = await open();
    await storage.write(Object.fromEntries(TEAMS_KEYS.map((k, i) => [k, { i, text: 'é ✓' }])));
    const read = await storage.read(TEAMS_KEYS);
    expect(TEAMS_KEYS.map((k) => read[k]?.i)).toEqual(TEAMS_KEYS.map((_, i) => i));
    expect(Object.keys(await storage.list('conversation/19:')).sort()).toEqual([TEAMS_KEYS[0]]);
    expect(Object.keys(await storage.list('conversation/')).sort()).toEqual(
      TEAMS_KEYS.slice(0, 3).sort(),
    );
    expect((await storage.list('odd/'))['odd/a//b/']).toMatchObject({ text: 'é ✓' });
  });

  it('when two storages use one container with different prefixes, then neither sees the other', async () => {
    const a = await open('shared-prefixes', 'district-a/');
    const b = await open('shared-prefixes', 'district-b/');
    await a.write({ 'x/1': { v: 'a' } });
    await b.write({ 'x/1': { v: 'b' } });
    expect((await a.read(['x/1']))['x/1']).toMatchObject({ v: 'a' });
    expect(Object.values(await b.list('x/')).map((i) => i.v)).toEqual(['b']);
  });

  it('when another instance changes or deletes a listed item, then the next list shows it', async () => {
    const a = await open('two-instances');
    const b = await open('two-instances');
    await a.write({ 'p/1': { v: 1 }, 'p/2': { v: 2 } });
    expect(Object.keys(await a.list('p/')).sort()).toEqual(['p/1', 'p/2']);
    const eTag = (await b.read(['p/1']))['p/1']!.eTag;
    await b.write({ 'p/1': { v: 10, eTag } });
    await b.delete(['p/2']);
    const listed = await a.list('p/');
    expect(Object.keys(listed)).toEqual(['p/1']);
    expect(listed['p/1']).toMatchObject({ v: 10 });
    expect(listed['p/1']!.eTag).not.toBe(eTag);
  });

  it('when an item is listed (from the cache or not), then its eTag is good for a conditional write', async () => {
    const storage = await open();
    await storage.write({ 'q/1': { v: 1 } });
    for (const v of [2, 3]) {
      const { eTag } = (await storage.list('q/'))['q/1']!; // second round: a cache hit
      await storage.write({ 'q/1': { v, eTag } });
    }
    expect((await storage.read(['q/1']))['q/1']).toMatchObject({ v: 3 });
  });

  it('when the account stops answering, then ping says false within a few seconds', async () => {
    const own = await startAzurite();
    const storage = await openAzureBlobStorage({
      container: azureContainerClient({
        connectionString: own.connectionString,
        container: 'gone',
      }),
    });
    expect(await storage.ping()).toBe(true);
    await own.stop();
    const started = Date.now();
    expect(await storage.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 40_000);
});
