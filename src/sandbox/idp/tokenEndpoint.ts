/**
 * POST /{tenant}/oauth2/v2.0/token: counts the request, authenticates the client
 * (client_id + client_secret, as msal-node sends them in the form body), then runs the grant.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../log';
import { entraErrors } from './entraErrors';
import {
  clientCredentialsGrant,
  JWT_BEARER_GRANT,
  onBehalfOfGrant,
  type GrantContext,
  type GrantOutcome,
} from './grants';

export interface TokenRequestCounts {
  onBehalfOf: number;
  clientCredentials: number;
}

export interface TokenEndpointContext extends GrantContext {
  clientSecret: string;
  counts: TokenRequestCounts;
  logger: Logger;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function authenticateClient(
  form: Record<string, string>,
  ctx: TokenEndpointContext,
): GrantOutcome | undefined {
  const clientId = form.client_id ?? '';
  if (clientId !== ctx.clientId) return entraErrors.unknownClient(clientId);
  // Certificates (client_assertion) are a production option; the sandbox app has a secret only.
  if (form.client_secret === undefined) return entraErrors.missingClientCredential();
  if (!sameSecret(form.client_secret, ctx.clientSecret)) {
    return entraErrors.invalidClientSecret(clientId);
  }
  return undefined;
}

function countRequest(grantType: string, form: Record<string, string>, counts: TokenRequestCounts) {
  if (grantType === 'client_credentials') counts.clientCredentials += 1;
  else if (grantType === JWT_BEARER_GRANT && form.requested_token_use === 'on_behalf_of') {
    counts.onBehalfOf += 1;
  }
}

export async function handleTokenRequest(
  form: Record<string, string>,
  ctx: TokenEndpointContext,
): Promise<GrantOutcome> {
  const grantType = form.grant_type ?? '';
  countRequest(grantType, form, ctx.counts);
  const outcome = authenticateClient(form, ctx) ?? (await runGrant(grantType, form, ctx));
  const fields = { grantType, status: outcome.status, subject: outcome.subject };
  if (outcome.status === 200) ctx.logger.info('idp issued token', fields);
  else {
    const { error, error_codes: codes } = (outcome as Exclude<GrantOutcome, { status: 200 }>).body;
    ctx.logger.info('idp refused token', { ...fields, error, aadsts: codes[0] });
  }
  return outcome;
}

function runGrant(
  grantType: string,
  form: Record<string, string>,
  ctx: TokenEndpointContext,
): Promise<GrantOutcome> {
  if (grantType === JWT_BEARER_GRANT) return onBehalfOfGrant(form, ctx);
  if (grantType === 'client_credentials') return clientCredentialsGrant(form, ctx);
  return Promise.resolve(entraErrors.unsupportedGrant(grantType));
}
