/**
 * Pending changes in the DurableStorage. Every state change is a compare-and-set on the record's
 * eTag, so of N concurrent clicks (double clicks, Teams' retried invokes, several bot processes
 * on one SQLite file) exactly one wins; the others see the winner's result. A lost
 * race is never an error for the caller.
 */
import { AppError } from '../errors';
import { createRecordStore } from '../store/recordStore';
import { isStorageConflict, type DurableStorage } from '../store/storage';
import {
  PENDING_CHANGE_PREFIX,
  PendingChange,
  type ChangeState,
  type Person,
} from '../domain/pendingChangeSchema';
import { transition, type ChangeEvent, type TransitionResult } from '../domain/changeLifecycle';

export type ClaimResult =
  | { won: true; change: PendingChange }
  | { won: false; current: PendingChange | undefined };

export interface PendingChangeStore {
  /** Stores a new change; AppError 'conflict' if the id is taken. */
  create(change: PendingChange): Promise<PendingChange>;
  get(id: string): Promise<PendingChange | undefined>;
  /** Moves `id` from `from` to `to` iff it is still in `from`; one of N concurrent claims wins. */
  claim(
    id: string,
    from: ChangeState,
    to: ChangeState,
    by: Person,
    now?: Date,
  ): Promise<ClaimResult>;
  /** Applies `event` (domain/changeLifecycle.ts) with compare-and-set, recomputing after a lost race. */
  transition(id: string, event: ChangeEvent, now?: Date): Promise<TransitionResult>;
  /** Saves non-state fields (e.g. the card's activity id); AppError 'conflict' if the state moved. */
  update(change: PendingChange): Promise<PendingChange>;
  list(): Promise<PendingChange[]>;
  /** Moves every open change whose time is up to `expired`; returns the ones it moved. */
  expireDue(now?: Date): Promise<PendingChange[]>;
}

export function createPendingChangeStore(storage: DurableStorage): PendingChangeStore {
  const records = createRecordStore(storage, PENDING_CHANGE_PREFIX, PendingChange);
  const notFound = () =>
    new AppError('not_found', 'This change is no longer known. Preview it again.');

  const claim: PendingChangeStore['claim'] = (id, from, to, by, now = new Date()) =>
    records.update<ClaimResult>(id, (current) => {
      // After a lost race this runs again on the winner's record, which is no longer in `from`.
      if (!current || current.state !== from) return { keep: { won: false, current } };
      const history = [...current.history, { state: to, at: now.toISOString(), by }];
      const change: PendingChange = { ...current, state: to, history };
      return { write: change, result: { won: true, change } };
    });

  const applyEvent: PendingChangeStore['transition'] = (id, event, now = new Date()) =>
    records.update<TransitionResult>(id, (current) => {
      if (!current) return { keep: { outcome: 'refused', error: notFound() } };
      const result = transition(current, event, now);
      if (result.outcome === 'already' || !result.change) return { keep: result };
      return { write: result.change, result };
    });

  return {
    async create(change) {
      try {
        await records.replace(change.id, change, undefined);
        return change;
      } catch (err) {
        if (isStorageConflict(err))
          throw new AppError('conflict', 'A change with this id already exists.', { cause: err });
        throw err;
      }
    },
    async get(id) {
      return (await records.get(id))?.value;
    },
    claim,
    transition: applyEvent,
    async update(change) {
      const stored = await records.get(change.id);
      if (!stored) throw notFound();
      // Only non-state fields may change here (e.g. the card's activity id); states go through
      // transition() so their rules hold.
      if (
        stored.value.state !== change.state ||
        stored.value.history.length !== change.history.length
      )
        throw new AppError('conflict', 'This change moved on in the meantime.', {
          retryable: true,
        });
      await records.replace(change.id, change, stored.eTag);
      return change;
    },
    async list() {
      return (await records.list()).map((r) => r.value);
    },
    async expireDue(now = new Date()) {
      const expired: PendingChange[] = [];
      for (const { id, value } of await records.list()) {
        if (value.state !== 'pending' && value.state !== 'approved') continue;
        const result = await applyEvent(id, { type: 'expire' }, now);
        if (result.outcome === 'changed') expired.push(result.change);
      }
      return expired;
    },
  };
}
