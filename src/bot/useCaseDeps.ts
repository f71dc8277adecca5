/**
 * Builds each use case's dependencies for one turn from the app's services: Graph as the person
 * of this turn (on-behalf-of), the durable stores, the policy and the clock. The use cases declare
 * what they need (changes/deps.ts, approvals/deps.ts); only this file knows where it comes from.
 */
import type { ApprovalDeps } from '../approvals/deps';
import { approvalStores } from '../approvals/stores';
import { createChangeViewStore } from '../changes/changeView';
import type { ChangeDeps } from '../changes/deps';
import { createPendingChangeStore } from '../changes/pendingChangeStore';
import { approvalPresenter } from '../views/approvalPresenter';
import type { ActionContext } from './action';
import type { TurnInfo } from './command';
import type { AppServices } from './command';

export function changeDeps(
  ctx: TurnInfo & { services: AppServices; replyToId?: string },
): ChangeDeps {
  const { services } = ctx;
  return {
    changes: createPendingChangeStore(services.storage),
    views: createChangeViewStore(services.storage),
    graph: services.graph.forUser(ctx),
    person: { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name },
    conversationId: ctx.conversation.id,
    replyToId: ctx.replyToId,
    ttlMs: services.config.previewTtlMs,
    logger: services.logger,
    now: () => new Date(),
    policyOf: (kind) => services.config.approvals.policy[kind],
    audit: services.audit,
    inFlight: services.approvals.inFlight,
    storage: services.storage,
    awaitingApproval: async (changeId) =>
      !!(await approvalStores(services.storage).requests.get(changeId)),
    nobodyCanApprove:
      services.config.approvals.approvers.length === 0 &&
      !services.config.approvals.approverGroupId,
  };
}

export function approvalDeps(ctx: ActionContext): ApprovalDeps {
  const { services } = ctx;
  return {
    change: changeDeps(ctx),
    stores: approvalStores(services.storage),
    approvals: services.approvals,
    conversations: services.conversations,
    cards: approvalPresenter,
    ttlMs: services.config.approvals.ttlMs,
    conversation: ctx.conversation,
    replyToId: ctx.replyToId,
    ensureSignedIn: async () => {
      await services.graph.userToken(ctx)();
    },
  };
}
