/**
 * View-model of `approvals`: the requests waiting for a decision, each with what it changes, who
 * asked, why and until when; Approve and Reject (with a reason) for approvers, never on their own
 * request; Cancel for the requester and approvers; Open to get the full request card.
 */
import { AdaptiveCard, renderCard } from './render';
import { placeChosenBy } from './approvalCards';
import type { ApprovalRequest } from '../domain/approvalRecords';
import { titleOf } from '../domain/changeRows';
import type { ChangeView } from '../domain/changeView';
import type { PendingChange, Person } from '../domain/pendingChange';
import { localTime, type LocalTime } from './localTime';

export interface ApprovalListItem {
  changeId: string;
  title: string;
  /** "Asked by Avery Admin at {time}" and "Expires {time}", in the reader's own time zone. */
  asked: LocalTime;
  expires: LocalTime;
  reason: string;
  /** e.g. "Approved, not applied yet" (after a restart). */
  status?: string;
  canDecide: boolean;
  canCancel: boolean;
}

export interface ApprovalListModel {
  summary: string;
  notice?: string;
  items: ApprovalListItem[];
}

export function approvalListCard(model: ApprovalListModel): AdaptiveCard {
  return renderCard('approval-list', {
    summary: model.summary,
    notice: model.notice ?? '',
    count: model.items.length,
    items: model.items.map((item) => ({ ...item, status: item.status ?? '' })),
  });
}

/** The list as src/approvals/list.ts finds it, for one reader. */
export interface ApprovalListData {
  open: number;
  hidden: number;
  approver: boolean | 'unknown';
  noneConfigured: boolean;
  channel?: { name?: string; setBy: Person };
  entries: Array<{
    change: PendingChange;
    view: ChangeView;
    request: ApprovalRequest;
    canDecide: boolean;
    canCancel: boolean;
  }>;
}

/**
 * Under APPROVAL_POLICY=self (the default) nobody approves anything: said plainly, with what to
 * configure for peer approval, instead of a red "no approvers" alarm (issue 12 item 6).
 */
export const SELF_POLICY_TEXT =
  'Changes are applied by the person who previews them (APPROVAL_POLICY=self), so there is nothing to approve and no approval requests are posted anywhere. ' +
  'For peer approval, set APPROVAL_POLICY=peer (or one kind, e.g. APPROVAL_POLICY_DELETE=peer) and name the approvers with APPROVERS or APPROVER_GROUP_ID.';

function noticeOf(list: ApprovalListData): string | undefined {
  if (list.noneConfigured)
    return 'No approvers are configured (APPROVERS, APPROVER_GROUP_ID): nobody can approve these requests.';
  if (list.approver === 'unknown')
    return 'The approver group could not be read just now, so Approve is not offered; try again in a minute.';
  return undefined;
}

/** The `approvals` list card of one reader. */
export function approvalListCardOf(list: ApprovalListData): AdaptiveCard {
  const approver = list.approver === true;
  const where = list.channel
    ? `Requests go to ${placeChosenBy(list.channel.name ?? 'the approvals channel', list.channel.setBy)}.`
    : 'New requests go to each approver in a 1:1 chat ("approvals here" in a channel posts them there).';
  const { hidden } = list;
  const others = hidden
    ? ` Only approvers and the person who asked can see a request, so ${hidden === 1 ? '1 is' : `${hidden} are`} not shown.`
    : '';
  const summary = `${list.open} waiting for a decision. ${where} ${approver ? 'You can approve.' : 'You are not an approver.'}${others}`;
  const items = list.entries.map(
    ({ change, view, request, canDecide, canCancel }): ApprovalListItem => ({
      changeId: change.id,
      title: titleOf(change, view),
      asked: localTime(`Asked by ${change.requester.name} at `, request.requestedAt),
      expires: localTime('Expires ', change.expiresAt),
      reason: request.reason,
      status:
        change.state === 'approved'
          ? `Approved by ${change.approver?.name ?? 'an approver'}, not applied yet`
          : undefined,
      canDecide,
      canCancel,
    }),
  );
  return approvalListCard({ summary, notice: noticeOf(list), items });
}
