/**
 * The two grants the bot uses: on-behalf-of (jwt-bearer + requested_token_use=on_behalf_of) and
 * client credentials. Client authentication happens before these run (tokenEndpoint.ts).
 */
import { decodeJwt, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { resolveSandboxUser, type SandboxUser } from '../users';
import { entraErrors, type EntraError } from './entraErrors';
import type { Minter } from './minting';
import {
  GRAPH_DEFAULT_SCOPE,
  isClientCredentialsScopeValid,
  resolveDelegatedScopes,
} from './scopes';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The success body msal-node accepts (docs/teams-notes.md#msal-and-a-local-identity-provider, custom networkClient). */
export interface TokenSuccessBody {
  token_type: 'Bearer';
  access_token: string;
  expires_in: number;
  ext_expires_in: number;
  scope: string;
  id_token?: string;
  client_info?: string;
}

export type GrantOutcome =
  | { status: 200; body: TokenSuccessBody; subject: string }
  | (EntraError & { subject?: string });

export interface GrantContext {
  minter: Minter;
  tenantId: string;
  clientId: string;
}

const oboFormSchema = z.object({
  assertion: z.string().min(1),
  requested_token_use: z.literal('on_behalf_of'),
  scope: z.string().min(1),
});
const clientCredentialsFormSchema = z.object({ scope: z.string().min(1) });

function assertionProblem(err: unknown, assertion: string, clientId: string): EntraError {
  if (err instanceof joseErrors.JWTExpired) {
    return entraErrors.invalidAssertion(
      'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
    );
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
    const audience = String(decodeJwt(assertion).aud);
    return entraErrors.invalidAssertion(
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${audience}' and the expected audience is '${clientId}' or one of the Application Id URIs of this application.`,
    );
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return entraErrors.invalidAssertion(`Assertion contained an invalid '${err.claim}' claim.`);
  }
  return entraErrors.invalidAssertion('Assertion failed signature validation.');
}

/**
 * Verifies the SSO assertion and finds its sandbox user (one of the five, or a guest with the
 * assertion's oid and name), or says why not (AADSTS50013).
 */
async function assertionUser(
  assertion: string,
  ctx: GrantContext,
): Promise<{ user: SandboxUser } | { error: EntraError }> {
  let payload;
  try {
    payload = await ctx.minter.verify(assertion, [ctx.minter.ssoAudience, ctx.clientId]);
  } catch (err) {
    return { error: assertionProblem(err, assertion, ctx.clientId) };
  }
  const user =
    payload.tid === ctx.tenantId && typeof payload.oid === 'string'
      ? resolveSandboxUser(payload.oid, payload.name)
      : undefined;
  if (!user || typeof payload.scp !== 'string') {
    return {
      error: entraErrors.invalidAssertion(
        'Assertion is not a delegated token of a user in this tenant.',
      ),
    };
  }
  return { user };
}

/** Entra's client_info: base64url JSON {uid, utid}; msal builds the account's homeAccountId from it. */
function clientInfo(user: SandboxUser, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: user.aadObjectId, utid: tenantId })).toString(
    'base64url',
  );
}

export async function onBehalfOfGrant(
  form: Record<string, string>,
  ctx: GrantContext,
): Promise<GrantOutcome> {
  const parsed = oboFormSchema.safeParse(form);
  if (!parsed.success) {
    return entraErrors.invalidRequest(
      "The on-behalf-of request must contain 'assertion', 'scope' and requested_token_use=on_behalf_of.",
    );
  }
  const found = await assertionUser(parsed.data.assertion, ctx);
  if ('error' in found) return found.error;
  const { user } = found;
  const scopes = resolveDelegatedScopes(parsed.data.scope, user.consentedScopes);
  if (!scopes.ok) {
    const error =
      scopes.problem === 'consent_required'
        ? entraErrors.consentRequired(ctx.clientId)
        : entraErrors.invalidScope(scopes.detail);
    return { ...error, subject: user.aadObjectId };
  }
  const lifetime = ctx.minter.tokenLifetimeSeconds;
  return {
    status: 200,
    subject: user.aadObjectId,
    body: {
      token_type: 'Bearer',
      access_token: await ctx.minter.delegatedGraph(user, scopes.granted),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      scope: scopes.responseScope,
      // msal always asks for openid/profile, so Entra answers with an id_token and client_info;
      // they give msal an account per user, which is what sign-out removes.
      id_token: await ctx.minter.idToken(user),
      client_info: clientInfo(user, ctx.tenantId),
    },
  };
}

export async function clientCredentialsGrant(
  form: Record<string, string>,
  ctx: GrantContext,
): Promise<GrantOutcome> {
  const parsed = clientCredentialsFormSchema.safeParse(form);
  if (!parsed.success || !isClientCredentialsScopeValid(parsed.data.scope)) {
    return entraErrors.invalidScope(
      `The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (${GRAPH_DEFAULT_SCOPE}).`,
      1002012,
    );
  }
  const lifetime = ctx.minter.tokenLifetimeSeconds;
  return {
    status: 200,
    subject: 'app',
    body: {
      token_type: 'Bearer',
      access_token: await ctx.minter.appGraph(),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      scope: GRAPH_DEFAULT_SCOPE,
    },
  };
}
