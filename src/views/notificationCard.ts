/**
 * View-models of readiness notifications: one card per change (set, flow type, old → new status,
 * when, who caused it, and buttons: Show set, Reset flow, Mute this set here), or one digest card
 * when many flows changed at once for the same conversation.
 */
import { FLOW_KIND_LABELS, readinessBadge, type BadgeColor } from '../domain/flowSummary';
import type { Attribution, NotificationEvent } from '../domain/notificationRecords';
import { showCommandFor } from './flowSetListCard';
import { AdaptiveCard, renderCard } from './render';
import { NEW_MESSAGE_KEY } from '../domain/adaptiveCard';
import { localTime, timeFact, type LocalTime } from './localTime';
import { runNoticeHeadline, runNotificationCard } from './runNotificationCard';
import { driftCard } from './driftCard';

export const MUTE_VERB = 'notify.mute';
export const RESET_VERB = 'flow.reset';
const DIGEST_ROWS = 15;

interface Button {
  title: string;
  verb: string;
  data: Record<string, string | boolean>;
}

const flowName = (e: NotificationEvent) => (e.flowKind ? FLOW_KIND_LABELS[e.flowKind] : 'Flow');
const status = (s: string | null | undefined) => readinessBadge(s).text;

const CHANGE_WORDS: Record<string, string> = {
  resetFlow: 'the reset',
  updateFlow: 'the change to this flow',
  createFlow: 'the new flow',
  deleteFlow: 'the removal',
  deleteFlowSet: 'the deletion',
  updateFlowSet: 'the change to this flow set',
  startRun: 'the on-demand run',
};

const NO_ATTRIBUTION: LocalTime = { before: '', at: '', after: '' };

/**
 * "After the reset requested by Avery Admin (approved by Blake Approver) at {time}.", the time in
 * the reader's own zone (src/views/localTime.ts); all empty without an attribution.
 */
export function attributionText(a: Attribution | undefined): LocalTime {
  if (!a) return NO_ATTRIBUTION;
  const approved = a.approver ? ` (approved by ${a.approver})` : '';
  const what = CHANGE_WORDS[a.changeKind] ?? 'the change';
  return localTime(`After ${what} requested by ${a.requester}${approved} at `, a.appliedAt, '.');
}

/** "Users: ⏳ not ready → ✗ failed", "New flow: Users (⏳ not ready)", … */
export function changeText(e: NotificationEvent): string {
  switch (e.kind) {
    case 'status':
      return `${flowName(e)}: ${status(e.from)} → ${status(e.to)}`;
    case 'flowAdded':
      return `New flow: ${flowName(e)} (${status(e.to)})`;
    case 'flowRemoved':
      return `Flow removed: ${flowName(e)} (was ${status(e.from)})`;
    case 'setDeleted':
      return 'The flow set was deleted';
    case 'runEnded':
      return runNoticeHeadline(e.run);
    case 'drift':
      return 'Changed outside the bot';
  }
}

/** The card title's second half: "Users ✗ failed", "New Classes flow", … */
function headline(e: NotificationEvent): string {
  switch (e.kind) {
    case 'status':
      return `${flowName(e)} ${status(e.to)}`;
    case 'flowAdded':
      return `New ${flowName(e)} flow`;
    case 'flowRemoved':
      return `${flowName(e)} flow removed`;
    case 'setDeleted':
      return 'flow set deleted';
    case 'runEnded':
      return runNoticeHeadline(e.run);
    case 'drift':
      return 'changed outside the bot';
  }
}

/** The heading's colour: never Warning (yellow text on white is hard to read; the words say it). */
function colorOf(e: NotificationEvent): BadgeColor {
  if (e.kind === 'setDeleted' || e.kind === 'flowRemoved') return 'Default';
  const color = readinessBadge(e.to).color;
  return color === 'Warning' ? 'Default' : color;
}

function buttonsFor(e: NotificationEvent): Button[] {
  const buttons: Button[] = [];
  if (e.kind !== 'setDeleted')
    buttons.push({
      title: 'Show set',
      verb: 'command.run',
      // The alert stays as it is; the set card comes as a new message (src/bot/action.ts).
      data: { command: showCommandFor(e.setId), [NEW_MESSAGE_KEY]: true },
    });
  if ((e.kind === 'status' || e.kind === 'flowAdded') && e.flowId && e.flowKind) {
    buttons.push({
      title: 'Reset flow',
      verb: RESET_VERB,
      // The set card's button data (src/actions/changeSchemas.ts FlowButton): version = the set's.
      data: {
        setId: e.setId,
        flowId: e.flowId,
        kind: e.flowKind,
        version: e.setVersion ?? '',
        [NEW_MESSAGE_KEY]: true,
      },
    });
  }
  buttons.push({
    title: 'Mute this set here',
    verb: MUTE_VERB,
    data: { setId: e.setId, setName: e.setName },
  });
  return buttons;
}

export function notificationCard(e: NotificationEvent): AdaptiveCard {
  const facts = [
    { title: 'Flow set', value: e.setName },
    ...(e.kind === 'setDeleted' ? [] : [{ title: 'Flow type', value: flowName(e) }]),
    ...(e.kind === 'status'
      ? [{ title: 'Status', value: `${status(e.from)} → ${status(e.to)}` }]
      : []),
  ];
  return renderCard('notification', {
    title: `${e.setName} · ${headline(e)}`,
    color: colorOf(e),
    subtitle: 'Readiness notification',
    facts,
    // Local time for each reader: a TextBlock row, as FactSet values do not render {{DATE()}}.
    times: [timeFact('When', '', e.detectedAt)],
    attribution: attributionText(e.attribution),
    buttons: buttonsFor(e),
  });
}

export function notificationDigestCard(events: readonly NotificationEvent[]): AdaptiveCard {
  const sets = [...new Map(events.map((e) => [e.setId, e])).values()];
  const shown = events.slice(0, DIGEST_ROWS);
  return renderCard('notification-digest', {
    title: `${events.length} readiness changes`,
    subtitle: localTime(
      `In ${sets.length} flow set${sets.length === 1 ? '' : 's'} · `,
      events[0]?.detectedAt,
    ),
    rows: shown.map((e) => ({
      where: e.setName,
      change: changeText(e),
      color: colorOf(e),
      attribution: attributionText(e.attribution),
    })),
    more: events.length > shown.length ? `… and ${events.length - shown.length} more.` : '',
    buttons: [
      ...sets
        .filter((e) => e.kind !== 'setDeleted')
        .slice(0, 3)
        .map((e) => ({
          title: `Show ${e.setName}`.slice(0, 40),
          verb: 'command.run',
          data: { command: showCommandFor(e.setId), [NEW_MESSAGE_KEY]: true },
        })),
      {
        title: 'Readiness status',
        verb: 'command.run',
        data: { command: 'status', [NEW_MESSAGE_KEY]: true },
      },
    ],
  });
}

/** The card for one outbox item: a single change or run notice, or a digest of several changes. */
export function deliveryCard(events: readonly NotificationEvent[]): AdaptiveCard {
  const [first] = events;
  if (events.length === 1 && first!.kind === 'runEnded' && first!.run)
    return runNotificationCard(first!.run, first!.detectedAt);
  const drift = events.length === 1 ? first!.drift : undefined;
  if (drift) return driftCard(drift);
  return events.length === 1 ? notificationCard(first!) : notificationDigestCard(events);
}
