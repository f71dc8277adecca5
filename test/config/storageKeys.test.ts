/** STORAGE and its Azure keys: validated at start-up, with TOKEN_CACHE_KEY required for azure. */
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config';

const KEY = randomBytes(32).toString('base64');
const AZURITE = 'UseDevelopmentStorage=true';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('storage configuration', () => {
  it('when nothing is set, then SQLite is used and the instance id is host-pid', () => {
    const config = loadConfig({});
    expect(config.storage).toMatchObject({
      kind: 'sqlite',
      container: 'sds-flow-admin',
      prefix: '',
    });
    expect(config.instanceId).toMatch(new RegExp(`-${process.pid}$`));
  });

  it('when App Service sets WEBSITE_INSTANCE_ID, then it is the instance id unless INSTANCE_ID is set', () => {
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'abc123' }).instanceId).toBe('abc123');
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'abc123', INSTANCE_ID: 'bot-a' }).instanceId).toBe(
      'bot-a',
    );
  });

  it('when STORAGE=azure has a connection string and a key, then the storage config carries them', () => {
    const config = loadConfig({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: AZURITE,
      AZURE_STORAGE_CONTAINER: 'district-a',
      AZURE_STORAGE_PREFIX: 'tenant/one',
      TOKEN_CACHE_KEY: KEY,
    });
    expect(config.storage).toEqual({
      kind: 'azure',
      connectionString: AZURITE,
      accountUrl: undefined,
      container: 'district-a',
      prefix: 'tenant/one/',
      tokenCacheKey: KEY,
    });
  });

  it('when STORAGE=azure has no TOKEN_CACHE_KEY, then start-up is refused saying how to make one', () => {
    const problems = problemsOf({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE });
    expect(problems).toEqual([expect.stringMatching(/TOKEN_CACHE_KEY is required.*openssl rand/)]);
  });

  it('when STORAGE=azure names no account, or two, then start-up is refused', () => {
    expect(problemsOf({ STORAGE: 'azure', TOKEN_CACHE_KEY: KEY })).toEqual([
      expect.stringMatching(/needs AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL/),
    ]);
    const both = {
      STORAGE: 'azure',
      TOKEN_CACHE_KEY: KEY,
      AZURE_STORAGE_CONNECTION_STRING: AZURITE,
      AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net',
    };
    expect(problemsOf(both)).toEqual([expect.stringMatching(/only one of/)]);
  });

  it.each([
    ['TOKEN_CACHE_KEY', 'c2hvcnQ='], // 5 bytes
    ['TOKEN_CACHE_KEY', 'not base64 at all!'],
    ['AZURE_STORAGE_CONTAINER', 'Upper_Case'],
    ['AZURE_STORAGE_CONTAINER', 'ab'],
    ['AZURE_STORAGE_PREFIX', '../up'],
    ['STORAGE', 'cosmos'],
    ['AZURE_STORAGE_ACCOUNT_URL', 'not a url'],
  ])('when %s is %j, then it is rejected', (key, value) => {
    const problems = problemsOf({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}: `));
  });

  it('when TOKEN_CACHE_KEY is invalid, then the message does not echo it', () => {
    const [problem] = problemsOf({ TOKEN_CACHE_KEY: 'secret-but-wrong' });
    expect(problem).not.toContain('secret-but-wrong');
  });
});
