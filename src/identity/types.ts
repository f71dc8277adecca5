/** Public types of the identity module: how the bot gets bearer tokens for Microsoft Graph. */
import type { ICacheClient, ICachePlugin } from '@azure/msal-node';
import type { Logger } from '../log';

/** Returns a bearer access token for Graph (never logged, never shown). */
import type { TokenProvider } from '../graph/types';

export type { TokenProvider };

export const GRAPH_DEFAULT_SCOPES = ['https://graph.microsoft.com/.default'];

/** How the app proves who it is to Entra: a secret, or a certificate (thumbprint + PEM private key). */
export type ClientCredential =
  | { clientSecret: string }
  | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c?: string } };

export interface GraphIdentityOptions {
  clientId: string;
  credential: ClientCredential;
  tenantId: string;
  /** msal authority, e.g. https://login.microsoftonline.com/<tenant> (must be https, docs/teams-notes.md#msal-and-a-local-identity-provider). */
  authority: string;
  /** Base of the admin-consent link, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** Hosts (host:port) msal trusts without instance discovery; needed for a non-Microsoft IdP. */
  knownAuthorities?: string[];
  /** OpenID configuration JSON, so msal never fetches it. */
  authorityMetadata?: string;
  /** 'OIDC' for a non-Microsoft IdP; default 'AAD'. */
  protocolMode?: 'AAD' | 'OIDC';
  /** Shared/persistent token cache (e.g. for several bot instances); default: msal's in-memory cache. */
  cachePlugin?: ICachePlugin;
  /**
   * A token cache several instances share, one partition per user (src/identity/tokenCache.ts):
   * on-behalf-of then runs on one msal client per user (src/identity/userClients.ts).
   */
  userTokenCache?: ICacheClient;
  /** Graph scopes for OBO and app-only; default ['https://graph.microsoft.com/.default']. */
  graphScopes?: string[];
  logger?: Logger;
}

/** Whose cached tokens to drop: a user, or the user an SSO token belongs to. */
export type SignOutTarget = { aadObjectId: string } | { ssoToken: string };

export interface GraphIdentity {
  /**
   * Token provider acting as the user behind `ssoToken` (Teams SSO token, audience = our app).
   * Throws AppError: consent_required | sign_in_required | unavailable (retryable) | config | internal.
   */
  onBehalfOf(ssoToken: string): TokenProvider;
  /** Token provider acting as the app itself (client credentials). */
  appOnly(): TokenProvider;
  /**
   * Removes the user's msal account from the token cache: the account, its id token and every
   * cached access/refresh token of that user, whatever SSO assertion it came from (msal
   * `removeAccount`; OBO accounts exist because the token response carries client_info + id_token).
   * With a shared cachePlugin the shared store is cleaned too, but other running instances keep
   * their in-memory copy until it expires (msal merges the store into memory, never prunes).
   * It does not revoke anything at Entra. Returns how many accounts were removed.
   */
  signOut(target: SignOutTarget): Promise<{ accountsRemoved: number }>;
  /** Where a Global Administrator grants the app's permissions for this tenant. */
  readonly adminConsentUrl: string;
}
