import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AppError } from '../../src/errors';
import { createSandboxGraphIdentity, toTokenAppError, type TokenFlow } from '../../src/identity';
import { createMemoryLogger } from '../../src/log';
import { startLocalIdentityProvider } from '../../src/sandbox/idp';
import { SANDBOX_USERS } from '../../src/sandbox/users';

const consentUrl = 'https://login.example/tenant/adminconsent?client_id=abc';
const map = (err: unknown, flow: TokenFlow = 'on_behalf_of') =>
  toTokenAppError(err, { flow, adminConsentUrl: consentUrl });

describe('toTokenAppError', () => {
  it.each<[string, unknown, string, boolean]>([
    [
      'consent (interaction required)',
      new InteractionRequiredAuthError(
        'invalid_grant',
        'c',
        'AADSTS65001: no consent',
        'consent_required',
      ),
      'consent_required',
      false,
    ],
    [
      'consent by error number',
      new ServerError('invalid_grant', 'c', 'x', '', '65001'),
      'consent_required',
      false,
    ],
    [
      'invalid assertion',
      new ServerError('invalid_grant', 'c', 'AADSTS50013: bad', '', '50013'),
      'sign_in_required',
      false,
    ],
    [
      'assertion out of time range',
      new ServerError('invalid_grant', 'c', 'AADSTS500133: old'),
      'sign_in_required',
      false,
    ],
    [
      'wrong secret',
      new ServerError('invalid_client', 'c', 'AADSTS7000215: x', '', '7000215'),
      'config',
      false,
    ],
    [
      'unknown client',
      new ServerError('unauthorized_client', 'c', 'AADSTS700016: x'),
      'config',
      false,
    ],
    ['bad scope', new ServerError('invalid_scope', 'c', 'AADSTS70011: x'), 'config', false],
    [
      'network down',
      new AuthError('network_error', 'c', 'Network request failed'),
      'unavailable',
      true,
    ],
    [
      'non-JSON answer',
      new AuthError('token_parsing_error', 'c', 'Failed to parse'),
      'unavailable',
      true,
    ],
    ['Entra busy', new ServerError('temporarily_unavailable', 'c', 'x'), 'unavailable', true],
    ['5xx status', new ServerError('something', 'c', 'x', '', undefined, 503), 'unavailable', true],
    ['fetch failure outside msal', new TypeError('fetch failed'), 'unavailable', true],
    ['anything else', new Error('boom'), 'internal', false],
  ])('when msal reports %s, then %s', (_name, err, code, retryable) => {
    const mapped = map(err);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code, retryable });
    expect(mapped.cause).toBe(err);
  });

  it('when consent is missing, then the message carries the admin-consent URL', () => {
    const mapped = map(new InteractionRequiredAuthError('invalid_grant', 'c', 'AADSTS65001: x'));
    expect(mapped.userMessage).toContain(consentUrl);
  });

  it('when invalid_grant happens app-only, then it is not a user sign-in problem', () => {
    expect(map(new ServerError('invalid_grant', 'c', 'x'), 'app_only').code).toBe('internal');
  });

  it('when given an AppError, then it is returned unchanged', () => {
    const original = new AppError('throttled', 'slow down');
    expect(map(original)).toBe(original);
  });
});

describe('when the identity provider is down', () => {
  it('then token providers fail with a retryable unavailable error', async () => {
    const { logger } = createMemoryLogger();
    const idp = await startLocalIdentityProvider({ logger });
    const sso = await idp.mintSsoToken(SANDBOX_USERS[0].aadObjectId);
    const identity = createSandboxGraphIdentity(idp, { logger });
    await idp.close();
    for (const provider of [identity.onBehalfOf(sso), identity.appOnly()]) {
      await expect(provider()).rejects.toMatchObject({ code: 'unavailable', retryable: true });
    }
  });
});
