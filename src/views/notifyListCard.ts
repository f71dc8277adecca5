/**
 * View-model of `notify list`: what this conversation receives (every set or some, status
 * filters, muted sets), whether that is active (and if not, why), and the deliveries that need a
 * person's eye: "delivery uncertain" ones (with a Send again button: only someone who can see
 * the conversation can tell whether the first post arrived) and undelivered ones.
 */
import type { ConversationRef } from '../domain/people';
import type {
  Delivery,
  Subscription,
  SubscriptionScope,
  Topic,
} from '../domain/notificationRecords';
import { changeText } from './notificationCard';
import { AdaptiveCard, renderCard } from './render';
import { localTime, timeFact, type LocalTime, type TimeFact } from './localTime';

const MAX_PROBLEMS = 10;

const PLACES: Record<ConversationRef['type'], string> = {
  channel: 'this channel',
  groupChat: 'this group chat',
  personal: 'this chat',
};

const readinessText = (scope: SubscriptionScope) =>
  scope.statuses
    ? `only when a flow becomes ${scope.statuses.join(' or ')}`
    : 'every readiness change';

/** A rule without topics (every topic) reads as before; `only drift` and the like say what they post. */
const TOPIC_TEXT: Record<Topic, (scope: SubscriptionScope) => string> = {
  readiness: readinessText,
  drift: () => 'changes made outside the bot',
  runs: () => 'sync runs that end failed, with errors or with warnings',
};
const statusText = (scope: SubscriptionScope) =>
  scope.topics ? scope.topics.map((t) => TOPIC_TEXT[t](scope)).join('; ') : readinessText(scope);

/**
 * One line per rule, and one rule applies per set (ruleForSet): a set with its own rule says it
 * replaces the all-sets rule, and the all-sets rule says it covers the other sets.
 */
function ruleFacts(scopes: readonly SubscriptionScope[]): Array<{ title: string; value: string }> {
  const all = scopes.find((s) => s.setId === null);
  const own = scopes.filter((s) => s.setId !== null);
  return [
    ...(all
      ? [{ title: own.length ? 'Every other flow set' : 'All flow sets', value: statusText(all) }]
      : []),
    ...own.map((s) => ({
      title: s.setName ?? s.setId!,
      value: all ? `${statusText(s)} (its own rule, instead of the all-sets rule)` : statusText(s),
    })),
  ];
}

/**
 * Warnings sit in a "warning" container in default-colour text: small yellow text on white is
 * hard to read. The state is a LocalTime: "Inactive since {time}: …" in the reader's own zone.
 */
function stateOf(sub: Subscription | undefined): {
  state: LocalTime;
  stateColor: string;
  stateStyle: string;
} {
  const text = (before: string): LocalTime => ({ before, at: '', after: '' });
  if (!sub)
    return {
      state: text('Nothing: this conversation does not receive notifications.'),
      stateColor: 'Default',
      stateStyle: 'default',
    };
  if (!sub.active) {
    return {
      state: localTime(
        'Inactive since ',
        sub.inactive?.at,
        `: ${sub.inactive?.detail ?? 'unknown reason'}. Nothing is posted here until someone says "notify here" again.`,
      ),
      stateColor: 'Default',
      stateStyle: 'attention',
    };
  }
  if (!sub.scopes.length)
    return {
      state: text('Active, but every flow set is muted here.'),
      stateColor: 'Default',
      stateStyle: 'warning',
    };
  return { state: text('Active.'), stateColor: 'Good', stateStyle: 'default' };
}

/** "Northwind · Users: ⏳ not ready → ✗ failed ({time}){after}". */
function summary(d: Delivery, after: string): LocalTime {
  const first = d.events[0]!;
  const what =
    d.events.length === 1
      ? `${first.setName} · ${changeText(first)}`
      : `${d.events.length} readiness changes`;
  return localTime(`${what} (`, first.detectedAt, `)${after}`);
}

function deliveryFacts(deliveries: readonly Delivery[]): TimeFact[] {
  const sent = deliveries.filter((d) => d.state === 'sent');
  const waiting = deliveries.filter((d) => d.state === 'pending' || d.state === 'sending');
  const last = sent
    .map((d) => d.sentAt ?? d.updatedAt)
    .sort()
    .pop();
  const facts = [];
  if (last) facts.push(timeFact('Last sent', '', last, ` (${sent.length} sent recently)`));
  if (waiting.length) {
    const next = waiting.map((d) => d.nextAttemptAt).sort()[0];
    facts.push(timeFact('Waiting to be sent', `${waiting.length} (next attempt `, next, ')'));
  }
  return facts;
}

function problems(deliveries: readonly Delivery[]) {
  const uncertain = deliveries.filter((d) => d.state === 'uncertain');
  const failed = deliveries.filter((d) => d.state === 'failed');
  return [
    ...uncertain.map((d) => ({
      heading: 'Delivery uncertain',
      style: 'warning',
      detail: summary(
        d,
        '. It may or may not have been posted here; if you do not see it, send it again.',
      ),
      deliveryId: d.id,
    })),
    ...failed.map((d) => ({
      heading: 'Not delivered',
      style: 'attention',
      detail: summary(d, `. ${d.note ?? ''}`.trimEnd()),
      deliveryId: '',
    })),
  ].slice(0, MAX_PROBLEMS);
}

export function notifyListCard(
  sub: Subscription | undefined,
  deliveries: readonly Delivery[],
  place: ConversationRef['type'],
): AdaptiveCard {
  const ordered = [...deliveries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // Times are in the reader's own zone: TextBlock rows, as FactSet values do not render {{DATE()}}.
  const times = [
    ...(sub?.muted ?? []).map((m) =>
      timeFact(`Muted: ${m.setName}`, `by ${m.by.name || 'someone'}, `, m.at),
    ),
    ...(sub ? deliveryFacts(ordered) : []),
  ];
  return renderCard('notify-list', {
    title: `Notifications in ${PLACES[place]}`,
    ...stateOf(sub),
    facts: ruleFacts(sub?.scopes ?? []),
    times,
    problems: problems(ordered),
    hint: 'notify here [for {set}] [only {statuses}|drift|readiness] adds; notify off [for {set}] removes or mutes.',
  });
}
