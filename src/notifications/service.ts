/**
 * Readiness notifications, wired: the lease (one active instance), the poller on its interval
 * with backoff after Graph throttling or outages, and the outbox worker woken by new deliveries,
 * by its next due time, or by a periodic scan. `pollNow`/`deliverNow` run one round on demand
 * (tests, benchmarks); they share the same mutual exclusion as the background loops.
 */
import { randomUUID } from 'node:crypto';
import { createPendingChangeStore } from '../changes/pendingChangeStore';
import type { GraphAccess } from '../identity/graphAccess';
import { backoffDelay } from '../graph/retry';
import type { Logger } from '../log';
import type { ConversationRecord } from '../store/conversationStore';
import type { LeaseFactory } from '../store/leaseHandle';
import type { DurableStorage } from '../store/storage';
import { onConversationSeen, type SeenConversation } from './conversationHook';
import { createLease } from './lease';
import { createOutbox, type Outbox } from './outbox';
import { createPoller, isTransient, type PollResult } from './poller';
import { tracedPoll } from './telemetry';
import { createRateLimiter } from './rateLimiter';
import type { NotificationSender } from './sender';
import { createSubscriptionStore, type SubscriptionStore } from './subscriptionStore';
import { createTicker, serialised } from './timing';
import { createDeliveryWorker } from './worker';
import type { WorkerDeps } from './workerDeps';

export interface NotificationsOptions {
  storage: DurableStorage;
  graph: Pick<GraphAccess, 'forApp'>;
  sender: NotificationSender;
  /** Draws the card of one delivery (views/notificationCard.ts), wired in src/app. */
  render: WorkerDeps['render'];
  logger: Logger;
  /** 0 = no background polling. */
  pollMs: number;
  leaseMs: number;
  sendTimeoutMs: number;
  appSendsPerSecond: number;
  instanceId?: string;
  /** The lease (one polling and sending instance); default: a lease record in `storage`. */
  leaseFor?: LeaseFactory;
}

export interface Notifications {
  readonly instanceId: string;
  readonly subscriptions: SubscriptionStore;
  readonly outbox: Outbox;
  start(): void;
  stop(): Promise<void>;
  /** Takes the lease if it is free, then polls once. */
  pollNow(): Promise<PollResult>;
  /** Takes the lease if it is free, then sends what is due; ms until the next due item. */
  deliverNow(): Promise<number>;
  onConversationSeen(
    record: SeenConversation,
    before: ConversationRecord | undefined,
  ): Promise<void>;
}

const SCAN_MS = 2_000;
const MAX_POLL_BACKOFF_MS = 30 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export function createNotifications(options: NotificationsOptions): Notifications {
  const { storage, logger } = options;
  const instanceId = options.instanceId ?? randomUUID();
  const log = logger.child({ component: 'notifications', instance: instanceId });
  const subscriptions = createSubscriptionStore(storage);
  const outbox = createOutbox(storage);
  // One lease for polling AND sending: only its holder sends (worker.ts checks held() before
  // every send), so one instance's rate limiter is the app-wide one and 50/s holds across them.
  const lease = (options.leaseFor ?? ((o) => createLease(storage, o)))({
    name: 'poller',
    holder: instanceId,
    ttlMs: options.leaseMs,
  });
  const changes = createPendingChangeStore(storage);
  let stopping = false;

  const poller = createPoller({
    storage,
    graph: () => options.graph.forApp(),
    subscriptions,
    appliedChanges: () => changes.list(),
    lease,
    logger: log,
  });
  const worker = createDeliveryWorker({
    outbox,
    subscriptions,
    sender: options.sender,
    limiter: createRateLimiter({ appPerSecond: options.appSendsPerSecond }),
    lease,
    render: options.render,
    logger: log,
    sendTimeoutMs: options.sendTimeoutMs,
    isStopping: () => stopping,
  });

  /** Takes or renews the lease; says so (and sends what is due) when this instance becomes the holder. */
  // One at a time: the lease ticker and a first delivery may ask together, and a blob lease grants
  // both (same lease id), which would announce the lease twice.
  const takeLease = serialised(async (): Promise<boolean> => {
    const wasHeld = lease.held();
    const held = await lease.acquire();
    if (held && !wasHeld) {
      log.info('notifications lease acquired');
      workerTicker.wake(); // what a previous holder left due goes out now; polls keep their interval
    }
    return held;
  });
  const ensureLease = async () => lease.held() || takeLease();
  let lastPrune = 0;
  const deliver = serialised(async () => {
    if (!(await ensureLease())) return Infinity;
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      const pruned = await outbox.prune(new Date());
      if (pruned) log.info('notification outbox pruned', { pruned });
    }
    return worker.runDue();
  });
  let failures = 0;
  const poll = serialised(async (): Promise<PollResult> => {
    if (!(await ensureLease()))
      return { kind: 'skipped', reason: 'another instance holds the lease' };
    const result = await tracedPoll(poller.poll)();
    if (result.kind === 'failed' || result.kind === 'partial') {
      log.warn('notify poll failed', {
        kind: result.kind,
        code: result.error?.code,
        error: result.error,
      });
    }
    if (result.kind === 'done' || result.kind === 'partial') {
      // Every interval: only a poll that found something is worth the console (info).
      const found = result.events.length > 0 || result.deliveries > 0;
      log[found ? 'info' : 'debug']('notify poll', {
        sets: result.sets,
        events: result.events.length,
        deliveries: result.deliveries,
      });
      if (result.deliveries) workerTicker.wake();
    }
    return result;
  });

  /** After throttling or an outage: exponential backoff from the poll interval, with jitter. */
  const nextPollDelay = (result: PollResult): number => {
    const troubled =
      (result.kind === 'failed' || result.kind === 'partial') &&
      result.error &&
      isTransient(result.error);
    failures = troubled ? failures + 1 : 0;
    if (!failures) return options.pollMs;
    const delay = backoffDelay(failures + 1, {
      baseDelayMs: options.pollMs,
      maxDelayMs: Math.max(options.pollMs, MAX_POLL_BACKOFF_MS),
    });
    log.warn('notify poll backing off', { failures, delayMs: delay });
    return delay;
  };

  const pollTicker = createTicker(async () => nextPollDelay(await poll()), log, 'poll');
  const workerTicker = createTicker(async () => Math.min(SCAN_MS, await deliver()), log, 'deliver');
  const leaseTicker = createTicker(
    async () => {
      await takeLease();
      return options.leaseMs / 3;
    },
    log,
    'lease',
  );

  return {
    instanceId,
    subscriptions,
    outbox,
    start() {
      leaseTicker.start(0);
      workerTicker.start(0);
      // The first poll comes one interval after start, like every other one.
      if (options.pollMs > 0) pollTicker.start(options.pollMs);
    },
    async stop() {
      stopping = true;
      await Promise.all([pollTicker.stop(), workerTicker.stop(), leaseTicker.stop()]);
      await lease
        .release()
        .catch((err: unknown) => log.error('lease release failed', { error: err }));
    },
    pollNow: () => poll(),
    deliverNow: () => deliver(),
    onConversationSeen: (record, before) => onConversationSeen(subscriptions, record, before),
  };
}
