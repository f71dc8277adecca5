/**
 * Routes each activity: messages to the command table, `adaptiveCard/action` invokes to the
 * action table, install/uninstall events to the conversation store. Thin on purpose: all
 * decisions live in src/commands, src/actions and src/domain.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { runCardAction } from '../actions/run';
import type { CardAction } from '../bot/action';
import type { ActionResult } from '../bot/action';
import { runCommandText } from '../bot/runCommand';
import type { Reply } from '../bot/command';
import { rememberPreviewPlacement } from '../changes/placement';
import { createPendingChangeStore } from '../changes/pendingChangeStore';
import type { AppServices } from '../bot/command';
import { commandTextOf } from './activityText';
import { installChange, rememberConversation } from './conversations';
import { welcomeCard } from '../views/welcomeCard';
import { invokeResponseForError, replyWithError } from './errorBoundary';
import {
  InvokeResponse,
  cardInvokeResponse,
  errorInvokeResponse,
  messageInvokeResponse,
} from './invokeResponse';
import { cardActivity, replyActivity } from './replies';
import type { ResumeCommand, TeamsSso } from './sso';
import { turnInfoOf } from './turnInfo';

export type TurnHandler = (ctx: TurnContext) => Promise<void>;

const AdaptiveCardInvokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.unknown().optional(),
  }),
});

export function createTurnHandler(
  services: AppServices,
  actions: readonly CardAction[],
  /** Teams SSO (SSO_MODE=teams); undefined in sandbox "mint" mode. */
  sso?: TeamsSso,
): TurnHandler {
  const { logger } = services;
  const pendingChanges = createPendingChangeStore(services.storage);

  /** Sends command replies; a preview card learns the id of the message that holds it. */
  async function sendReplies(ctx: TurnContext, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      const sent = await ctx.sendActivity(replyActivity(reply));
      if ('card' in reply) {
        const placement = { conversationId: ctx.activity.conversation.id, activityId: sent?.id };
        await rememberPreviewPlacement(pendingChanges, reply.card, placement);
      }
    }
  }

  /**
   * "…is typing" while the command waits on Graph. Message turns only (an invoke answers in its
   * response); best effort: a refused indicator is logged and the command runs anyway.
   */
  async function showTyping(ctx: TurnContext): Promise<void> {
    try {
      await ctx.sendActivity({ type: ActivityTypes.Typing });
    } catch (err) {
      logger.warn('typing indicator not sent', { error: err });
    }
  }

  async function onMessage(ctx: TurnContext): Promise<void> {
    await showTyping(ctx);
    const info = turnInfoOf(ctx.activity);
    const text = commandTextOf(ctx.activity.text);
    // Teams SSO (src/teams/sso): the user's remembered SSO token for this turn.
    if (sso) info.ssoToken = await sso.ssoTokenForTurn(ctx);
    try {
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

  async function onCardAction(ctx: TurnContext): Promise<InvokeResponse> {
    const parsed = AdaptiveCardInvokeValue.safeParse(ctx.activity.value);
    if (!parsed.success) {
      return errorInvokeResponse(
        400,
        'BadRequest',
        'This card action is malformed: expected an Action.Execute with a verb.',
      );
    }
    try {
      const info = { ...turnInfoOf(ctx.activity), services, replyToId: ctx.activity.replyToId };
      // Teams SSO: `value.authentication.token` (after our loginRequest) or the remembered one.
      if (sso) info.ssoToken = await sso.ssoTokenForTurn(ctx);
      const result = await runCardAction(
        parsed.data.action.verb,
        parsed.data.action.data,
        info,
        actions,
      );
      return await deliver(ctx, result);
    } catch (err) {
      // Teams SSO: 401 loginRequest without a usable token, 412 when Teams' token failed.
      const ssoResponse = sso?.cardActionResponse(ctx, err);
      if (ssoResponse) return ssoResponse;
      return invokeResponseForError(logger, ctx, err);
    }
  }

  async function deliver(ctx: TurnContext, result: ActionResult): Promise<InvokeResponse> {
    // New messages (a preview opened from an alert, say) learn their message id like any reply.
    await sendReplies(ctx, result.also ?? []);
    if (result.kind === 'message') return messageInvokeResponse(result.text);
    if (result.forEveryone && ctx.activity.replyToId) {
      // The invoke response only changes the clicker's view; update the message itself.
      await ctx.updateActivity({ ...cardActivity(result.card), id: ctx.activity.replyToId });
    }
    return cardInvokeResponse(result.card);
  }

  /**
   * The welcome card, once per install (issue 12 item 23). Teams announces one install twice
   * (installationUpdate add and conversationUpdate with the bot in membersAdded): the second
   * announcement within a minute says nothing. Upgrades and team restores are no new install.
   */
  const welcomed = new Map<string, number>();
  async function welcomeOnInstall(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const isNewInstall =
      installChange(ctx) === true &&
      a.action !== 'add-upgrade' &&
      a.channelData?.eventType !== 'teamRestored';
    if (!isNewInstall || !a.conversation?.id) return;
    const now = Date.now();
    for (const [id, at] of welcomed) if (now - at > 60_000) welcomed.delete(id);
    if (welcomed.has(a.conversation.id)) return;
    welcomed.set(a.conversation.id, now);
    const type = a.conversation.conversationType;
    const where = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
    const card = welcomeCard(services.commands, {
      sandbox: services.config.mode === 'sandbox',
      where,
    });
    try {
      await ctx.sendActivity(cardActivity(card));
    } catch (err) {
      // A welcome is a courtesy: never fail the install turn over it.
      logger.warn('welcome card not sent', {
        conversationId: a.conversation.id,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }

  async function onInvoke(ctx: TurnContext): Promise<void> {
    const response =
      ctx.activity.name === 'adaptiveCard/action'
        ? await onCardAction(ctx)
        : sso?.isSigninInvoke(ctx.activity.name) // Teams SSO: signin/tokenExchange|verifyState|failure
          ? await sso.onSigninInvoke(ctx, resumeCommand)
          : {
              status: 501,
              body: {
                code: 'NotSupported',
                message: `Invoke ${ctx.activity.name} is not handled.`,
              },
            };
    await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
  }

  return async (ctx) => {
    await rememberConversation(ctx, services);
    switch (ctx.activity.type) {
      case ActivityTypes.Message:
        return onMessage(ctx);
      case ActivityTypes.Invoke:
        return onInvoke(ctx);
      case ActivityTypes.ConversationUpdate:
      case ActivityTypes.InstallationUpdate:
        return welcomeOnInstall(ctx);
      default:
        return;
    }
  };
}
