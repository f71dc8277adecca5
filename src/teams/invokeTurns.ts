/**
 * Invoke turns: an `adaptiveCard/action` runs through the action table as the person who clicked
 * (its result delivered by deliverResults.ts), Teams SSO sign-in invokes go to the SSO flow, an
 * offered file's consent to fileConsent.ts, and anything else is answered 501.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { runCardAction } from '../actions/run';
import type { CardAction } from '../bot/action';
import type { AppServices } from '../bot/command';
import { deliverActionResult, type SendReplies } from './deliverResults';
import { FILE_CONSENT_INVOKE, onFileConsent } from './fileConsent';
import { invokeResponseForError } from './errorBoundary';
import { InvokeResponse, errorInvokeResponse } from './invokeResponse';
import type { ResumeCommand, TeamsSso } from './sso';
import { turnInfoOf } from './turnInfo';

const AdaptiveCardInvokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.unknown().optional(),
  }),
});

export function createInvokeTurn(
  services: AppServices,
  actions: readonly CardAction[],
  sendReplies: SendReplies,
  resumeCommand: ResumeCommand,
  sso?: TeamsSso,
): (ctx: TurnContext) => Promise<void> {
  const { logger } = services;

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
      return await deliverActionResult(ctx, result, sendReplies);
    } catch (err) {
      // Teams SSO: 401 loginRequest without a usable token, 412 when Teams' token failed.
      const ssoResponse = sso?.cardActionResponse(ctx, err);
      if (ssoResponse) return ssoResponse;
      return invokeResponseForError(logger, ctx, err);
    }
  }

  async function onInvoke(ctx: TurnContext): Promise<void> {
    const response =
      ctx.activity.name === 'adaptiveCard/action'
        ? await onCardAction(ctx)
        : ctx.activity.name === FILE_CONSENT_INVOKE // an offered file accepted or declined
          ? await onFileConsent(ctx, services, sso)
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

  return onInvoke;
}
