/**
 * What a turn answers with: replies to send (a text or a card), and what a card button does to the
 * card it sits on.
 */
import type { AdaptiveCard } from './render';

export type Reply = { text: string } | { card: AdaptiveCard };

export type ActionResult =
  /**
   * Replace the clicked card for the clicking user. With `forEveryone`, the message itself is
   * updated too (updateActivity), so a state change (applied, approved) is what everybody sees.
   */
  | { kind: 'card'; card: AdaptiveCard; forEveryone?: boolean; also?: Reply[] }
  /** Leave the card as it is and show a short message. */
  | { kind: 'message'; text: string; also?: Reply[] };
