/**
 * What the approval steps answer with: outcomes, never cards. A turn's answer is drawn above them
 * (src/actions/approvalReplies.ts; the `approvals` list also in src/commands/approvals.ts). Cards
 * posted or updated in other conversations (the approvers' copies, the requester's copy, a swept
 * preview) are drawn by the presenter the steps get in their deps: `ApprovalCards`, implemented in
 * src/views/approvalPresenter.ts and wired in src/bot/useCaseDeps.ts and src/app/startApp.ts.
 */
import type { AdaptiveCard } from '../domain/adaptiveCard';
import type { ApprovalRequest, CardCopy } from '../domain/approvalRecords';
import type { FinishedResult } from '../domain/changeResult';
import type { ChangeView } from '../domain/changeView';
import type { PendingChange, Person } from '../domain/pendingChange';
import type { FreshPreview } from '../changes/expire';

/** Which copy of a request: the requester's, the approvals channel's, an approver's 1:1 chat. */
export type Audience = CardCopy['role'];

/** The channel copy being posted right now (not in `request.copies` until it is sent). */
export type Posting = Pick<CardCopy, 'label' | 'chosenBy'>;

/** Draws the cards the steps post or update outside the turn's own answer. */
export interface ApprovalCards {
  /** One copy of a request as things stand: open with that copy's buttons, else its final card. */
  requestCard(
    change: PendingChange,
    view: ChangeView,
    request: ApprovalRequest,
    audience: Audience,
    posting?: Posting,
  ): AdaptiveCard;
  /** A plain preview (no request) once it is closed, e.g. expired by the sweep. */
  closedCard(change: PendingChange, view: ChangeView): AdaptiveCard;
  /** The approver's finished write, for every copy: without buttons (they were for the decision). */
  finishedCard(change: PendingChange, view: ChangeView, result: FinishedResult): AdaptiveCard;
}

/** A short answer in words; the clicked card stays as it is. */
export type Message = { kind: 'message'; text: string };

/** The clicker's copy of a request as it stands; `forEveryone` when every copy shows it too. */
export type RequestShown = {
  kind: 'request';
  change: PendingChange;
  view: ChangeView;
  request: ApprovalRequest;
  audience: Audience;
  forEveryone: boolean;
};

/** The approver's write ran: its result, without buttons, for everyone. */
export type Finished = {
  kind: 'finished';
  change: PendingChange;
  view: ChangeView;
  result: FinishedResult;
};

/** One open request in the list, and what its reader may do with it. */
export interface ApprovalListEntry {
  change: PendingChange;
  view: ChangeView;
  request: ApprovalRequest;
  canDecide: boolean;
  canCancel: boolean;
}

/** What the `approvals` list shows its reader (src/views/approvalListCard.ts draws it). */
export interface ApprovalList {
  /** Open requests, shown or not. */
  open: number;
  /** Requests the reader may not see (not an approver, not theirs): counted, no more. */
  hidden: number;
  /** The reader may approve; 'unknown' when the approver group could not be read. */
  approver: boolean | 'unknown';
  /** No approvers are configured at all (APPROVERS, APPROVER_GROUP_ID). */
  noneConfigured: boolean;
  /** Where new requests go, when `approvals here` chose a channel. */
  channel?: { name?: string; setBy: Person };
  entries: ApprovalListEntry[];
}

/** The `approvals` list again, in place of the list card that was clicked. */
export type ListAgain = { kind: 'list'; list: ApprovalList };

/** A change's preview again, with a note (and the peer-approval part of the card, if any). */
export type PreviewShown = {
  kind: 'preview';
  change: PendingChange;
  view: ChangeView;
  note: string;
  approval?: { notice?: string; blockedBy?: string };
};

/** A change that is no longer open, as its closed card. */
export type ChangeClosed = { kind: 'closed'; change: PendingChange; view: ChangeView };

/** An expired preview clicked by its requester: what takes its place, for everyone. */
export type Refreshed = { kind: 'refreshed'; fresh: FreshPreview };

/** Approve, Reject, Cancel. */
export type DecisionOutcome = Message | RequestShown | Finished | ListAgain | PreviewShown;

/** Show: the request's card as a new message, for its requester and approvers only. */
export type ShowOutcome =
  | Message
  | {
      kind: 'shown';
      change: PendingChange;
      view: ChangeView;
      request: ApprovalRequest;
      audience: Audience;
    };

/** Request approval. */
export type RequestOutcome = Message | RequestShown | PreviewShown | ChangeClosed | Refreshed;

export type ApprovalOutcome = DecisionOutcome | ShowOutcome | RequestOutcome;
