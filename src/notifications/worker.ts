/**
 * The outbox worker: sends what is due, one conversation's items strictly in order (a later
 * change never overtakes an earlier one that is waiting for a retry), several conversations at
 * once, every send through the shared rate limiter. Only the lease holder sends; every item is
 * claimed with compare-and-set before it is sent. Outcomes are applied by outcomes.ts.
 */
import { advance, type StoredDelivery } from './outbox';
import type { Ticket } from './rateLimiter';
import type { Subscription } from '../domain/notificationRecords';
import { sendItem } from './sendItem';
import type { WorkerDeps } from './workerDeps';

export type { WorkerDeps };

/** A `sending` item older than its deadline plus this was abandoned (crash, lost lease). */
const ABANDONED_GRACE_MS = 2_000;
/** Waits longer than this end the run; the service loop sleeps until the next due time instead. */
const MAX_IN_RUN_WAIT_MS = 2_000;

const byOrder = (a: StoredDelivery, b: StoredDelivery) =>
  a.value.createdAt.localeCompare(b.value.createdAt) || a.value.seq - b.value.seq;

export function createDeliveryWorker(deps: WorkerDeps) {
  const now = deps.now ?? (() => new Date());
  const maxInFlight = deps.maxInFlight ?? 16;

  /** Items left `sending` by a process that died mid-send: their outcome is unknown. */
  async function settleAbandoned(items: StoredDelivery[], at: Date): Promise<void> {
    for (const item of items) {
      const claim = item.value.claim;
      if (item.value.state !== 'sending' || !claim) continue;
      if (Date.parse(claim.deadline) + ABANDONED_GRACE_MS > at.getTime()) continue;
      const moved = await deps.outbox.move(
        item,
        advance(item.value, 'uncertain', at, {
          note: 'delivery uncertain: the bot stopped while sending it, so it may or may not have been posted',
        }),
      );
      if (moved)
        deps.logger.warn('notification delivery uncertain', {
          deliveryId: item.id,
          reason: 'abandoned',
        });
    }
  }

  /** Pending items grouped per conversation, in order; plus when the earliest blocked one is due. */
  function queuesOf(items: StoredDelivery[], at: Date) {
    const queues = new Map<string, StoredDelivery[]>();
    let nextDue = Infinity;
    for (const item of items.filter((i) => i.value.state === 'pending').sort(byOrder)) {
      const key = item.value.conversationKey;
      if (!queues.has(key)) {
        const dueIn = Date.parse(item.value.nextAttemptAt) - at.getTime();
        // The head of a conversation's queue waits: so does everything behind it (order).
        if (dueIn > 0) {
          nextDue = Math.min(nextDue, dueIn);
          queues.set(key, []);
          continue;
        }
        queues.set(key, [item]);
      } else if (queues.get(key)!.length) queues.get(key)!.push(item);
    }
    for (const [key, q] of queues) if (!q.length) queues.delete(key);
    return { queues, nextDue };
  }

  /** Sends everything due now. Resolves with ms until the next item is due (Infinity: none). */
  async function runDue(): Promise<number> {
    if (!deps.lease.held()) return Infinity;
    const items = await deps.outbox.list();
    await settleAbandoned(items, now());
    const { queues, nextDue } = queuesOf(items, now());
    if (!queues.size) return nextDue;
    const subs = new Map<string, Subscription>(
      (await deps.subscriptions.list()).map((s) => [s.conversationKey, s]),
    );
    const inFlight = new Set<Promise<void>>();
    const busy = new Set<string>();
    let laterDue = nextDue;

    const launch = (key: string, item: StoredDelivery, ticket: Ticket) => {
      busy.add(key);
      const done = sendItem(deps, item, subs.get(key), now, ticket)
        .then((result) => {
          if (result.deferredFor !== undefined) {
            queues.delete(key); // keep order: the rest waits for the retried item
            laterDue = Math.min(laterDue, result.deferredFor);
          }
          if (result.subscription) subs.set(key, result.subscription);
        })
        .catch((err: unknown) =>
          deps.logger.error('notification send failed', { deliveryId: item.id, error: err }),
        )
        .finally(() => {
          busy.delete(key);
          inFlight.delete(done);
        });
      inFlight.add(done);
    };

    for (;;) {
      let wait = Infinity;
      for (const [key, queue] of queues) {
        if (inFlight.size >= maxInFlight || deps.isStopping?.() || !deps.lease.held()) break;
        if (busy.has(key)) continue;
        const head = queue[0];
        if (!head) {
          queues.delete(key);
          continue;
        }
        const acquired = deps.limiter.tryAcquire(key);
        if (!acquired.ok) {
          wait = Math.min(wait, acquired.waitMs);
          if (acquired.scope === 'app') break;
          continue;
        }
        queue.shift();
        launch(key, head, acquired.ticket);
      }
      const stop = deps.isStopping?.() || !deps.lease.held();
      if (!inFlight.size && (stop || !queues.size || wait > MAX_IN_RUN_WAIT_MS)) {
        return Math.min(laterDue, stop || !queues.size ? Infinity : wait);
      }
      await firstOf(inFlight, Math.min(wait, MAX_IN_RUN_WAIT_MS));
    }
  }

  return { runDue };
}

/** Resolves when one of `running` settles or after `ms`, whichever is first (no timer left behind). */
async function firstOf(running: ReadonlySet<Promise<void>>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Number.isFinite(ms) ? Math.max(1, ms) : MAX_IN_RUN_WAIT_MS);
  });
  await Promise.race([...running, elapsed]).finally(() => clearTimeout(timer));
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
