/**
 * botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication. Without BOT_ID,
 * authentication is disabled (what the Agents Playground needs, docs/teams-notes.md#auth-disabled); with
 * BOT_ID, every request must carry a valid Bot Framework JWT or it gets 401.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { logFailure } from './errorBoundary';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.bot.id ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    // Sandbox has no app id, and SingleTenant asserts one; auth is disabled there anyway.
    MicrosoftAppType: config.mode === 'sandbox' ? 'MultiTenant' : config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings as ConfigurationBotFrameworkAuthenticationOptions,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const adapter = new CloudAdapter(auth);
  // Last line of defence: errors that escaped our own boundary (e.g. a failed send).
  adapter.onTurnError = async (ctx, err) => {
    logFailure(logger, ctx, err);
    if (ctx.activity.type === 'message' && !ctx.responded) {
      await ctx
        .sendActivity('Sorry, something went wrong on my side. Please try again.')
        .catch(() => undefined);
    }
  };
  return adapter;
}
