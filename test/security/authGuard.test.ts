/** The header checks in front of botbuilder (src/teams/authGuard.ts), without HTTP. */
import { randomUUID } from 'node:crypto';
import {
  BOT_FRAMEWORK_CHANNEL_ISSUER,
  BOT_FRAMEWORK_TENANTS,
  createAuthGuard,
  MAX_AUTHORIZATION_HEADER_LENGTH,
} from '../../src/teams/authGuard';
import { rawJwt } from './edgeHarness';

const TENANT = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const NOW = Date.UTC(2026, 0, 1);
const at = (seconds: number) => Math.floor(NOW / 1000) + seconds;
const bearer = (payload: object, header: object = { alg: 'RS256', kid: 'k1' }) =>
  `Bearer ${rawJwt(header, payload)}`;
const channel = (extra: object = {}) =>
  bearer({ iss: BOT_FRAMEWORK_CHANNEL_ISSUER, aud: 'app', exp: at(3600), ...extra });
const entra = (tid: string, extra: object = {}) =>
  bearer({ iss: `https://sts.windows.net/${tid}/`, aud: 'app', tid, exp: at(3600), ...extra });

const single = createAuthGuard({ appType: 'SingleTenant', tenantId: TENANT });
const multi = createAuthGuard({ appType: 'MultiTenant' });
const reason = (guard: typeof single, header: string | undefined) => {
  const verdict = guard(header, NOW);
  return verdict.ok ? 'ok' : verdict.reason;
};

describe('the Authorization guard', () => {
  it.each([
    ['a channel token without tid', channel(), 'ok'],
    ['a channel token with a Bot Framework tid', channel({ tid: BOT_FRAMEWORK_TENANTS[0] }), 'ok'],
    ['a channel token with our tid', channel({ tid: TENANT }), 'ok'],
    ['a channel token with a foreign tid', channel({ tid: randomUUID() }), 'tenant'],
    ['a channel token with an empty tid', channel({ tid: '' }), 'tenant'],
    ['an Entra v1 token of our tenant', entra(TENANT), 'ok'],
    [
      'an Entra v2 token of our tenant',
      bearer({
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        aud: 'a',
        tid: TENANT,
        exp: at(60),
      }),
      'ok',
    ],
    ['an Entra token of a Bot Framework tenant', entra(BOT_FRAMEWORK_TENANTS[0]), 'tenant'],
    ['an Entra token of another tenant', entra(randomUUID()), 'issuer'],
    [
      'our issuer with another tid',
      bearer({
        iss: `https://sts.windows.net/${TENANT}/`,
        aud: 'a',
        tid: randomUUID(),
        exp: at(60),
      }),
      'tenant',
    ],
    ['our tid in upper case', entra(TENANT, { tid: TENANT.toUpperCase() }), 'tenant'],
    ['an unknown issuer', channel({ iss: 'https://evil.example' }), 'issuer'],
    ['expired beyond the skew', channel({ exp: at(-300) }), 'expired'],
    ['expired within the skew', channel({ exp: at(-60) }), 'ok'],
    ['nbf beyond the skew', channel({ nbf: at(600) }), 'not yet valid'],
    ['nbf within the skew', channel({ nbf: at(60) }), 'ok'],
    ['no exp', channel({ exp: undefined }), 'bad jwt payload'],
    ['a string exp', channel({ exp: 'soon' }), 'bad jwt payload'],
    ['an aud array', channel({ aud: ['app'] }), 'bad jwt payload'],
    ['a numeric tid', channel({ tid: 7 }), 'bad jwt payload'],
    ['alg none', bearer({}, { alg: 'none', kid: 'k1' }), 'bad jwt header'],
    ['alg HS256', bearer({}, { alg: 'HS256', kid: 'k1' }), 'bad jwt header'],
    ['no kid', bearer({}, { alg: 'RS256' }), 'bad jwt header'],
    ['no header', undefined, 'missing'],
    ['Basic auth', 'Basic YTpi', 'not a bearer jwt'],
    ['padding in the token', `${channel()}=`, 'not a bearer jwt'],
    ['an oversized header', `Bearer ${'a'.repeat(MAX_AUTHORIZATION_HEADER_LENGTH)}`, 'oversized'],
  ])('for SingleTenant: %s → %s', (_, header, expected) => {
    expect(reason(single, header)).toBe(expected);
  });

  it.each([
    ['a channel token with a foreign tid', channel({ tid: randomUUID() }), 'tenant'],
    ['an Entra token of a Bot Framework tenant', entra(BOT_FRAMEWORK_TENANTS[0]), 'ok'],
    ['an Entra token of another tenant', entra(randomUUID()), 'issuer'],
  ])('for MultiTenant: %s → %s', (_, header, expected) => {
    expect(reason(multi, header)).toBe(expected);
  });

  it('for UserAssignedMsi: only the own tenant', () => {
    const msi = createAuthGuard({ appType: 'UserAssignedMsi', tenantId: TENANT });
    expect(reason(msi, entra(TENANT))).toBe('ok');
    expect(reason(msi, entra(BOT_FRAMEWORK_TENANTS[1]))).toBe('tenant');
  });
});
