/**
 * The approvals service as turns see it (`services.approvals`, built in src/app/startApp.ts after the
 * services it depends on), and the messenger it posts and updates cards with.
 */
import type { SendOutcome } from '../notifications';
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { StoredConversationReference } from '../store/conversationStore';
import type { ApproverDirectory } from './approvers';
import type { InFlightMarks } from '../changes/inFlight';
import type { InstanceId } from '../domain/approvalRecords';

/** Posting and updating cards outside a turn (src/teams/proactive.ts). */
export interface CardMessenger {
  send(reference: StoredConversationReference, card: AdaptiveCard): Promise<SendOutcome>;
  update(
    reference: StoredConversationReference,
    activityId: string,
    card: AdaptiveCard,
  ): Promise<SendOutcome>;
}

export interface SweepResult {
  expired: number;
  reconciled: number;
  cardsUpdated: number;
  delivered: number;
}

export interface Approvals {
  readonly instance: InstanceId;
  readonly directory: ApproverDirectory;
  readonly messenger: CardMessenger;
  readonly inFlight: InFlightMarks;
  /** Expires overdue requests and previews, settles interrupted writes, brings cards up to date. */
  sweepNow(now?: Date): Promise<SweepResult>;
  /** Sweeps once at once (start-up reconcile), then every APPROVAL_SWEEP_SECONDS. */
  start(): void;
  stop(): Promise<void>;
}
