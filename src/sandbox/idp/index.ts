/**
 * Local OpenID provider for the sandbox and tests: issues RS256 JWTs on 127.0.0.1 for the sandbox
 * tenant (src/sandbox/users.ts) so the bot runs its real msal-node OBO/client-credentials code.
 *
 * msal-node needs an https authority and would look up unknown hosts at login.microsoftonline.com
 * (docs/teams-notes.md#msal-and-a-local-identity-provider), so we hand it an https *string* for a host listed in knownAuthorities and
 * the endpoints (plain http on 127.0.0.1) through authorityMetadata; msal never calls the https URL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../../log';
import type { EmulatorCaller } from '../emulator';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT_ID } from '../users';
import { openIdConfiguration } from './discovery';
import { createGraphRequestAuthenticator } from './graphAuth';
import { loadOrCreateSigningKey } from './keys';
import { createMinter } from './minting';
import { mintGraphToken, mintSsoToken, type GraphTokenSubject } from './sandboxTokens';
import { createIdpRequestHandler } from './server';
import type { TokenRequestCounts } from './tokenEndpoint';

export { EmulatorAuthError, type EmulatorCaller } from '../emulator';
export { SandboxTokenError } from './sandboxTokens';
export { SANDBOX_APP_ROLES, SANDBOX_SERVICE_PRINCIPAL_ID, TEAMS_CLIENT_APP_ID } from './minting';

export interface LocalIdentityProvider {
  issuerBaseUrl: string;
  tenantId: string;
  authority: string;
  knownAuthorities: string[];
  authorityMetadata: string;
  /** The one app registered at this IdP (the bot's client id and secret). */
  clientId: string;
  clientSecret: string;
  jwksUri: string;
  /** Any GUID object id: one of the five, or a guest named `name` (sandboxGuest). */
  mintSsoToken(
    aadObjectId: string,
    options?: { expiresInSeconds?: number; audience?: string; name?: string },
  ): Promise<string>;
  mintGraphToken(subject: GraphTokenSubject, options?: { scopes?: string[] }): Promise<string>;
  tokenRequests: TokenRequestCounts;
  /** Throws EmulatorAuthError (status 401, code InvalidAuthenticationToken) for a bad token. */
  authenticateGraphRequest: (authorizationHeader: string | undefined) => Promise<EmulatorCaller>;
  close(): Promise<void>;
}

export interface LocalIdentityProviderOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  host?: string;
  /** Lifetime of issued Graph tokens and default lifetime of SSO tokens; default 3600. */
  tokenLifetimeSeconds?: number;
  logger?: Logger;
  /** Where to keep the signing key so tokens survive a restart; default: a new key per start. */
  keyFile?: string;
}

export async function startLocalIdentityProvider(
  options: LocalIdentityProviderOptions = {},
): Promise<LocalIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const tenantId = SANDBOX_TENANT_ID;
  const clientId = SANDBOX_CLIENT_ID;
  const logger = (options.logger ?? createLogger()).child({ component: 'sandbox-idp' });
  const key = await loadOrCreateSigningKey(options.keyFile);
  // Listen first: with port 0 the issuer URL is only known afterwards.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const baseUrl = `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`;
  const metadata = openIdConfiguration(baseUrl, tenantId);
  const minter = createMinter({
    key,
    issuer: metadata.issuer,
    tenantId,
    clientId,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
  });
  const tokenRequests: TokenRequestCounts = { onBehalfOf: 0, clientCredentials: 0 };
  server.on(
    'request',
    createIdpRequestHandler({
      tenantId,
      baseUrl,
      publicJwk: key.publicJwk,
      minter,
      logger,
      tokenEndpoint: {
        minter,
        tenantId,
        clientId,
        clientSecret: SANDBOX_CLIENT_SECRET,
        counts: tokenRequests,
        logger,
      },
    }),
  );
  logger.info('sandbox identity provider listening', { baseUrl, tenantId });

  return {
    issuerBaseUrl: baseUrl,
    tenantId,
    authority: `https://localhost:${port}/${tenantId}/`,
    knownAuthorities: [`localhost:${port}`],
    authorityMetadata: JSON.stringify(metadata),
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    jwksUri: metadata.jwks_uri,
    mintSsoToken: (aadObjectId, opts) => mintSsoToken(minter, aadObjectId, opts),
    mintGraphToken: (subject, opts) => mintGraphToken(minter, subject, opts),
    tokenRequests,
    authenticateGraphRequest: createGraphRequestAuthenticator(minter),
    // Closing twice is fine (a test may stop it early to play an outage, then stop the app).
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
