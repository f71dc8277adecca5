/**
 * The audit log is append-only: every entry is its own key, written create-if-absent, listed
 * latest first with a cursor; passwords are masked before anything is stored; stored records are
 * validated on the way in and out. The same on memory and on Azure Blob Storage (Azurite).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_PREFIX, createAuditLog, PASSWORD_MASK, type AuditLog } from '../../src/history';
import { createAuditIdSource } from '../../src/history/auditId';
import { createMemoryLogger } from '../../src/log';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import { openAzureBlobStorage } from '../../src/store/azureBlobStorage';
import { azureContainerClient } from '../../src/store/azureContainer';
import { startAzurite, type Azurite } from '../support/azurite';
import type { DurableStorage } from '../../src/store/storage';
import { BLAKE, entry, userFlowBody } from './fixtures';

/** An id source on a clock that moves one second per id, from a fixed start. */
function steppingIds(start = Date.parse('2026-03-01T10:00:00Z')) {
  let t = start;
  return createAuditIdSource(() => new Date((t += 1000)));
}

const stored = async (storage: DurableStorage) =>
  Object.entries(await storage.list(`${AUDIT_PREFIX}/`));

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(() => azurite?.stop());
let n = 0;
const onAzure = () =>
  openAzureBlobStorage({
    container: azureContainerClient({
      connectionString: azurite.connectionString,
      container: `audit-${++n}`,
    }),
  });

