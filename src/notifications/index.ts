/**
 * Proactive readiness notifications: subscriptions (`notify here`), the Graph poller, the outbox
 * and its worker. See service.ts for the wiring and outcomes.ts for the delivery rules.
 */
export { createNotifications, type Notifications, type NotificationsOptions } from './service';
export { observeConversations, type SeenConversation } from './conversationHook';
export { conversationKeyOf, referenceForPosts } from './conversationKey';
export { createSubscriptionStore, type SubscriptionStore } from './subscriptionStore';
export { createOutbox, type Outbox, type StoredDelivery } from './outbox';
export type { NotificationSender, SendOutcome } from './sender';
export type { PollResult } from './poller';
export type {
  Delivery,
  NotificationEvent,
  Subscription,
  SubscriptionScope,
} from '../domain/notificationRecords';
