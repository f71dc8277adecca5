/**
 * Everything a step of the change pipeline uses, built per turn (src/bot/useCaseDeps.ts). Nothing
 * here is module state: the stores are views over the durable storage, Graph acts as the person
 * of this turn (on-behalf-of, graphAccess.ts), and time comes from one place.
 */
import type { InFlightMarks } from './inFlight';
import type { AuditLog } from '../history';
import { type ChangeKind, type Person } from '../domain/pendingChange';
import type { PendingChangeStore } from './pendingChangeStore';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import type { DurableStorage } from '../store/storage';
import type { ChangeViewStore } from './changeView';

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
  /** Who must approve each kind (APPROVAL_POLICY*, src/approvals). */
  policyOf(kind: ChangeKind): ApprovalPolicy;
  /** The audit log (src/history): every state a change enters is recorded there. */
  audit: AuditLog;
  /** Marks the one claimed Graph write as in flight, so a restart can settle it (src/approvals). */
  inFlight: InFlightMarks;
  /** For peer approval's own records (requests, locks). */
  storage: DurableStorage;
  /** True when an approval request is open for this change (src/approvals): its Apply waits. */
  awaitingApproval(changeId: string): Promise<boolean>;
  /** Neither APPROVERS nor APPROVER_GROUP_ID is set: peer previews say nobody can approve. */
  nobodyCanApprove: boolean;
}
