/**
 * Building a GraphIdentity for the two ways the bot runs: production (Entra ID, from Config) and
 * the sandbox (the local IdP in src/sandbox/idp).
 */
import type { ICacheClient, ICachePlugin } from '@azure/msal-node';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { createGraphIdentity } from './graphIdentity';
import type { GraphIdentity } from './types';

export interface GraphIdentityExtras {
  logger?: Logger;
  cachePlugin?: ICachePlugin;
  /** The shared per-user token cache (createStorageCacheClient), when instances share storage. */
  userTokenCache?: ICacheClient;
  graphScopes?: string[];
}

/** Production: authority `${authorityHost}/${tenantId}`, client secret from the config. */
export function createGraphIdentityFromConfig(
  identity: Config['identity'],
  extras: GraphIdentityExtras = {},
): GraphIdentity {
  const { clientId, clientSecret, tenantId, authorityHost } = identity;
  const missing = [
    !clientId && 'AAD_APP_CLIENT_ID (or BOT_ID)',
    !clientSecret && 'AAD_APP_CLIENT_SECRET (or BOT_PASSWORD)',
    !tenantId && 'AAD_APP_TENANT_ID (or BOT_TENANT_ID)',
  ].filter(Boolean);
  if (!clientId || !clientSecret || !tenantId) {
    throw new AppError('config', `Graph sign-in is not configured: set ${missing.join(', ')}.`);
  }
  return createGraphIdentity({
    clientId,
    credential: { clientSecret },
    tenantId,
    authority: `${authorityHost}/${tenantId}`,
    authorityHost,
    ...extras,
  });
}

/** The parts of the local IdP (src/sandbox/idp) that msal needs. */
export interface LocalIdentityProviderEndpoints {
  issuerBaseUrl: string;
  tenantId: string;
  authority: string;
  knownAuthorities: string[];
  authorityMetadata: string;
  /** The client registered at the local IdP. */
  clientId: string;
  clientSecret: string;
}

/**
 * Sandbox: the same msal code path against the local IdP. OIDC mode + knownAuthorities +
 * authorityMetadata keep msal off login.microsoftonline.com (docs/teams-notes.md#msal-and-a-local-identity-provider); the
 * admin-consent link points at the local IdP's explanation page.
 */
export function createSandboxGraphIdentity(
  idp: LocalIdentityProviderEndpoints,
  extras: GraphIdentityExtras & { clientSecret?: string } = {},
): GraphIdentity {
  const { clientSecret = idp.clientSecret, ...rest } = extras;
  return createGraphIdentity({
    clientId: idp.clientId,
    credential: { clientSecret },
    tenantId: idp.tenantId,
    authority: idp.authority,
    authorityHost: idp.issuerBaseUrl,
    knownAuthorities: idp.knownAuthorities,
    authorityMetadata: idp.authorityMetadata,
    protocolMode: 'OIDC',
    ...rest,
  });
}
