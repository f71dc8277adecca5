/**
 * Verifies a Teams SSO token (the assertion Teams sends in `signin/tokenExchange` or in an
 * Action.Execute `value.authentication.token`) before the bot uses it for anything.
 *
 * Teams gives us a JWT whose audience is our app (Application ID URI `api://botid-<BOT_ID>`,
 * or the client id for v2 tokens; docs/teams-notes.md#app-registration). The activity's `from.aadObjectId`
 * is authenticated by the Bot Framework channel token, the SSO token by Entra's signature: the
 * two must name the same person, or someone is replaying another user's token.
 * No botbuilder here: the identity module stays framework-free.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../errors';

export interface SsoTokenValidatorOptions {
  /** Where the signing keys are published (fetched once, then cached by jose). */
  jwksUri: string;
  /** The only tenant whose tokens we accept (`tid`). */
  tenantId: string;
  /** Accepted `aud` values: the Application ID URI and/or the client id. */
  audiences: string[];
  /** Accepted `iss` values (Entra v1 and v2 issuers of the tenant, or the sandbox IdP's). */
  issuers: string[];
}

export interface SsoTokenClaims {
  oid: string;
  tid: string;
  name?: string;
  upn?: string;
  /** `exp` in epoch milliseconds. */
  expiresAt: number;
}

export interface SsoTokenExpectation {
  /** The sender of the activity (`from.aadObjectId`). */
  aadObjectId: string;
  /** The conversation's tenant, when known. */
  tenantId?: string;
}

/** Throws AppError `forbidden` (someone else's token) or `sign_in_required` (anything else). */
export type SsoTokenValidator = (
  token: string,
  expected: SsoTokenExpectation,
) => Promise<SsoTokenClaims>;

/** Entra's clocks and ours may differ a little; a minute is what most validators allow. */
const CLOCK_TOLERANCE_SECONDS = 60;

function signInRequired(reason: string, cause?: unknown): AppError {
  return new AppError(
    'sign_in_required',
    'Your Teams sign-in could not be verified or has expired. Please sign in again.',
    { cause: cause ?? new Error(reason), status: 401 },
  );
}

function notYours(): AppError {
  return new AppError(
    'forbidden',
    'This sign-in belongs to someone else, so I did not use it. Please sign in again as yourself.',
    { status: 403 },
  );
}

/** The signing keys could not be fetched: not the user's fault, and worth a retry. */
function keysUnreachable(err: unknown): boolean {
  if (err instanceof joseErrors.JWKSTimeout) return true;
  // jose wraps nothing else: a non-jose error is the HTTP client failing; ERR_JOSE_GENERIC is
  // "Expected 200 OK from the JSON Web Key Set HTTP response".
  return !(err instanceof joseErrors.JOSEError) || err.code === 'ERR_JOSE_GENERIC';
}

function keysUnavailable(cause: unknown): AppError {
  return new AppError(
    'unavailable',
    'Microsoft Entra ID could not be reached to check your sign-in. Please try again in a moment.',
    { cause, retryable: true },
  );
}

function text(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value ? value : undefined;
}

/** Why jose refused a token, in words that are safe to log (never the token itself). */
function refusalReason(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `claim ${err.claim} is not valid`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'unknown signing key';
  if (err instanceof joseErrors.JOSEError) return err.code;
  return 'not verifiable';
}

export function createSsoTokenValidator(options: SsoTokenValidatorOptions): SsoTokenValidator {
  // One key set per validator: jose caches the keys and refetches on an unknown `kid`
  // (key rollover) at most once per cooldown, so a burst of forged tokens cannot hammer Entra.
  const keys = createRemoteJWKSet(new URL(options.jwksUri));
  return async (token, expected) => {
    if (!token) throw signInRequired('no token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience: options.audiences,
        issuer: options.issuers,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (err) {
      if (keysUnreachable(err)) throw keysUnavailable(err);
      throw signInRequired(`sso token refused: ${refusalReason(err)}`, err);
    }
    const oid = text(payload, 'oid');
    const tid = text(payload, 'tid');
    if (!oid || !tid) throw signInRequired('sso token has no oid/tid');
    if (tid !== options.tenantId) throw signInRequired('sso token is from another tenant');
    if (oid !== expected.aadObjectId) throw notYours();
    if (expected.tenantId && expected.tenantId !== tid) throw notYours();
    return {
      oid,
      tid,
      name: text(payload, 'name'),
      upn: text(payload, 'upn') ?? text(payload, 'preferred_username'),
      expiresAt: (payload.exp ?? 0) * 1000,
    };
  };
}

/**
 * Production: the tenant's Entra signing keys, v2 and v1 issuers (Teams may hand out either
 * token version depending on `accessTokenAcceptedVersion`, docs/teams-notes.md#app-registration), audience = Application ID URI
 * or client id.
 */
export function createEntraSsoTokenValidator(options: {
  tenantId: string;
  clientId: string;
  /** Default `api://botid-<clientId>`. */
  appIdUri?: string;
  /** Default https://login.microsoftonline.com. */
  authorityHost?: string;
}): SsoTokenValidator {
  const { tenantId, clientId } = options;
  const host = (options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  return createSsoTokenValidator({
    jwksUri: `${host}/${tenantId}/discovery/v2.0/keys`,
    tenantId,
    audiences: [options.appIdUri ?? `api://botid-${clientId}`, clientId],
    issuers: [
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      `https://sts.windows.net/${tenantId}/`,
    ],
  });
}

/** Sandbox: the local IdP (src/sandbox/idp) stands in for Entra; its issuer is in its metadata. */
export function createSandboxSsoTokenValidator(
  idp: { jwksUri: string; tenantId: string; authorityMetadata: string },
  clientId: string,
): SsoTokenValidator {
  const issuer = (JSON.parse(idp.authorityMetadata) as { issuer: string }).issuer;
  return createSsoTokenValidator({
    jwksUri: idp.jwksUri,
    tenantId: idp.tenantId,
    audiences: [`api://botid-${clientId}`, clientId],
    issuers: [issuer],
  });
}
