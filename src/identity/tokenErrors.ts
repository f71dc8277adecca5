/**
 * Turns msal-node errors into AppErrors a school IT admin can act on. How Entra failures surface
 * in msal (docs/teams-notes.md#msal-on-behalf-of): InteractionRequiredAuthError for consent/interaction
 * (AADSTS65001 → consent), ServerError `invalid_grant` with AADSTS50013/500133 for a bad or
 * expired assertion, `invalid_client` for a wrong secret; transport failures are `network_error`.
 */
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AppError } from '../errors';

export type TokenFlow = 'on_behalf_of' | 'app_only';

export interface TokenErrorContext {
  flow: TokenFlow;
  adminConsentUrl: string;
}

const TRANSPORT_CODES = new Set([
  'network_error',
  'no_network_connectivity',
  'token_parsing_error', // a non-JSON answer, typically a gateway error page
  'temporarily_unavailable',
  'server_error',
]);
const CREDENTIAL_CODES = new Set(['invalid_client', 'unauthorized_client']);

/** The AADSTS number, from `error_codes[0]` or from the description text. */
export function aadstsCode(err: AuthError): string | undefined {
  const errorNo = (err as ServerError).errorNo;
  if (errorNo) return String(errorNo);
  return /AADSTS(\d+)/.exec(err.errorMessage ?? err.message)?.[1];
}

function consentRequired(err: AuthError, ctx: TokenErrorContext): AppError {
  return new AppError(
    'consent_required',
    'SDS Flow Admin is not yet allowed to manage School Data Sync for you in this tenant. ' +
      `A Global Administrator can grant the permission here: ${ctx.adminConsentUrl} — then try again.`,
    { cause: err, status: 400 },
  );
}

function signInRequired(err: AuthError): AppError {
  return new AppError(
    'sign_in_required',
    'Your sign-in has expired or could not be verified. Please sign in again.',
    { cause: err, status: 400 },
  );
}

function credentialRejected(err: AuthError, code: string | undefined): AppError {
  return new AppError(
    'config',
    `Microsoft Entra ID rejected the bot's own app credentials${code ? ` (AADSTS${code})` : ''}. ` +
      'An administrator must check the app registration client id and secret (AAD_APP_CLIENT_SECRET / BOT_PASSWORD).',
    { cause: err, status: 401 },
  );
}

function unavailable(err: unknown): AppError {
  return new AppError(
    'unavailable',
    'Microsoft Entra ID could not be reached to sign the bot in. Please try again in a moment.',
    { cause: err, retryable: true },
  );
}

export function toTokenAppError(err: unknown, ctx: TokenErrorContext): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof AuthError)) return unavailableOrInternal(err);
  const code = aadstsCode(err);
  if (err instanceof InteractionRequiredAuthError || code === '65001') {
    return consentRequired(err, ctx);
  }
  const status = (err as ServerError).status;
  if (TRANSPORT_CODES.has(err.errorCode) || (status !== undefined && status >= 500)) {
    return unavailable(err);
  }
  if (CREDENTIAL_CODES.has(err.errorCode)) return credentialRejected(err, code);
  const badAssertion = err.errorCode === 'invalid_grant' || code === '50013' || code === '500133';
  if (badAssertion && ctx.flow === 'on_behalf_of') return signInRequired(err);
  if (err.errorCode === 'invalid_scope' || err.name === 'ClientConfigurationError') {
    return new AppError('config', 'The bot is misconfigured for Microsoft Graph sign-in.', {
      cause: err,
    });
  }
  return internal(err);
}

function unavailableOrInternal(err: unknown): AppError {
  // fetch() failures that escaped msal's own wrapping.
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) return unavailable(err);
  return internal(err);
}

function internal(err: unknown): AppError {
  return new AppError('internal', 'Signing in to Microsoft Graph failed unexpectedly.', {
    cause: err,
  });
}
