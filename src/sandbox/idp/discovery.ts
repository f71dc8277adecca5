/**
 * The OpenID configuration the sandbox IdP publishes, shaped like Entra's v2 document. The same
 * JSON goes to msal as `authorityMetadata`, so msal never fetches it and never needs https for it
 * (docs/teams-notes.md#msal-and-a-local-identity-provider: only the authority string must be https; endpoints are used as given).
 */
export interface OpenIdConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  response_types_supported: string[];
  response_modes_supported: string[];
  subject_types_supported: string[];
  id_token_signing_alg_values_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  grant_types_supported: string[];
  scopes_supported: string[];
  claims_supported: string[];
  tenant_region_scope: null;
}

/** `baseUrl` is http://127.0.0.1:PORT; paths mirror login.microsoftonline.com/{tenant}/… */
export function openIdConfiguration(baseUrl: string, tenantId: string): OpenIdConfiguration {
  const tenantBase = `${baseUrl}/${tenantId}`;
  return {
    issuer: `${tenantBase}/v2.0`,
    authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
    token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
    jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
    end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post'],
    grant_types_supported: ['client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'name',
      'oid',
      'tid',
      'preferred_username',
    ],
    tenant_region_scope: null,
  };
}
