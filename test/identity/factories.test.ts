import { adminConsentUrl, createGraphIdentityFromConfig } from '../../src/identity';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';

const tenant = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const bot = '9b2f6a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('createGraphIdentityFromConfig', () => {
  it('when the config is complete, then the admin-consent URL is the tenant’s Entra one', () => {
    const config = loadConfig({ BOT_ID: bot, BOT_PASSWORD: 's3cret', BOT_TENANT_ID: tenant });
    const identity = createGraphIdentityFromConfig(config.identity, {
      logger: createMemoryLogger().logger,
    });
    expect(identity.adminConsentUrl).toBe(
      `https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${bot}`,
    );
  });

  it('when the sandbox config (no BOT_ID) is given, then it says what is missing', () => {
    const config = loadConfig({});
    expect(() => createGraphIdentityFromConfig(config.identity)).toThrow(
      expect.objectContaining({
        code: 'config',
        message: expect.stringMatching(
          /AAD_APP_CLIENT_ID.*AAD_APP_CLIENT_SECRET.*AAD_APP_TENANT_ID/,
        ),
      }),
    );
  });
});

describe('adminConsentUrl', () => {
  it('when the host has a trailing slash, then it is not doubled', () => {
    expect(adminConsentUrl('https://login.microsoftonline.us/', 't', 'c')).toBe(
      'https://login.microsoftonline.us/t/adminconsent?client_id=c',
    );
  });
});
