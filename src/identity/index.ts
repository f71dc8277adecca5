/** Identity: Graph access tokens for the bot (on-behalf-of a Teams user, or app-only). */
export {
  GRAPH_DEFAULT_SCOPES,
  type ClientCredential,
  type GraphIdentity,
  type GraphIdentityOptions,
  type SignOutTarget,
  type TokenProvider,
} from './types';
export { createGraphIdentity } from './graphIdentity';
export {
  createGraphIdentityFromConfig,
  createSandboxGraphIdentity,
  type GraphIdentityExtras,
  type LocalIdentityProviderEndpoints,
} from './factories';
export { adminConsentUrl } from './adminConsent';
export { toTokenAppError, type TokenFlow } from './tokenErrors';
export { createStorageCacheClient, TOKEN_CACHE_PREFIX } from './tokenCache';
