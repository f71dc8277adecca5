/**
 * Teams SSO for the bot, with our own msal on-behalf-of exchange and no Azure Bot Service token
 * store (docs/teams-notes.md#app-registration, #own-on-behalf-of-exchange): the signin/* invokes, the OAuthCard in 1:1 chat, the
 * 401 loginRequest for Action.Execute, and resuming the command that needed the sign-in.
 * Only used when SSO_MODE=teams; in sandbox "mint" mode none of this runs.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { AppError } from '../../errors';
import type { SsoTokenValidator } from '../../identity/ssoToken';
import type { GraphIdentity } from '../../identity/types';
import type { Logger } from '../../log';
import type { DurableStorage } from '../../store/storage';
import { logFailure } from '../errorBoundary';
import type { InvokeResponse } from '../invokeResponse';
import { cardActivity } from '../replies';
import { createExchangeLedger } from './exchangeLedger';
import { createPendingCommands } from './pendingCommands';
import { oauthCardActivity, signInAndRunCard, type SignInSettings } from './signInCards';
import { SigninFailureValue, signinFailureAdvice } from './signinFailure';
import { createSsoTokenCache } from './tokenCache';
import { onTokenExchange } from './tokenExchange';
import { cardActionSsoResponse, ssoTokenForTurn } from './turnToken';
import type { ResumeCommand, TeamsSsoParts } from './types';

export const SIGNIN_INVOKES = [
  'signin/tokenExchange',
  'signin/verifyState',
  'signin/failure',
] as const;

export interface TeamsSsoOptions extends SignInSettings {
  identity: Pick<GraphIdentity, 'onBehalfOf' | 'signOut' | 'adminConsentUrl'>;
  validator: SsoTokenValidator;
  storage: DurableStorage;
  logger: Logger;
  /** How long a command typed before signing in waits for the sign-in; default 10 minutes. */
  pendingCommandTtlMs?: number;
  now?: () => number;
}

export interface TeamsSso {
  isSigninInvoke(name: string | undefined): boolean;
  /** Answers signin/tokenExchange, signin/verifyState and signin/failure. */
  onSigninInvoke(ctx: TurnContext, resume: ResumeCommand): Promise<InvokeResponse>;
  /** The SSO token for this turn (`TurnInfo.ssoToken`); throws SsoTokenRefusedError for a bad sent token. */
  ssoTokenForTurn(ctx: TurnContext): Promise<string | undefined>;
  /**
   * A chat command failed: when it was for want of a sign-in, start one (OAuthCard in 1:1 chat,
   * remembering the command; a sign-in-and-run card elsewhere) and return true.
   */
  signInForMessage(ctx: TurnContext, err: unknown, commandText: string): Promise<boolean>;
  /** An Action.Execute failed: the 401 loginRequest / 412 answer, or undefined if not an SSO matter. */
  cardActionResponse(ctx: TurnContext, err: unknown): InvokeResponse | undefined;
  /** Sign-out: forgets the user's SSO token here and their tokens in msal's cache. */
  forgetUser(aadObjectId: string): Promise<{ accountsRemoved: number }>;
}

export function createTeamsSso(options: TeamsSsoOptions): TeamsSso {
  const now = options.now ?? Date.now;
  const parts: TeamsSsoParts = {
    identity: options.identity,
    validator: options.validator,
    logger: options.logger.child({ component: 'teams-sso' }),
    settings: { appIdUri: options.appIdUri, signInLink: options.signInLink },
    tokens: createSsoTokenCache({ now }),
    ledger: createExchangeLedger(options.storage, now),
    pending: createPendingCommands(options.storage, { ttlMs: options.pendingCommandTtlMs, now }),
  };

  async function onVerifyState(ctx: TurnContext): Promise<InvokeResponse> {
    // Own OBO, no token store: the state (magic code) means nothing to us. Re-sending the card
    // makes Teams retry the silent exchange, which now succeeds after the pop-up (docs/teams-notes.md#sso-token-exchange, #own-on-behalf-of-exchange).
    await ctx.sendActivity(oauthCardActivity(parts.settings));
    return { status: 200 };
  }

  async function onSigninFailure(ctx: TurnContext): Promise<InvokeResponse> {
    const parsed = SigninFailureValue.safeParse(ctx.activity.value ?? {});
    const { code, message } = parsed.success
      ? parsed.data
      : { code: undefined, message: undefined };
    parts.logger.warn('teams sign-in failed', {
      code,
      message,
      activityId: ctx.activity.id,
      userOid: ctx.activity.from?.aadObjectId,
    });
    const advice = signinFailureAdvice(code, {
      appIdUri: parts.settings.appIdUri,
      adminConsentUrl: parts.identity.adminConsentUrl,
    });
    await ctx.sendActivity(MessageFactory.text(advice));
    return { status: 200 };
  }

  return {
    isSigninInvoke: (name) => (SIGNIN_INVOKES as readonly string[]).includes(name ?? ''),
    async onSigninInvoke(ctx, resume) {
      const name = ctx.activity.name;
      try {
        if (name === 'signin/tokenExchange') return await onTokenExchange(ctx, parts, resume);
        if (name === 'signin/verifyState') return await onVerifyState(ctx);
        return await onSigninFailure(ctx);
      } catch (err) {
        // e.g. storage down. For an exchange, 412 still lets Teams offer the sign-in button.
        const error = logFailure(parts.logger, ctx, err);
        if (name !== 'signin/tokenExchange') return { status: 500 };
        const { id, connectionName } = (ctx.activity.value ?? {}) as Record<string, unknown>;
        return { status: 412, body: { id, connectionName, failureDetail: error.userMessage } };
      }
    },
    ssoTokenForTurn: (ctx) => ssoTokenForTurn(ctx, parts),
    async signInForMessage(ctx, err, commandText) {
      const oid = ctx.activity.from?.aadObjectId;
      if (!(err instanceof AppError) || err.code !== 'sign_in_required' || !oid) return false;
      parts.tokens.forget(oid); // whatever we had did not work
      const personal = (ctx.activity.conversation?.conversationType ?? 'personal') === 'personal';
      parts.logger.info('sign-in requested', {
        activityId: ctx.activity.id,
        userOid: oid,
        via: personal ? 'oauthCard' : 'signInAndRunCard',
      });
      if (!personal) {
        // Bot SSO works in 1:1 chat only (docs/teams-notes.md#sso-token-exchange); Action.Execute SSO works anywhere (docs/teams-notes.md#sso-on-a-card-button).
        await ctx.sendActivity(cardActivity(signInAndRunCard(commandText)));
        return true;
      }
      await parts.pending.save(oid, {
        text: commandText,
        conversationId: ctx.activity.conversation.id,
      });
      await ctx.sendActivity(oauthCardActivity(parts.settings));
      return true;
    },
    cardActionResponse: (ctx, err) => cardActionSsoResponse(ctx, parts, err),
    async forgetUser(aadObjectId) {
      parts.tokens.forget(aadObjectId);
      return parts.identity.signOut({ aadObjectId });
    },
  };
}
