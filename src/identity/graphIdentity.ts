/**
 * Graph token providers on top of one msal ConfidentialClientApplication: on-behalf-of a Teams
 * user (SSO token → Graph token) and app-only (client credentials). msal caches OBO results per
 * assertion hash and app tokens per client, so repeated calls within the lifetime stay local.
 */
import { createHash } from 'node:crypto';
import { AuthError, type AuthenticationResult } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { instruments } from '../telemetry';
import { adminConsentUrl as buildAdminConsentUrl } from './adminConsent';
import { createConfidentialClient } from './msalClient';
import { aadstsCode, toTokenAppError, type TokenFlow } from './tokenErrors';
import { createUserClients } from './userClients';
import {
  GRAPH_DEFAULT_SCOPES,
  type GraphIdentity,
  type GraphIdentityOptions,
  type SignOutTarget,
  type TokenProvider,
} from './types';

/** The user an SSO token names. Unverified on purpose: only used to pick cache entries to drop. */
function oidOfAssertion(ssoToken: string): string | undefined {
  try {
    const oid = decodeJwt(ssoToken).oid;
    return typeof oid === 'string' ? oid : undefined;
  } catch {
    return undefined;
  }
}

export function createGraphIdentity(options: GraphIdentityOptions): GraphIdentity {
  const logger = (options.logger ?? createLogger()).child({ component: 'identity' });
  const cca = createConfidentialClient(options, logger);
  const userClients =
    options.userTokenCache && createUserClients(options, options.userTokenCache, logger);
  /** The msal client for the user an SSO token names (the app-wide one without a shared cache). */
  const clientFor = (oid: string | undefined) =>
    userClients && oid ? userClients.forUser(oid) : cca;
  const loadsFromPlugin = Boolean(options.cachePlugin || userClients);
  const scopes = options.graphScopes ?? GRAPH_DEFAULT_SCOPES;
  const consentUrl = buildAdminConsentUrl(
    options.authorityHost,
    options.tenantId,
    options.clientId,
  );
  // msal does not coalesce concurrent OBO calls; without this, N parallel Graph calls of one
  // turn would each miss the cache and each make a token request.
  const inFlight = new Map<string, Promise<string>>();

  async function acquire(
    flow: TokenFlow,
    call: () => Promise<AuthenticationResult | null>,
  ): Promise<string> {
    let result: AuthenticationResult | null;
    try {
      result = await call();
    } catch (err) {
      const appError = toTokenAppError(err, { flow, adminConsentUrl: consentUrl });
      const msalError = err instanceof AuthError ? err : undefined;
      instruments().tokenRequests.add(1, { flow, outcome: appError.code });
      logger.warn('graph token request failed', {
        flow,
        code: appError.code,
        errorCode: msalError?.errorCode,
        subError: msalError?.subError || undefined,
        aadsts: msalError && aadstsCode(msalError),
        correlationId: msalError?.correlationId,
      });
      throw appError;
    }
    if (!result?.accessToken) {
      throw new AppError('internal', 'Signing in to Microsoft Graph returned no token.');
    }
    // from_cache: msal answered from its cache without asking Entra ID.
    instruments().tokenRequests.add(1, { flow, outcome: result.fromCache ? 'from_cache' : 'ok' });
    logger.debug('graph token ready', {
      flow,
      fromCache: result.fromCache,
      expiresOn: result.expiresOn?.toISOString(),
      oid: result.account?.localAccountId,
    });
    return result.accessToken;
  }

  function onBehalfOf(ssoToken: string): TokenProvider {
    const key = createHash('sha256').update(ssoToken).digest('base64url');
    return () => {
      if (!ssoToken) {
        return Promise.reject(
          new AppError('sign_in_required', 'Please sign in so the bot can act for you.'),
        );
      }
      const pending = inFlight.get(key);
      if (pending) return pending;
      const request = acquire('on_behalf_of', async () => {
        const client = clientFor(oidOfAssertion(ssoToken));
        // msal-node's OBO cache lookup reads memory only and never calls the plugin's
        // beforeCacheAccess (client credentials does); reading accounts makes it load.
        if (loadsFromPlugin) await client.getTokenCache().getAllAccounts();
        return client.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes });
      }).finally(() => inFlight.delete(key));
      inFlight.set(key, request);
      return request;
    };
  }

  function appOnly(): TokenProvider {
    return () => acquire('app_only', () => cca.acquireTokenByClientCredential({ scopes }));
  }

  async function signOut(target: SignOutTarget): Promise<{ accountsRemoved: number }> {
    const oid = 'aadObjectId' in target ? target.aadObjectId : oidOfAssertion(target.ssoToken);
    if (!oid) return { accountsRemoved: 0 };
    const cache = clientFor(oid).getTokenCache();
    // OBO accounts come from the response's client_info (uid.utid) and id token (oid).
    const accounts = (await cache.getAllAccounts()).filter(
      (a) => a.localAccountId === oid || a.homeAccountId.startsWith(`${oid}.`),
    );
    for (const account of accounts) await cache.removeAccount(account);
    userClients?.forget(oid);
    logger.info('signed out of graph token cache', { oid, accountsRemoved: accounts.length });
    return { accountsRemoved: accounts.length };
  }

  return { onBehalfOf, appOnly, signOut, adminConsentUrl: consentUrl };
}
