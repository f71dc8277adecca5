/**
 * The card-action table's types: one entry per Action.Execute verb, each with a zod schema for
 * its `data`. A card carries ids and a version only; the handler re-reads the truth server-side.
 */
import type { z } from 'zod';
import type { AdaptiveCard } from '../domain/adaptiveCard';
import type { Reply, TurnInfo } from './command';
import type { AppServices } from './command';

export interface ActionContext extends TurnInfo {
  services: AppServices;
  /** Id of the message that holds the card that was clicked. */
  replyToId?: string;
}

/** What a card button does to the card it sits on. */
export type ActionResult =
  /**
   * Replace the clicked card for the clicking user. With `forEveryone`, the message itself is
   * updated too (updateActivity), so a state change (applied, approved) is what everybody sees.
   */
  | { kind: 'card'; card: AdaptiveCard; forEveryone?: boolean; also?: Reply[] }
  /** Leave the card as it is and show a short message. */
  | { kind: 'message'; text: string; also?: Reply[] };

export { NEW_MESSAGE_KEY } from '../domain/adaptiveCard';

/** A card result sent as a new message instead of replacing the clicked card. */
export function asNewMessage(result: ActionResult): ActionResult {
  if (result.kind !== 'card' || result.forEveryone) return result;
  return {
    kind: 'message',
    text: 'Opened as a new message below.',
    also: [{ card: result.card }, ...(result.also ?? [])],
  };
}

export interface CardAction<S extends z.ZodType = z.ZodType> {
  verb: string;
  schema: S;
  /** The button opens a form or a preview of a change: refused at once for read-only users. */
  writes?: boolean;
  run(ctx: ActionContext, data: z.output<S>): Promise<ActionResult>;
}

export function cardAction<S extends z.ZodType>(a: CardAction<S>): CardAction {
  return a as unknown as CardAction;
}
