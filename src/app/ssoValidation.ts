/** Chooses how a Teams SSO token is validated: the tenant's JWKS, or the sandbox identity provider's. */
import type { Config } from '../config';
import { AppError } from '../errors';
import {
  createEntraSsoTokenValidator,
  createSandboxSsoTokenValidator,
  type SsoTokenValidator,
} from '../identity/ssoToken';
import type { SandboxIdentity } from '../sandbox/external';
import { SANDBOX_CLIENT_ID } from '../sandbox/users';

export function ssoValidatorFor(
  config: Config,
  idp: SandboxIdentity | undefined,
): SsoTokenValidator {
  if (idp) return createSandboxSsoTokenValidator(idp, SANDBOX_CLIENT_ID);
  const { tenantId, clientId, appIdUri, authorityHost } = config.identity;
  if (!tenantId || !clientId) {
    throw new AppError(
      'config',
      'Teams SSO needs AAD_APP_TENANT_ID and AAD_APP_CLIENT_ID (or BOT_TENANT_ID and BOT_ID).',
    );
  }
  return createEntraSsoTokenValidator({ tenantId, clientId, appIdUri, authorityHost });
}
