import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../../src/config';

const BOT = '6f1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const TENANT = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('loadConfig', () => {
  it('when no BOT_ID is set, then the bot runs in sandbox mode with minted SSO and Teams ports', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'sandbox',
      ssoMode: 'mint',
      port: 3978,
      sandbox: { playgroundPort: 56150 },
    });
  });

  it('when BOT_ID is set without a password or tenant, then start-up fails naming every missing key', () => {
    const problems = problemsOf({ BOT_ID: BOT });
    expect(problems.join('\n')).toMatch(/BOT_PASSWORD is required/);
    expect(problems.join('\n')).toMatch(/BOT_TENANT_ID is required/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ BOT_ID: 'not-a-guid' }, 'BOT_ID'],
    [{ BOT_TYPE: 'SomethingElse' }, 'BOT_TYPE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PLAYGROUND: 'maybe' }, 'PLAYGROUND'],
    [{ GRAPH_BASE_URL: 'graph' }, 'GRAPH_BASE_URL'],
  ])('when %j, then the message names %s and what it expects', (env, key) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}: .* expected `));
  });

  it('when several keys are wrong, then all of them are reported at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y', BOT_ID: 'z' })).toHaveLength(3);
  });

  it('when a complete production configuration is given, then OBO defaults to the bot registration', () => {
    const config = loadConfig({ BOT_ID: BOT, BOT_PASSWORD: 'p', BOT_TENANT_ID: TENANT });
    expect(config).toMatchObject({
      mode: 'production',
      ssoMode: 'teams',
      graph: { baseUrl: 'https://graph.microsoft.com/beta' },
      identity: {
        clientId: BOT,
        clientSecret: 'p',
        tenantId: TENANT,
        appIdUri: `api://botid-${BOT}`,
      },
    });
  });

  it('when BOT_TYPE is UserAssignedMsi and a password is set, then that inconsistency is reported', () => {
    expect(
      problemsOf({
        BOT_ID: BOT,
        BOT_TYPE: 'UserAssignedMsi',
        BOT_TENANT_ID: TENANT,
        BOT_PASSWORD: 'x',
      }).join(),
    ).toMatch(/BOT_PASSWORD must be empty/);
  });

  it('when SANDBOX_SERVICES=external, then the emulator and IdP URLs are required, and it is for the sandbox only', () => {
    expect(problemsOf({ SANDBOX_SERVICES: 'external' })).toEqual([
      'SANDBOX_IDP_URL is required when SANDBOX_SERVICES=external.',
      'GRAPH_BASE_URL (the emulator, …/beta) is required when SANDBOX_SERVICES=external.',
    ]);
    const config = loadConfig({
      SANDBOX_SERVICES: 'external',
      SANDBOX_IDP_URL: 'http://127.0.0.1:3980',
      GRAPH_BASE_URL: 'http://127.0.0.1:3979/beta',
    });
    expect(config.sandbox).toMatchObject({ services: 'external', idpUrl: 'http://127.0.0.1:3980' });
    expect(config.graph.baseUrl).toBe('http://127.0.0.1:3979/beta');
    expect(loadConfig({}).sandbox.services).toBe('local');
    expect(
      problemsOf({
        BOT_ID: BOT,
        BOT_PASSWORD: 'p',
        BOT_TENANT_ID: TENANT,
        SANDBOX_SERVICES: 'external',
        SANDBOX_IDP_URL: 'http://127.0.0.1:3980',
      }),
    ).toContain('SANDBOX_SERVICES=external is for the sandbox only; remove it when BOT_ID is set.');
  });

  it('when .env.sample is read, then it documents exactly the keys the bot reads, and its values are valid', () => {
    const sample = readFileSync(join(__dirname, '../../.env.sample'), 'utf8');
    const entries = sample
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=', 2) as [string, string]);
    expect(entries.map(([k]) => k).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(loadConfig(Object.fromEntries(entries)).mode).toBe('sandbox');
  });
});
