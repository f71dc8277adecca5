/** Runs every identity flow with one in-memory log and checks no token or secret reached it. */
import { AppError } from '../../src/errors';
import { createSandboxGraphIdentity } from '../../src/identity';
import { createMemoryLogger } from '../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import { SANDBOX_CLIENT_SECRET, SANDBOX_USERS } from '../../src/sandbox/users';

const [avery, , casey] = SANDBOX_USERS;
const WRONG_SECRET = 'wrong-secret-that-must-not-be-logged';

describe('logging across identity flows', () => {
  const { logger, lines } = createMemoryLogger('debug');
  const secrets: string[] = [SANDBOX_CLIENT_SECRET, WRONG_SECRET];
  const errors: AppError[] = [];
  let idp: LocalIdentityProvider;

  const keep = async (promise: Promise<string>) => {
    try {
      secrets.push(await promise);
    } catch (err) {
      errors.push(err as AppError);
    }
  };
  const sso = async (aadObjectId: string, options?: { expiresInSeconds?: number }) => {
    const token = await idp.mintSsoToken(aadObjectId, options);
    secrets.push(token);
    return token;
  };

  beforeAll(async () => {
    idp = await startLocalIdentityProvider({ logger });
    const identity = createSandboxGraphIdentity(idp, { logger });
    const wrong = createSandboxGraphIdentity(idp, { logger, clientSecret: WRONG_SECRET });
    const averySso = await sso(avery.aadObjectId);
    await keep(identity.onBehalfOf(averySso)());
    await keep(identity.onBehalfOf(averySso)());
    await keep(identity.onBehalfOf(await sso(casey.aadObjectId))());
    await keep(identity.onBehalfOf(await sso(avery.aadObjectId, { expiresInSeconds: -60 }))());
    await keep(wrong.onBehalfOf(averySso)());
    await keep(identity.appOnly()());
    await keep(wrong.appOnly()());
    await identity.signOut({ ssoToken: averySso });
    const badHeader = `Bearer ${secrets[0]}x`;
    await idp.authenticateGraphRequest(badHeader).catch(() => undefined);
  });
  afterAll(() => idp.close());

  it('exercised successes and failures and logged them', () => {
    expect(errors.map((e) => e.code).sort()).toEqual(
      ['config', 'config', 'consent_required', 'sign_in_required'].sort(),
    );
    expect(lines.some((l) => l.includes('idp issued token'))).toBe(true);
    expect(lines.some((l) => l.includes('graph token request failed'))).toBe(true);
  });

  it('when the log is scanned, then no token, signature or secret appears', () => {
    const needles = secrets.flatMap((s) => (s.includes('.') ? [s, s.split('.')[2]] : [s]));
    const log = lines.join('\n');
    for (const needle of needles) expect(log).not.toContain(needle);
    expect(log).not.toMatch(/eyJ[\w-]{5,}\./);
  });

  it('when errors reach the user, then their messages carry no token or secret', () => {
    const texts = errors.flatMap((e) => [
      e.userMessage,
      e.message,
      String((e.cause as Error)?.message),
    ]);
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
