/**
 * View-model of `approvals`: the requests waiting for a decision, each with what it changes, who
 * asked, why and until when; Approve and Reject (with a reason) for approvers, never on their own
 * request; Cancel for the requester and approvers; Open to get the full request card.
 */
import { AdaptiveCard, renderCard } from './render';

export interface ApprovalListItem {
  changeId: string;
  title: string;
  who: string;
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