describe.each([
  ['memory', async () => createMemoryStorage()],
  ['azure', onAzure],
])('audit log on %s', (_name, make: () => Promise<DurableStorage>) => {
  let storage: DurableStorage;
  let audit: AuditLog;
  beforeEach(async () => {
    storage = await make();
    audit = createAuditLog(storage, { ids: steppingIds() });
  });

  it('when entries are appended, then each is its own key and the log offers no way to change or remove one', async () => {
    await audit.append(entry({ event: 'requested' }));
    await audit.append(entry({ event: 'applied' }));
    await audit.append(entry({ event: 'applied' })); // the same content twice: two entries
    expect(await stored(storage)).toHaveLength(3);
    expect(Object.keys(audit).sort()).toEqual(['append', 'list']);
  });

  it('when a new entry gets the id of an existing one, then the existing entry is never overwritten', async () => {
    const fixed = createAuditLog(storage, { ids: () => 'same-id' });
    await fixed.append(entry({ reason: 'first' }));
    await expect(fixed.append(entry({ reason: 'second' }))).rejects.toMatchObject({
      code: 'conflict',
    });
    const { entries } = await fixed.list();
    expect(entries.map((e) => [e.id, e.reason])).toEqual([['same-id', 'first']]);
  });

  it('when an id collides once, then the append is retried under a new id and both entries are kept', async () => {
    const ids = ['taken', 'taken', 'fresh'];
    const colliding = createAuditLog(storage, { ids: () => ids.shift()! });
    await colliding.append(entry({ reason: 'first' }));
    await colliding.append(entry({ reason: 'second' }));
    const { entries } = await colliding.list();
    expect(entries.map((e) => [e.id, e.reason]).sort()).toEqual([
      ['fresh', 'second'],
      ['taken', 'first'],
    ]);
  });

  it('when many entries are appended at once, through two logs on one SQLite file, then all are kept with distinct ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const a = createSqliteStorage(join(dir, 'bot.sqlite'));
    const b = createSqliteStorage(join(dir, 'bot.sqlite'));
    try {
      const logs = [createAuditLog(a), createAuditLog(b)];
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          logs[i % 2]!.append(entry({ changeId: `change-${i}` })),
        ),
      );
      const { entries } = await logs[0]!.list({ limit: 1000 });
      expect(new Set(entries.map((e) => e.changeId)).size).toBe(60);
      expect(new Set(entries.map((e) => e.id)).size).toBe(60);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when entries are listed, then the latest comes first, also for appends within one millisecond', async () => {
    const sameMs = createAuditLog(storage, {
      ids: createAuditIdSource(() => new Date('2026-03-01T10:00:00Z')),
    });
    for (const reason of ['1', '2', '3', '4']) await sameMs.append(entry({ reason }));
    const { entries } = await sameMs.list();
    expect(entries.map((e) => e.reason)).toEqual(['4', '3', '2', '1']);
  });

  it('when the clock goes backwards, then later appends still sort as later', async () => {
    const times = ['2026-03-01T10:00:05Z', '2026-03-01T10:00:01Z'];
    const log = createAuditLog(storage, {
      ids: createAuditIdSource(() => new Date(times.shift() ?? '2026-03-01T10:00:00Z')),
    });
    await log.append(entry({ reason: 'earlier' }));
    await log.append(entry({ reason: 'later' }));
    expect((await log.list()).entries.map((e) => e.reason)).toEqual(['later', 'earlier']);
  });

  it('when a page is asked for, then `next` continues exactly where it stopped, with nothing repeated or skipped', async () => {
    for (let i = 1; i <= 7; i++) await audit.append(entry({ reason: String(i) }));
    const pages: string[][] = [];
    let before: string | undefined;
    do {
      const page = await audit.list({ limit: 3, before });
      pages.push(page.entries.map((e) => e.reason!));
      before = page.next;
    } while (before);
    expect(pages).toEqual([['7', '6', '5'], ['4', '3', '2'], ['1']]);
  });

  it.each([
    ['setId', { setId: 'set-2' }, ['b']],
    ['changeId', { changeId: 'change-c' }, ['c']],
    ['both', { setId: 'set-1', changeId: 'change-a' }, ['a']],
    ['neither', {}, ['c', 'b', 'a']],
  ])('when filtered by %s, then only matching entries are listed', async (_, filter, reasons) => {
    await audit.append(entry({ changeId: 'change-a', setId: 'set-1', reason: 'a' }));
    await audit.append(entry({ changeId: 'change-b', setId: 'set-2', reason: 'b' }));
    await audit.append(entry({ changeId: 'change-c', setId: 'set-1', reason: 'c' }));
    expect((await audit.list(filter)).entries.map((e) => e.reason)).toEqual(reasons);
  });

  it('when a body, before or after snapshot holds passwords, then every one is masked before it is stored', async () => {
    await audit.append(
      entry({
        kind: 'createFlow',
        body: userFlowBody(),
        before: { nested: [{ initialPassword: 'Secret-5!' }] },
        after: userFlowBody(),
        approver: BLAKE,
      }),
    );
    const raw = JSON.stringify(await stored(storage));
    expect(raw).not.toMatch(/Secret-\d!/);
    const [saved] = (await audit.list()).entries;
    const body = saved!.body as ReturnType<typeof userFlowBody>;
    expect(body.creationOptions.configurations.map((c) => c.defaultPassword)).toEqual([
      PASSWORD_MASK,
      PASSWORD_MASK,
    ]);
    expect(body.defaultPasswordSettings).toBe(PASSWORD_MASK);
    expect(body.PASSWORD).toBe(PASSWORD_MASK);
    expect(body.creationOptions.configurations[0]!.licenseSkus).toEqual(['A1']);
    expect(saved!.before).toEqual({ nested: [{ initialPassword: PASSWORD_MASK }] });
  });

  it.each([
    ['an unknown event', { event: 'deleted' }],
    ['no requester', { requester: undefined }],
    ['an actor without object id', { actor: { aadObjectId: '', name: 'x' } }],
    ['a time that is not ISO', { at: 'yesterday' }],
    ['an unknown kind', { kind: 'renameFlowSet' }],
  ])('when an entry has %s, then append refuses it and stores nothing', async (_, bad) => {
    await expect(audit.append({ ...entry(), ...bad } as never)).rejects.toMatchObject({
      code: 'internal',
    });
    expect(await stored(storage)).toHaveLength(0);
  });

  it('when a stored record does not parse, then it is skipped and logged, and the rest is listed', async () => {
    const { logger, lines } = createMemoryLogger('debug');
    const log = createAuditLog(storage, { logger, ids: steppingIds() });
    await log.append(entry({ reason: 'good' }));
    await storage.write({ [`${AUDIT_PREFIX}/0-broken`]: { changeId: 'x', event: 'exploded' } });
    expect((await log.list()).entries.map((e) => e.reason)).toEqual(['good']);
    expect(lines.join('\n')).toContain('unreadable audit entry skipped');
  });
});
