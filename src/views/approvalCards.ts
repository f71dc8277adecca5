/**
 * The cards of a change under peer approval, drawn from the stored change, its view and its
 * request alone (no Graph call), for each copy: the requester's ("waiting for approval", Cancel),
 * the approvals channel's (Approve, Reject, Cancel) and an approver's 1:1 copy (Approve, Reject).
 * Once decided every copy shows the same final card, without buttons: they were for the decision.
 */
import { approvalRequestCard } from './approvalRequestCard';
import { changeResultCard } from './changeResultCard';
import type { AdaptiveCard } from './render';
import { closedCard } from './changeCards';
import type { ChangeView } from '../domain/changeView';
import { isCreate, rowsOf, titleOf, warningsOf } from '../domain/changeRows';
import type { PendingChange } from '../domain/pendingChange';
import type { ApprovalRequest, CardCopy } from '../domain/approvalRecords';
import { localTime, timeFact } from './localTime';

export type Audience = CardCopy['role'];

export const NOBODY_CAN_APPROVE_NOW =
  'No approvers are configured (APPROVERS, APPROVER_GROUP_ID), so nobody can approve this request: it will expire unless it is cancelled.';

export const isOpen = (change: PendingChange) =>
  change.state === 'pending' || change.state === 'approved';

function noticeFor(request: ApprovalRequest, audience: Audience): string | undefined {
  if (request.approverCount === 0 && !request.approversUnknown) return NOBODY_CAN_APPROVE_NOW;
  if (audience !== 'requester') return undefined;
  if (request.delivery === 'pending') return 'The request is being sent to the approvers.';
  if (request.unreached.length)
    return `Not reached (no chat with the bot yet, or the post failed): ${request.unreached.join(', ')}. Ask them to open a chat with the bot, or use "approvals here" in a channel.`;
  return undefined;
}

/** "this channel (chosen by Blake Approver)": where requests go, and which approver chose it. */
export const placeChosenBy = (place: string, chosenBy?: { name: string }) =>
  chosenBy ? `${place} (chosen by ${chosenBy.name || 'an approver'})` : place;

const labelOf = (copy: Posting) => placeChosenBy(copy.label, copy.chosenBy);

/** The channel copy being posted right now (not in `request.copies` until it is sent). */
export type Posting = Pick<CardCopy, 'label' | 'chosenBy'>;

/** "Requested by" and "Expires": in the reader's own time zone (src/views/localTime.ts). */
function timesOf(change: PendingChange, request: ApprovalRequest) {
  const hours = Math.round(
    (Date.parse(change.expiresAt) - Date.parse(request.requestedAt)) / 3_600_000,
  );
  return [
    timeFact('Requested by', `${change.requester.name} at `, request.requestedAt),
    timeFact('Expires', '', change.expiresAt, ` (${hours} h)`),
  ];
}

function factsOf(
  change: PendingChange,
  request: ApprovalRequest,
  audience: Audience,
  posting?: Posting,
) {
  const sentTo = request.copies.filter((c) => c.role !== 'requester').map(labelOf);
  const channel = posting ?? request.copies.find((c) => c.role === 'channel' && c.chosenBy);
  return [
    { title: 'Reason', value: request.reason || '—' },
    ...(audience === 'requester' && sentTo.length
      ? [{ title: 'Sent to', value: sentTo.join(', ') }]
      : []),
    ...(audience === 'channel' && channel?.chosenBy
      ? [{ title: 'Requests go to', value: labelOf(channel) }]
      : []),
  ];
}

function openCard(
  change: PendingChange,
  view: ChangeView,
  request: ApprovalRequest,
  audience: Audience,
  posting?: Posting,
) {
  const rows = rowsOf(change, view);
  const approved = change.state === 'approved';
  return approvalRequestCard({
    changeId: change.id,
    tone: approved ? 'emphasis' : audience === 'requester' ? 'accent' : 'warning',
    status: approved
      ? `Approved by ${change.approver?.name ?? 'an approver'}, not applied yet: they can click Approve again to apply it`
      : audience === 'requester'
        ? 'Waiting for approval: nothing has changed yet'
        : 'Approval needed: nothing has changed yet',
    title: titleOf(change, view),
    times: timesOf(change, request),
    facts: factsOf(change, request, audience, posting),
    notice: noticeFor(request, audience),
    creating: isCreate(change),
    rows,
    effects: view.effects,
    warnings: warningsOf(change, rows),
    canDecide: audience !== 'requester',
    canCancel: audience !== 'approver',
  });
}

/** The decision's card: who asked, who decided (when, in the reader's zone), what happened; no buttons. */
export function finalCard(
  change: PendingChange,
  view: ChangeView,
  request: ApprovalRequest,
): AdaptiveCard {
  const asked = `Requested by ${change.requester.name} (reason: ${request.reason || '—'}).`;
  const title = titleOf(change, view);
  const last = change.history.at(-1);
  const by = last?.by?.name;
  const references = [`Change ${change.id}`];
  if (change.state === 'rejected') {
    const why = request.rejection?.reason ? `: ${request.rejection.reason}` : '.';
    return changeResultCard({
      tone: 'attention',
      status: '✗ Rejected',
      title,
      when: localTime(`Rejected by ${by ?? 'an approver'} at `, last?.at, why, 'second'),
      message: `Nothing was changed. ${asked}`,
      references,
    });
  }
  if (change.state === 'cancelled') {
    const when = localTime(`Cancelled by ${by ?? 'the requester'} at `, last?.at, '.', 'second');
    const message = `Nothing was changed. ${asked}`;
    return changeResultCard({
      tone: 'default',
      status: 'Cancelled',
      title,
      when,
      message,
      references,
    });
  }
  if (change.state === 'expired') {
    const when = localTime(
      'Nobody decided before ',
      change.expiresAt,
      ', so the request expired.',
      'second',
    );
    const message = `Nothing was changed. ${asked}`;
    return changeResultCard({
      tone: 'default',
      status: 'Expired',
      title,
      when,
      message,
      references,
    });
  }
  // applying, applied, failed, stale: the pipeline's own card (it names requester and approver).
  return { ...closedCard(change, view), actions: [] };
}

/** The card for one copy of the request, as things stand. */
export function requestCardFor(
  change: PendingChange,
  view: ChangeView,
  request: ApprovalRequest,
  audience: Audience,
  posting?: Posting,
): AdaptiveCard {
  return isOpen(change)
    ? openCard(change, view, request, audience, posting)
    : finalCard(change, view, request);
}
