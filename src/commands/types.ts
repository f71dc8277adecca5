/**
 * The command table's types. A command declares how it is named, how it is used, how its
 * arguments parse and what it does; `help` is generated from the same table.
 */
import type { AdaptiveCard } from '../cards/render';
import type { AppServices } from '../services';

export interface UserRef {
  /** Entra object id: the only thing authorisation ever looks at. */
  aadObjectId: string;
  name: string;
}

export interface ConversationRef {
  id: string;
  type: 'personal' | 'groupChat' | 'channel';
  tenantId?: string;
}

export interface TurnInfo {
  user: UserRef;
  conversation: ConversationRef;
  /** Activity id, for correlation in logs and error cards. */
  activityId?: string;
  /** The user's Teams SSO token for this turn, when Teams gave us one (never logged, never stored). */
  ssoToken?: string;
}

export interface CommandContext extends TurnInfo {
  services: AppServices;
}

export type Reply = { text: string } | { card: AdaptiveCard };

export type ParseResult<A> = { ok: true; args: A } | { ok: false; error: string };

export interface Command<A = unknown> {
  name: string;
  /** Other spellings, possibly several words ("list flow sets"). */
  aliases: string[];
  /** e.g. "show {set}" (no angle brackets: card renderers treat them as HTML tags and drop them) */
  usage: string;
  summary: string;
  examples: string[];
  parse(rest: string): ParseResult<A>;
  run(ctx: CommandContext, args: A): Promise<Reply[]>;
}

/** Widens a typed command for the table without losing its own parse/run pairing. */
export function command<A>(c: Command<A>): Command<unknown> {
  return c as Command<unknown>;
}

export const noArgs = (rest: string): ParseResult<undefined> =>
  rest.trim()
    ? { ok: false, error: 'This command takes no arguments.' }
    : { ok: true, args: undefined };
