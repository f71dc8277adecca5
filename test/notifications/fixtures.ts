/** Notification events, subscriptions and deliveries shaped like the poller makes them. */
import { SEED_IDS } from '../../src/sandbox/emulator';
import type {
  Delivery,
  NotificationEvent,
  Subscription,
} from '../../src/domain/notificationRecords';

export const AT = '2026-11-22T10:02:00.000Z';
export const AVERY = { aadObjectId: '11111111-aaaa-4aaa-8aaa-111111111111', name: 'Avery Admin' };

export function statusEvent(over: Partial<NotificationEvent> = {}): NotificationEvent {
  return {
    id: `${SEED_IDS.northwind}:${SEED_IDS.northwindUser}:1`,
    kind: 'status',
    setId: SEED_IDS.northwind,
    setName: 'Northwind High School',
    setVersion: '2025-08-18T15:05:11.0000000Z',
    flowId: SEED_IDS.northwindUser,
    flowKind: 'user',
    from: 'notReady',
    to: 'failed',
    flowVersion: '2025-08-18T15:07:11.0000000Z',
    detectedAt: AT,
    ...over,
  };
}

export const EVENT_VARIANTS: Record<string, NotificationEvent> = {
  'ready → failed': statusEvent({ from: 'ready', to: 'failed' }),
  'not ready → ready, after a reset': statusEvent({
    from: 'notReady',
    to: 'ready',
    attribution: {
      changeKind: 'resetFlow',
      requester: 'Avery Admin',
      approver: 'Blake Approver',
      appliedAt: '2026-11-22T09:58:00.000Z',
    },
  }),
  'unknown future status': statusEvent({ from: 'ready', to: 'somethingNew' }),
  'flow added': statusEvent({
    kind: 'flowAdded',
    from: null,
    to: 'notReady',
    flowKind: 'classGroup',
  }),
  'flow removed': statusEvent({ kind: 'flowRemoved', from: 'ready', to: null }),
  'set deleted': {
    id: `${SEED_IDS.northwind}:deleted`,
    kind: 'setDeleted',
    setId: SEED_IDS.northwind,
    setName: 'Northwind High School',
    detectedAt: AT,
  },
};

export function subscription(over: Partial<Subscription> = {}): Subscription {
  return {
    conversationKey: '19:sds-alerts@thread.tacv2',
    conversationType: 'channel',
    teamId: '19:general@thread.tacv2',
    reference: {
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      conversation: {
        id: '19:sds-alerts@thread.tacv2',
        conversationType: 'channel',
        isGroup: true,
      },
      bot: { id: '28:bot', name: 'SDS Flow Admin' },
    },
    scopes: [{ setId: null, statuses: null }],
    muted: [],
    active: true,
    createdBy: AVERY,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

export function delivery(over: Partial<Delivery> = {}): Delivery {
  const events = over.events ?? [statusEvent()];
  return {
    id: 'a'.repeat(40),
    conversationKey: '19:sds-alerts@thread.tacv2',
    events,
    state: 'pending',
    seq: 0,
    attempts: 0,
    nextAttemptAt: AT,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}
