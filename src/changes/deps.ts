/**
 * Everything a step of the change pipeline uses, built per turn from the app services. Nothing
 * here is module state: the stores are views over the durable storage, Graph acts as the person
 * of this turn (on-behalf-of, graphAccess.ts), and time comes from one place.
 */
import type { InFlightMarks } from '../approvals/inFlight';
import type { AuditLog } from '../audit';
import type { TurnInfo } from '../commands/types';
import {
  createPendingChangeStore,
  type ChangeKind,
  type PendingChangeStore,
  type Person,
} from '../domain/pendingChange';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import type { AppServices } from '../services';
import type { DurableStorage } from '../store/storage';
import { createChangeViewStore, type ChangeViewStore } from './changeView';

export type ApprovalPolicy = 'self' | 'peer';

export interface ChangeDeps {
  changes: PendingChangeStore;
  views: ChangeViewStore;
  /** Graph as the person of this turn (never the app: writes need a delegated token). */
  graph: IndustryDataApi;
  /** Who is acting in this turn, by Entra object id. */
  person: Person;
  conversationId: string;
  /** The message holding the clicked card, when this turn is a card action. */
  replyToId?: string;
  ttlMs: number;
  logger: Logger;
  now(): Date;
  /** Who must approve each kind (APPROVAL_POLICY*, src/approvals); `self` when not given. */
  policyOf?(kind: ChangeKind): ApprovalPolicy;
  /** The audit log (src/audit): every state a change enters is recorded there. */
  audit?: AuditLog;
  /** Marks the one claimed Graph write as in flight, so a restart can settle it (src/approvals). */
  inFlight?: InFlightMarks;
  /** For peer approval's own records (requests, locks). */
  storage?: DurableStorage;
  /** Neither APPROVERS nor APPROVER_GROUP_ID is set: peer previews say nobody can approve. */
  nobodyCanApprove?: boolean;
}

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
    inFlight: services.approvals?.inFlight,
    storage: services.storage,
    nobodyCanApprove:
      services.config.approvals.approvers.length === 0 &&
      !services.config.approvals.approverGroupId,
  };
}

export const policyOfChange = (deps: ChangeDeps, kind: ChangeKind): ApprovalPolicy =>
  deps.policyOf?.(kind) ?? 'self';
