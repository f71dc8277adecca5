/**
 * Subscriptions, one record per conversation. Changes are read-modify-write with eTag
 * compare-and-set (retried on a lost race), so `notify here` in two threads at once, or a send
 * marking the conversation gone while someone subscribes, never loses an update.
 */
import { createRecordStore } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';
import { storageIdOf } from './conversationKey';
import {
  SUBSCRIPTION_PREFIX,
  Subscription,
  type Actor,
  type InactiveReason,
  type SubscriptionScope,
} from '../domain/notificationRecords';

export interface SubscriptionStore {
  get(conversationKey: string): Promise<Subscription | undefined>;
  list(): Promise<Subscription[]>;
  /**
   * Read-modify-write of one record: `change` gets the current record (or undefined) and returns
   * the new one, `null` to delete it, or `undefined` to leave it alone.
   */
  update(
    conversationKey: string,
    change: (current: Subscription | undefined) => Subscription | null | undefined,
  ): Promise<Subscription | undefined>;
  markInactive(
    conversationKey: string,
    reason: InactiveReason,
    detail: string,
    now?: Date,
  ): Promise<void>;
}

export function createSubscriptionStore(storage: DurableStorage): SubscriptionStore {
  const records = createRecordStore(storage, SUBSCRIPTION_PREFIX, Subscription);

  const update: SubscriptionStore['update'] = (key, change) =>
    records.update(storageIdOf(key), (current) => {
      const next = change(current);
      if (next === undefined) return { keep: current };
      if (next === null) return { delete: true, result: undefined };
      return { write: next, result: next };
    });

  return {
    async get(key) {
      return (await records.get(storageIdOf(key)))?.value;
    },
    async list() {
      return (await records.list()).map((r) => r.value);
    },
    update,
    async markInactive(key, reason, detail, now = new Date()) {
      await update(key, (current) =>
        current && (current.active || current.inactive?.reason !== reason)
          ? {
              ...current,
              active: false,
              inactive: { reason, detail, at: now.toISOString() },
              updatedAt: now.toISOString(),
            }
          : undefined,
      );
    },
  };
}

/** Adds (or replaces) a scope: all sets when `setId` is null, one set otherwise; unmutes that set. */
export function withScope(sub: Subscription, scope: SubscriptionScope, now: Date): Subscription {
  const scopes = [...sub.scopes.filter((s) => s.setId !== scope.setId), scope];
  const muted = scope.setId ? sub.muted.filter((m) => m.setId !== scope.setId) : sub.muted;
  return {
    ...sub,
    scopes,
    muted,
    active: true,
    inactive: undefined,
    updatedAt: now.toISOString(),
  };
}

/** Mutes one set in this conversation: an all-sets scope keeps running for every other set. */
export function withMuted(
  sub: Subscription,
  set: { setId: string; setName: string },
  by: Actor,
  now: Date,
): Subscription {
  const scopes = sub.scopes.filter((s) => s.setId !== set.setId);
  const muted = [
    ...sub.muted.filter((m) => m.setId !== set.setId),
    { ...set, by, at: now.toISOString() },
  ];
  return { ...sub, scopes, muted, updatedAt: now.toISOString() };
}
