/** What the outbox worker (worker.ts) and its per-item send (sendItem.ts) work with. */
import type { Logger } from '../log';
import type { NotificationEvent } from '../domain/notificationRecords';
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { LeaseHandle } from './lease';
import type { Outbox } from './outbox';
import type { RateLimiter } from './rateLimiter';
import type { NotificationSender } from './sender';
import type { SubscriptionStore } from './subscriptionStore';

export interface WorkerDeps {
  outbox: Outbox;
  subscriptions: SubscriptionStore;
  sender: NotificationSender;
  limiter: RateLimiter;
  lease: LeaseHandle;
  render(events: readonly NotificationEvent[]): AdaptiveCard;
  logger: Logger;
  sendTimeoutMs: number;
  maxInFlight?: number;
  now?: () => Date;
  isStopping?: () => boolean;
}
