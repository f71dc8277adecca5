/**
 * botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication. Without BOT_ID,
 * authentication is disabled (what the Agents Playground needs, docs/teams-notes.md#auth-disabled); with
 * BOT_ID, every request must carry a valid Bot Framework JWT or it gets 401.
 *
 * The HTTP edge (server.ts) does not call CloudAdapter.process(): that method answers every
 * failure with the library's message, prints a stack trace per rejected token, and trusts the
 * body. Instead it checks the request itself, then calls `authenticate` and `run` here.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { BOT_FRAMEWORK_CHANNEL_ISSUER, createAuthGuard, type AuthGuard } from './authGuard';
import { logFailure } from './errorBoundary';

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export type AuthOutcome =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401 | 503; reason: string };

export interface AdapterOptions {
  /**
   * Tests only: trust Bot Framework tokens (channel and emulator paths) signed by the keys this
   * OpenID configuration lists; everything else stays as in the public cloud.
   */
  openIdMetadataUrl?: string;
}

/** The request-time settings of the HTTP edge, derived from the configuration. */
export interface EdgePolicy {
  sandbox: boolean;
  /** Undefined when authentication is disabled (no BOT_ID). */
  guard?: AuthGuard;
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

export class BotAdapter extends CloudAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    readonly edge: EdgePolicy,
  ) {
    super(auth);
  }

  /** Bot Framework authentication alone: every failure is 401, except an outage of its keys. */
  async authenticate(activity: Activity, authorization: string): Promise<AuthOutcome> {
    try {
      return { ok: true, result: await this.auth.authenticateRequest(activity, authorization) };
    } catch (err) {
      const { name, statusCode } = (err ?? {}) as { name?: string; statusCode?: unknown };
      // AuthenticationError carries 500 when the OpenID metadata or keys could not be loaded.
      if (typeof statusCode === 'number' && statusCode >= 500)
        return { ok: false, status: 503, reason: 'signing keys unavailable' };
      return {
        ok: false,
        status: 401,
        reason: name && JWT_ERRORS.has(name) ? name : 'rejected by bot framework auth',
      };
    }
  }

  /** Runs the turn for an authenticated activity; returns what the caller should answer. */
  async run(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(result, activity, logic);
  }
}

/** CloudAdapter.process() turned these strings into Dates before the turn; so do we. */
export function fixTimestamps(activity: Record<string, unknown>): void {
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[key];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[key] = new Date(value);
    }
  }
}

export function createAdapter(
  config: Config,
  logger: Logger,
  options: AdapterOptions = {},
): BotAdapter {
  const sandbox = config.mode === 'sandbox';
  const settings = {
    MicrosoftAppId: config.bot.id ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    // Sandbox has no app id, and SingleTenant asserts one; auth is disabled there anyway.
    MicrosoftAppType: sandbox ? 'MultiTenant' : config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    // Setting one of these makes botbuilder take all of them as given (BotFrameworkAuthenticationFactory).
    ...(options.openIdMetadataUrl && {
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_CHANNEL_ISSUER,
      OAuthUrl: 'https://api.botframework.com',
      ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: options.openIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    }),
  };
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings as ConfigurationBotFrameworkAuthenticationOptions,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const guard = config.bot.id
    ? createAuthGuard({ appType: config.bot.type, tenantId: config.bot.tenantId })
    : undefined;
  const adapter = new BotAdapter(auth, { sandbox, guard });
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
