/**
 * Message turns: a typed line runs through the command table as the person who wrote it (with
 * "…is typing" while it waits on Graph), and a command typed before an SSO sign-in runs again
 * once the sign-in succeeded.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { runCommandText } from '../bot/runCommand';
import type { AppServices } from '../bot/command';
import { commandTextOf } from './activityText';
import { fileCommandOf } from './fileImport';
import { replyWithError } from './errorBoundary';
import type { SendReplies } from './deliverResults';
import type { ResumeCommand, TeamsSso } from './sso';
import { turnInfoOf } from './turnInfo';

export function createMessageTurns(
  services: AppServices,
  sendReplies: SendReplies,
  sso?: TeamsSso,
): { onMessage: (ctx: TurnContext) => Promise<void>; resumeCommand: ResumeCommand } {
  const { logger } = services;

  /**
   * "…is typing" while the command waits on Graph. Message turns only (an invoke answers in its
   * response); best effort: a refused indicator is logged and the command runs anyway.
   */
  async function showTyping(ctx: TurnContext): Promise<void> {
    // Personal and group chats only: a typing activity in a channel thread is not shown as a
    // typing indicator there, and the Agents Playground then drops the thread's next reply.
    if (ctx.activity.conversation?.conversationType === 'channel') return;
    try {
      await ctx.sendActivity({ type: ActivityTypes.Typing });
    } catch (err) {
      logger.warn('typing indicator not sent', { error: err });
    }
  }

  async function onMessage(ctx: TurnContext): Promise<void> {
    await showTyping(ctx);
    const info = turnInfoOf(ctx.activity);
    let text = commandTextOf(ctx.activity.text);
    // Teams SSO (src/teams/sso): the user's remembered SSO token for this turn.
    if (sso) info.ssoToken = await sso.ssoTokenForTurn(ctx);
    try {
      // A document sent as a file in a personal chat is imported like pasted text (fileImport.ts).
      const file = await fileCommandOf(ctx.activity, text, services.config.mode === 'sandbox');
      if (file && 'refused' in file) return await sendReplies(ctx, [{ text: file.refused }]);
      if (file) text = file.text;
      const replies = await runCommandText(text, { ...info, services });
      await sendReplies(ctx, replies);
    } catch (err) {
      // Teams SSO: a command that needs a sign-in starts one, and runs again after it.
      if (sso && (await sso.signInForMessage(ctx, err, text))) return;
      await replyWithError(logger, ctx, err, text);
    }
  }

  // Teams SSO: runs the command a user typed before signing in, once the exchange succeeded.
  // Errors become the usual error card (never a new sign-in: no loop).
  const resumeCommand: ResumeCommand = async (ctx, text, ssoToken) => {
    try {
      const info = { ...turnInfoOf(ctx.activity), ssoToken, services };
      const replies = await runCommandText(text, info);
      await sendReplies(ctx, replies);
    } catch (err) {
      await replyWithError(logger, ctx, err, text);
    }
  };

  return { onMessage, resumeCommand };
}
