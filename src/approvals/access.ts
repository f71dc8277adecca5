/**
 * The approvals service as turns see it (`services.approvals`, built in src/app.ts after the
 * services it depends on), and the messenger it posts and updates cards with.
 */
import { AppError } from '../errors';
import type { SendOutcome } from '../notifications';
import type { AdaptiveCard } from '../cards/render';
import type { AppServices } from '../services';
import type { StoredConversationReference } from '../store/conversationStore';
import type { ApproverDirectory } from './approvers';
import type { InFlightMarks } from './inFlight';
import type { InstanceId } from './schemas';

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

export function approvalsOf(services: AppServices): Approvals {
  if (!services.approvals) {
    throw new AppError('config', 'Peer approval is not set up in this bot (src/app.ts).');
  }
  return services.approvals;
}
