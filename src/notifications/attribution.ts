/**
 * "After the reset requested by Avery Admin": a transition that follows a change made through the
 * bot is attributed to it, using the pending-change records (state `applied`, requester, approver,
 * appliedAt). A change to the flow itself beats a change to its set; the most recent one wins;
 * changes older than the window are not credited (SDS may take hours, not days, to react).
 */
import type { PendingChange } from '../domain/pendingChange';
import type { Attribution, NotificationEvent } from '../domain/notificationRecords';

export const ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000;

type Applied = PendingChange & { appliedAtMs: number };

function matchesFlow(change: PendingChange, event: NotificationEvent): boolean {
  const t = change.target as { setId?: string; flowId?: string; flowKind?: string };
  if (t.setId !== event.setId) return false;
  switch (change.kind) {
    case 'resetFlow':
    case 'updateFlow':
      return event.kind === 'status' && t.flowId === event.flowId;
    case 'deleteFlow':
      return event.kind === 'flowRemoved' && t.flowId === event.flowId;
    case 'createFlow':
      return (
        (event.kind === 'flowAdded' || event.kind === 'status') && t.flowKind === event.flowKind
      );
    default:
      return false;
  }
}

function matchesSet(change: PendingChange, event: NotificationEvent): boolean {
  const t = change.target as { setId?: string };
  if (t.setId !== event.setId) return false;
  if (change.kind === 'deleteFlowSet') return event.kind === 'setDeleted';
  return change.kind === 'updateFlowSet' && event.kind === 'status';
}

function latest(changes: Applied[], test: (c: Applied) => boolean): Applied | undefined {
  return changes.filter(test).sort((a, b) => b.appliedAtMs - a.appliedAtMs)[0];
}

/** The events with `attribution` filled in where a recent applied change explains them. */
export function attribute(
  events: readonly NotificationEvent[],
  changes: readonly PendingChange[],
): NotificationEvent[] {
  const applied: Applied[] = changes
    .filter((c) => c.state === 'applied' && c.result.appliedAt)
    .map((c) => ({ ...c, appliedAtMs: Date.parse(c.result.appliedAt!) }));
  if (!applied.length) return [...events];
  return events.map((event) => {
    const at = Date.parse(event.detectedAt);
    const recent = applied.filter(
      (c) => c.appliedAtMs <= at && at - c.appliedAtMs <= ATTRIBUTION_WINDOW_MS,
    );
    const change =
      latest(recent, (c) => matchesFlow(c, event)) ?? latest(recent, (c) => matchesSet(c, event));
    return change ? { ...event, attribution: attributionOf(change) } : event;
  });
}

function attributionOf(change: Applied): Attribution {
  return {
    changeKind: change.kind,
    requester: change.requester.name || 'someone',
    approver: change.approver?.name,
    appliedAt: new Date(change.appliedAtMs).toISOString(),
  };
}
