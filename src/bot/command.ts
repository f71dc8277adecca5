/**
 * The command table's types. A command declares how it is named, how it is used, how its
 * arguments parse and what it does; `help` is generated from the same table.
 */
import type { ParseResult } from '../domain/parse';
import type { ConversationRef, UserRef } from '../domain/people';
import type { AdaptiveCard } from '../domain/adaptiveCard';
import type { Approvals } from '../approvals/access';
import type { AuditLog } from '../history';
import type { Config } from '../config';
import type { GraphAccess } from '../identity/graphAccess';
import type { Logger } from '../log';
import type { ConversationStore } from '../store/conversationStore';
import type { DurableStorage } from '../store/storage';

export type { ConversationRef, ParseResult, UserRef };

/**
 * A file the bot offers in a personal chat (Teams file consent,
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4): Teams asks
 * the user, and on Accept sends an upload URL with `context` back (src/teams/fileConsent.ts).
 */
export interface FileOffer {
  name: string;
  description: string;
  sizeInBytes: number;
  /** Echoed back by Teams on Accept or Decline: what to upload, never the content itself. */
  context: Record<string, string>;
}

/** What a turn answers with: a text, a card, or a file offered for download. */
export type Reply = { text: string } | { card: AdaptiveCard } | { file: FileOffer };

/**
 * What commands and card actions may use. Built once in src/app; nothing here is per-request
 * mutable state (no module globals holding user data).
 */
export interface AppServices {
  config: Config;
  logger: Logger;
  storage: DurableStorage;
  conversations: ConversationStore;
  /** Graph as the asking user (on-behalf-of) or as the app. */
  graph: GraphAccess;
  /** The command table, so `help` can describe exactly what the bot accepts. */
  commands: readonly Command[];
  /** The append-only history of changes (src/history): the change pipeline records every event. */
  audit: AuditLog;
  /** Peer approval (src/approvals): requests, decisions, the sweep and its in-flight marks. */
  approvals: Approvals;
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

export interface Command<A = unknown> {
  name: string;
  /** Other spellings, possibly several words ("list flow sets"). */
  aliases: string[];
  /** e.g. "show {set}" (no angle brackets: card renderers treat them as HTML tags and drop them) */
  usage: string;
  summary: string;
  examples: string[];
  /**
   * The command leads to a change (a form or a preview to Apply): someone whose token cannot
   * change flow sets is told so at once, before any form (bot/writeAccess.ts requireWrite).
   */
  writes?: boolean;
  /**
   * Longest text this command reads, when longer than MAX_COMMAND_LENGTH (runCommand.ts): only
   * `import`, whose argument is a pasted document.
   */
  maxLength?: number;
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
