/** Test states of the notification templates (notification, notification-digest, notify-list). */
import {
  deliveryCard,
  notificationCard,
  notificationDigestCard,
} from '../../src/views/notificationCard';
import { notifyListCard } from '../../src/views/notifyListCard';
import type { CardStates } from '../views/cardStates';
import { AT, AVERY, delivery, EVENT_VARIANTS, statusEvent, subscription } from './fixtures';

const many = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    statusEvent({
      id: `e-${i}`,
      setId: `set-${i % 4}`,
      setName: `School set ${i % 4}`,
      flowId: `f-${i}`,
    }),
  );

export const NOTIFICATION_CARD_STATES: Record<string, CardStates> = {
  notification: Object.fromEntries(
    Object.entries(EVENT_VARIANTS).map(([name, event]) => [name, () => notificationCard(event)]),
  ),
  'notification-digest': {
    'four changes in one set': () =>
      deliveryCard(many(4).map((e) => ({ ...e, setId: 's', setName: 'One set' }))),
    'forty changes, some deletions': () =>
      notificationDigestCard([
        ...many(38),
        EVENT_VARIANTS['set deleted']!,
        EVENT_VARIANTS['flow removed']!,
      ]),
  },
  'notify-list': {
    'not subscribed': () => notifyListCard(undefined, [], 'personal'),
    'all sets, with a muted set and history': () =>
      notifyListCard(
        subscription({
          scopes: [
            { setId: null, statuses: null },
            { setId: 'x', setName: 'Northwind', statuses: ['failed', 'expired'] },
          ],
          muted: [{ setId: 'y', setName: 'Fabrikam', by: AVERY, at: AT }],
        }),
        [
          delivery({ state: 'sent', sentAt: AT }),
          delivery({ id: 'b'.repeat(40), state: 'pending' }),
          delivery({ id: 'c'.repeat(40), state: 'uncertain', note: 'delivery uncertain: 502' }),
          delivery({ id: 'd'.repeat(40), state: 'failed', events: many(5), note: 'refused: 400' }),
        ],
        'channel',
      ),
    'inactive after a 403': () =>
      notifyListCard(
        subscription({
          active: false,
          inactive: {
            reason: 'gone',
            detail: 'Teams answered 403: the bot is no longer here',
            at: AT,
          },
        }),
        [delivery({ state: 'failed', note: 'conversation gone (403)' })],
        'channel',
      ),
    'every set muted': () => notifyListCard(subscription({ scopes: [] }), [], 'groupChat'),
  },
};
