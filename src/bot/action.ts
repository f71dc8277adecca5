/**
 * The card-action table's types: one entry per Action.Execute verb, each with a zod schema for
 * its `data`. A card carries ids and a version only; the handler re-reads the truth server-side.
 */
import type { z } from 'zod';
import type { ActionResult } from '../views/reply';
import type { TurnInfo } from './command';
import type { AppServices } from './command';

export interface ActionContext extends TurnInfo {
  services: AppServices;
  /** Id of the message that holds the card that was clicked. */
  replyToId?: string;
}

export type { ActionResult };

export interface CardAction<S extends z.ZodType = z.ZodType> {
  verb: string;
  schema: S;
  run(ctx: ActionContext, data: z.output<S>): Promise<ActionResult>;
}

export function cardAction<S extends z.ZodType>(a: CardAction<S>): CardAction {
  return a as unknown as CardAction;
}
