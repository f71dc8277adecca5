/**
 * Dispatches an Action.Execute by verb. The payload is untrusted input: unknown verbs and data
 * that do not match the verb's schema are refused with a specific message, never a crash.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { requireWrite } from '../bot/writeAccess';
import { nameTurn } from '../telemetry';
import { NEW_MESSAGE_KEY, asNewMessage, type ActionContext, type CardAction } from '../bot/action';
import type { ActionResult } from '../bot/action';

export async function runCardAction(
  verb: unknown,
  data: unknown,
  ctx: ActionContext,
  table: readonly CardAction[],
): Promise<ActionResult> {
  const action = typeof verb === 'string' ? table.find((a) => a.verb === verb) : undefined;
  nameTurn('verb', action?.verb ?? 'unknown'); // only verbs of our own table reach telemetry
  if (!action) {
    throw new AppError(
      'bad_input',
      'This button is not something I know how to handle. The card may be from an older version of the bot: ask me again to get a fresh one.',
    );
  }
  const { newMessage, data: payload } = splitNewMessage(stripInputsMeta(data));
  const parsed = action.schema.safeParse(payload);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fields[issue.path.join('.') || '(card)'] = plainWords(issue);
    throw new AppError(
      'bad_input',
      'The card sent data I cannot accept. Ask me again to get a fresh card.',
      { fields },
    );
  }
  if (action.writes) await requireWrite(ctx);
  ctx.services.logger.info('card action', { verb: action.verb, activityId: ctx.activityId });
  const result = await action.run(ctx, parsed.data);
  return newMessage ? asNewMessage(result) : result;
}

/** The `newMessage` flag (src/bot/action.ts) is ours, not the verb's: taken off before its schema. */
function splitNewMessage(data: unknown): { newMessage: boolean; data: unknown } {
  if (data && typeof data === 'object' && !Array.isArray(data) && NEW_MESSAGE_KEY in data) {
    const { [NEW_MESSAGE_KEY]: flag, ...rest } = data as Record<string, unknown>;
    return { newMessage: flag === true, data: rest };
  }
  return { newMessage: false, data };
}

/**
 * What a refused field shows in chat: our schemas' own messages ("This is not a change id.") as
 * they are, zod's defaults ("Invalid input: expected string, received number") in plain words.
 */
function plainWords(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (big|small)|Unrecognized|Expected)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'missing' : 'not the right kind of value';
    case 'too_big':
      return issue.origin === 'string' ? `longer than ${issue.maximum} characters` : 'too large';
    case 'too_small':
      return issue.origin === 'string' ? 'empty' : 'too small';
    case 'invalid_value':
    case 'invalid_union':
      return 'not one of the values this button sends';
    default:
      return 'not valid';
  }
}

/** Teams adds `msteams` to Submit data; it is never part of our payloads. */
function stripInputsMeta(data: unknown): unknown {
  if (data && typeof data === 'object' && !Array.isArray(data) && 'msteams' in data) {
    const { msteams: _ignored, ...rest } = data as Record<string, unknown>;
    return rest;
  }
  return data ?? {};
}
