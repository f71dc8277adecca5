/**
 * What the outbox worker needs from Teams: post a card into a stored conversation and learn how
 * it went. Implemented with botbuilder in src/teams/proactive.ts; tests and the bench use the same
 * implementation against the loopback connector.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { StoredConversationReference } from '../store/conversationStore';

export type SendOutcome =
  /** Posted; Teams sometimes answers 202 without an id (docs/teams-notes.md#proactive-messages). */
  | { kind: 'sent'; activityId?: string }
  /** 429: not processed; try again after Retry-After (or backoff). */
  | { kind: 'throttled'; status: number; retryAfterMs?: number }
  /** 403/404: the bot is not in the conversation any more, or it is gone. Never retried. */
  | { kind: 'gone'; status: number; detail: string }
  /** Refused before anything was posted (connection refused, DNS, 401, 412): safe to send again. */
  | { kind: 'notSent'; status?: number; detail: string }
  /**
   * 5xx, timeout or a dropped connection: it may or may not have been posted. `settled` resolves
   * with the real outcome if the request still finishes after we stopped waiting.
   */
  | { kind: 'unknown'; status?: number; detail: string; settled?: Promise<SendOutcome> }
  /** Refused for good (400, 413…): sending it again cannot help. */
  | { kind: 'rejected'; status: number; detail: string };

export interface NotificationSender {
  send(reference: StoredConversationReference, card: AdaptiveCard): Promise<SendOutcome>;
}
