/** The store of change views (domain/changeView.ts): written once before a change, never updated. */
import { ChangeView } from '../domain/changeView';
import { createRecordStore, type RecordStore } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';

export { ChangeView };

export const CHANGE_VIEW_PREFIX = 'change-view';

export type ChangeViewStore = RecordStore<ChangeView>;

export const createChangeViewStore = (storage: DurableStorage): ChangeViewStore =>
  createRecordStore(storage, CHANGE_VIEW_PREFIX, ChangeView);

/** The view of a change, or a minimal one when it is missing (older record, manual cleanup). */
export async function viewOf(views: ChangeViewStore, changeId: string): Promise<ChangeView> {
  return (
    (await views.get(changeId))?.value ?? { setName: 'this flow set', before: null, effects: [] }
  );
}
