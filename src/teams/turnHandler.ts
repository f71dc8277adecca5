/**
 * Routes each activity: messages to the command table (messageTurns.ts), `adaptiveCard/action`
 * and SSO invokes to invokeTurns.ts, install/uninstall events to the conversation store and the
 * welcome card (welcomeOnInstall.ts). Thin on purpose: all decisions live in src/commands,
 * src/actions and src/domain.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { CardAction } from '../bot/action';
import type { AppServices } from '../bot/command';
import { rememberConversation } from './conversations';
import { createReplySender } from './deliverResults';
import { createInvokeTurn } from './invokeTurns';
import { createMessageTurns } from './messageTurns';
import type { TeamsSso } from './sso';
import { createWelcomeOnInstall } from './welcomeOnInstall';
import { turnSpanAttributes } from './turnSpan';
import { inTurn } from '../telemetry';

export type TurnHandler = (ctx: TurnContext) => Promise<void>;

export function createTurnHandler(
  services: AppServices,
  actions: readonly CardAction[],
  /** Teams SSO (SSO_MODE=teams); undefined in sandbox "mint" mode. */
  sso?: TeamsSso,
): TurnHandler {
  const sendReplies = createReplySender(services);
  const { onMessage, resumeCommand } = createMessageTurns(services, sendReplies, sso);
  const onInvoke = createInvokeTurn(services, actions, sendReplies, resumeCommand, sso);
  const welcomeOnInstall = createWelcomeOnInstall(services);

  const route = async (ctx: TurnContext): Promise<void> => {
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
  // One span per turn (telemetry off: just the turn); Graph and store spans become its children.
  return (ctx) =>
    inTurn(
      ctx.activity.type,
      () => turnSpanAttributes(ctx.activity),
      () => route(ctx),
    );
}
