/**
 * Message turns: a typed line runs through the command table as the person who wrote it (with
 * "…is typing" when it waits on Graph for long), and a command typed before an SSO sign-in runs
 * again once the sign-in succeeded.
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

/**
 * How long a command runs before "…is typing" is shown: most commands answer sooner, and then one
 * outbound message less per turn (a third of a short command's CPU, docs/performance.md). The
 * value is botbuilder's own ShowTypingMiddleware default (botbuilder-js,
 * libraries/botbuilder-core/src/showTypingMiddleware.ts).
 */
export const TYPING_DELAY_MS = 500;

export function createMessageTurns(
  services: AppServices,
  sendReplies: SendReplies,
  sso?: TeamsSso,
): { onMessage: (ctx: TurnContext) => Promise<void>; resumeCommand: ResumeCommand } {
  const { logger } = services;

  /**
   * "…is typing" when the command has not answered within TYPING_DELAY_MS. Message turns only
   * (an invoke answers in its response); best effort: a refused indicator is logged and the
   * command runs anyway. `stop` comes before any reply, so the indicator never follows one.
   */
  function typingWhileSlow(ctx: TurnContext): { stop(): Promise<void> } {
    // Personal and group chats only: a typing activity in a channel thread is not shown as a
    // typing indicator there, and the Agents Playground then drops the thread's next reply.
    if (ctx.activity.conversation?.conversationType === 'channel') return { stop: async () => {} };
    let sending: Promise<void> | undefined;
    const timer = setTimeout(() => {
      sending = ctx.sendActivity({ type: ActivityTypes.Typing }).then(
        () => undefined,
        (err: unknown) => logger.warn('typing indicator not sent', { error: err }),
      );
    }, TYPING_DELAY_MS);
    return {
      async stop() {
        clearTimeout(timer);
        await sending;
      },
    };
  }

  async function answer(ctx: TurnContext, typing: { stop(): Promise<void> }): Promise<void> {
    const info = turnInfoOf(ctx.activity);
    let text = commandTextOf(ctx.activity.text);
    // Teams SSO (src/teams/sso): the user's remembered SSO token for this turn.
    if (sso) info.ssoToken = await sso.ssoTokenForTurn(ctx);
    try {
      // A document sent as a file in a personal chat is imported like pasted text (fileImport.ts).
      const file = await fileCommandOf(ctx.activity, text, services.config.mode === 'sandbox');
      if (file && 'refused' in file) {
        await typing.stop();
        return await sendReplies(ctx, [{ text: file.refused }]);
      }
      if (file) text = file.text;
      const replies = await runCommandText(text, { ...info, services });
      await typing.stop();
      await sendReplies(ctx, replies);
    } catch (err) {
      await typing.stop();
      // Teams SSO: a command that needs a sign-in starts one, and runs again after it.
      if (sso && (await sso.signInForMessage(ctx, err, text))) return;
      await replyWithError(logger, ctx, err, text);
    }
  }

  async function onMessage(ctx: TurnContext): Promise<void> {
    const typing = typingWhileSlow(ctx);
    try {
      await answer(ctx, typing);
    } finally {
      await typing.stop(); // also when the turn failed: no indicator once the turn is over
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
