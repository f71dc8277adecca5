/**
 * Which SSO token a turn uses, and what to answer when a turn fails for the lack of one.
 *
 * - An Action.Execute that Teams re-sent after our 401 loginRequest carries the token in
 *   `value.authentication.token` (docs/teams-notes.md#sso-on-a-card-button): verified here, used for that turn.
 * - Anything else uses the token remembered from an earlier exchange (1:1 chat), if still valid.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { AppError } from '../../errors';
import { logFailure } from '../errorBoundary';
import {
  loginRequestInvokeResponse,
  preconditionFailedInvokeResponse,
  type InvokeResponse,
} from '../invokeResponse';
import { loginRequest } from './signInCards';
import type { TeamsSsoParts } from './types';

const WithAuthentication = z.object({
  authentication: z.object({ token: z.string().min(1).max(16_000) }),
});

/** A token Teams sent with this very activity and that failed verification. */
export class SsoTokenRefusedError extends AppError {
  constructor(cause: AppError) {
    super(cause.code, cause.userMessage, { cause, status: cause.status });
    this.name = 'SsoTokenRefusedError';
  }
}

export function authenticationTokenOf(activity: Activity): string | undefined {
  if (activity.type !== 'invoke') return undefined;
  const parsed = WithAuthentication.safeParse(activity.value);
  return parsed.success ? parsed.data.authentication.token : undefined;
}

/** Throws SsoTokenRefusedError when the activity carries a token that is not the sender's or not valid. */
export async function ssoTokenForTurn(
  ctx: TurnContext,
  parts: TeamsSsoParts,
): Promise<string | undefined> {
  const oid = ctx.activity.from?.aadObjectId;
  if (!oid) return undefined;
  const sent = authenticationTokenOf(ctx.activity);
  if (!sent) return parts.tokens.get(oid);
  try {
    const { expiresAt } = await parts.validator(sent, {
      aadObjectId: oid,
      tenantId: ctx.activity.conversation?.tenantId,
    });
    parts.tokens.remember(oid, sent, expiresAt);
    return sent;
  } catch (err) {
    throw err instanceof AppError && err.code !== 'unavailable'
      ? new SsoTokenRefusedError(err)
      : err;
  }
}

/**
 * For an Action.Execute that failed: 401 loginRequest when we had no usable token, 412 when the
 * token Teams sent could not be used (docs/teams-notes.md#invoke-responses, #sso-on-a-card-button); undefined when it is not an SSO matter.
 */
export function cardActionSsoResponse(
  ctx: TurnContext,
  parts: TeamsSsoParts,
  err: unknown,
): InvokeResponse | undefined {
  if (!(err instanceof AppError)) return undefined;
  const sentToken = authenticationTokenOf(ctx.activity) !== undefined;
  const refused = err instanceof SsoTokenRefusedError;
  const exchangeFailed =
    sentToken && (err.code === 'sign_in_required' || err.code === 'consent_required');
  if (refused || exchangeFailed) {
    logFailure(parts.logger, ctx, err);
    return preconditionFailedInvokeResponse(err.userMessage);
  }
  if (err.code !== 'sign_in_required') return undefined;
  // The remembered token (if any) did not work: drop it and ask Teams for a fresh one.
  const oid = ctx.activity.from?.aadObjectId;
  if (oid) parts.tokens.forget(oid);
  parts.logger.info('sign-in requested', {
    activityId: ctx.activity.id,
    userOid: oid,
    via: 'loginRequest',
  });
  return loginRequestInvokeResponse(loginRequest(parts.settings));
}
