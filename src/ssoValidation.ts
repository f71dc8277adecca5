/** Chooses how a Teams SSO token is validated: the tenant's JWKS, or the sandbox identity provider's. */
import type { Config } from './config';
import { AppError } from './errors';
import type { SsoTokenValidator } from './graphAccess';
import type { LocalIdentityProvider } from './sandbox/idp';

export function ssoValidatorFor(
  _config: Config,
  _idp: LocalIdentityProvider | undefined,
): SsoTokenValidator {
  return async () => {
    throw new AppError('sign_in_required', 'Please sign in so I can act on your behalf.');
  };
}
