/**
 * What the approval steps use, per turn (the clicking person acts through Graph on their own
 * behalf) or, for the background sweep, as the bot itself (the app's read-only token, no person).
 */
import type { AuditLog } from '../history';
import type { ChangeDeps } from '../changes/deps';
import type { ConversationRef } from '../domain/people';
import type { Logger } from '../log';
import type { ConversationStore } from '../store/conversationStore';
import type { Approvals } from './access';
import type { ApprovalCards } from './outcome';
import type { ApprovalStores } from './stores';

export interface ApprovalDeps {
  change: ChangeDeps;
  stores: ApprovalStores;
  approvals: Approvals;
  conversations: ConversationStore;
  /** Draws the request's copies posted and updated in other conversations (src/views). */
  cards: ApprovalCards;
  /** How long a request waits for a decision (APPROVAL_TTL_HOURS). */
  ttlMs: number;
  conversation: ConversationRef;
  replyToId?: string;
  /**
   * Gets the clicker's on-behalf-of token now: in Teams SSO mode a click without a token answers
   * 401 loginRequest (docs/teams-notes.md#sso-on-a-card-button) before anything is decided, and Teams resends it.
   */
  ensureSignedIn(): Promise<void>;
}

/** For work outside a turn: the sweep and the card updates after it. */
export interface BackgroundDeps {
  stores: ApprovalStores;
  approvals: Pick<Approvals, 'messenger' | 'instance' | 'inFlight'>;
  conversations: ConversationStore;
  change: Pick<ChangeDeps, 'changes' | 'views' | 'logger' | 'now' | 'audit' | 'person' | 'graph'>;
  logger: Logger;
  audit?: AuditLog;
}
