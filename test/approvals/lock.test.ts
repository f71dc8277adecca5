/**
 * The set's lock without atomic batches: requestRecord.ts writes the lock, then the change, then
 * the request. A lock whose request is not there yet holds the set for PENDING_LOCK_MS (another
 * request is being made right now), then frees itself (its maker crashed).
 */
import { lockOf, PENDING_LOCK_MS } from '../../src/approvals/lock';
import { approvalStores } from '../../src/approvals/stores';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { isStorageConflict } from '../../src/store/storage';
import { ADA, T0, userFlowChange } from '../domain/pendingChangeFixtures';

async function lockedWithoutRequest() {
  const stores = approvalStores(createMemoryStorage());
  const holder = userFlowChange();
  await stores.changes.put(holder.id, holder);
  await stores.locks.put('set-1', {
    setId: 'set-1',
    changeId: holder.id,
    holder: ADA,
    at: T0.toISOString(),
  });
  return { stores, holder, other: userFlowChange() };
}

describe('approval lock of a flow set', () => {
  it('when the lock names a change whose request is being written, then another change must try again', async () => {
    const { stores, other } = await lockedWithoutRequest();
    const err = await lockOf(stores, 'set-1', other.id, new Date(T0.getTime() + 1_000)).catch(
      (e: unknown) => e,
    );
    expect(isStorageConflict(err)).toBe(true);
  });

  it('when the lock names its own change, then that change may go on (its retry after a crash)', async () => {
    const { stores, holder } = await lockedWithoutRequest();
    expect(await lockOf(stores, 'set-1', holder.id, new Date(T0.getTime() + 1_000))).toMatchObject({
      free: true,
    });
  });

  it('when the request never came (its maker crashed), then the set is free after PENDING_LOCK_MS', async () => {
    const { stores, other } = await lockedWithoutRequest();
    const later = new Date(T0.getTime() + PENDING_LOCK_MS);
    expect(await lockOf(stores, 'set-1', other.id, later)).toMatchObject({ free: true });
  });
});
