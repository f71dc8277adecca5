/**
 * What every decision on a request shares: loading it, authorising the clicker (by Entra object
 * id only) and answering a click that came too late with the current state.
 */
import { recordChangeEvent, SYSTEM_ACTOR } from '../history';
import { viewOf, type ChangeView } from '../changes/changeView';
import { samePerson, type PendingChange } from '../domain/pendingChange';
import { AppError } from '../errors';
import { syncCards, type CardSyncDeps } from './cardSync';
import type { ApprovalDeps } from './deps';
import type { ApprovalRequest } from '../domain/approvalRecords';
import { OPEN } from '../domain/changeLifecycle';
import type { Message, RequestShown } from './outcome';

export interface Loaded {
  change: PendingChange;
  request: ApprovalRequest;
  view: ChangeView;
}

export async function currentRequest(deps: ApprovalDeps, changeId: string): Promise<Loaded> {
  const [change, request] = await Promise.all([
    deps.stores.changes.get(changeId),
    deps.stores.requests.get(changeId),
  ]);
  if (!change || !request)
    throw new AppError(
      'not_found',
      'This is not a request for approval, or it is no longer known.',
    );
  return {
    change: change.value,
    request: request.value,
    view: await viewOf(deps.change.views, changeId),
  };
}

export const cardSyncDeps = (deps: ApprovalDeps): CardSyncDeps => ({
  stores: deps.stores,
  views: deps.change.views,
  messenger: deps.approvals.messenger,
  logger: deps.change.logger,
  cards: deps.cards,
});

const own = (change: PendingChange, aadObjectId: string) =>
  !!aadObjectId && samePerson(change.requester, { aadObjectId });

export const isRequester = own;

export const ONLY_APPROVERS_AND_REQUESTER =
  'Only approvers and the person who asked can see this request.';

/**
 * Who may see a request's details (the set, the diff, the reason): its requester and approvers.
 * An unreadable approver group is an error (AppError 'unavailable'), never a yes.
 */
export async function maySee(deps: ApprovalDeps, change: PendingChange): Promise<boolean> {
  const oid = deps.change.person.aadObjectId;
  if (!oid) return false;
  return own(change, oid) || deps.approvals.directory.isApprover(oid);
}

/** Approve and Reject: never the requester; only someone on the approver list. */
export async function authoriseDecision(
  deps: ApprovalDeps,
  change: PendingChange,
): Promise<Message | undefined> {
  const { person } = deps.change;
  const refuse = (text: string): Message => ({ kind: 'message', text });
  if (!person.aadObjectId)
    return refuse('Only people signed in with a work or school account can approve.');
  if (own(change, person.aadObjectId))
    return refuse(
      'You asked for this change, so someone else has to approve or reject it. You can cancel it.',
    );
  const { directory } = deps.approvals;
  if (directory.noneConfigured)
    return refuse(
      'No approvers are configured (APPROVERS, APPROVER_GROUP_ID), so nobody can approve or reject this request.',
    );
  if (!(await directory.isApprover(person.aadObjectId)))
    return refuse(
      'Only approvers can approve or reject changes, and you are not one of them (APPROVERS or the approver group).',
    );
  return undefined;
}

/** Which copy a clicker's own view is: the requester's, or the deciding one. */
export const audienceOf = (deps: ApprovalDeps, change: PendingChange) =>
  own(change, deps.change.person.aadObjectId) ? ('requester' as const) : ('channel' as const);

/** An expiry found by a click is stored by it: audit it like the sweep does. */
export async function auditExpiry(deps: ApprovalDeps, expired: PendingChange, view: ChangeView) {
  await recordChangeEvent(deps.change, expired, view, 'expired', {
    actor: SYSTEM_ACTOR,
    at: deps.change.now(),
  });
}

/**
 * A click on a request that moved on: a final state is shown to everyone (and every copy is
 * brought up to date if it was not yet); an open one only to the clicker, as their copy.
 */
export async function closedResult(
  deps: ApprovalDeps,
  change: PendingChange,
  loaded: Loaded,
): Promise<RequestShown> {
  const shown = { kind: 'request', change, view: loaded.view } as const;
  if (OPEN.includes(change.state) || change.state === 'applying')
    return {
      ...shown,
      request: loaded.request,
      audience: audienceOf(deps, change),
      forEveryone: false,
    };
  const request = (await deps.stores.requests.get(change.id))?.value ?? loaded.request;
  if (request.cardsShow !== change.state)
    await syncCards(cardSyncDeps(deps), change, request, { skipActivityId: deps.replyToId });
  // Decided: every copy shows the final card, whichever copy this is.
  return { ...shown, request, audience: 'channel', forEveryone: true };
}
