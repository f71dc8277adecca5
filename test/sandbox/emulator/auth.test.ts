/**
 * Authorization with a tiny fake authenticator (fixed strings → callers); the real token
 * verifier belongs to the sandbox IdP and is tested there.
 */
import {
  EmulatorAuthError,
  startGraphEmulator,
  type EmulatorCaller,
  type GraphEmulator,
} from '../../../src/sandbox/emulator';
import { GLOBAL_ADMIN_ROLE, READ_SCOPE, READWRITE_SCOPE } from '../../../src/sandbox/users';
import { SETS, call } from './helpers';

const CALLERS: Record<string, EmulatorCaller> = {
  admin: {
    kind: 'delegated',
    oid: 'oid-admin',
    scopes: [READWRITE_SCOPE],
    roles: [],
    wids: [GLOBAL_ADMIN_ROLE],
  },
  teacher: {
    kind: 'delegated',
    oid: 'oid-teacher',
    scopes: [READWRITE_SCOPE],
    roles: [],
    wids: [],
  },
  readonly: {
    kind: 'delegated',
    oid: 'oid-readonly',
    scopes: [READ_SCOPE],
    roles: [],
    wids: [GLOBAL_ADMIN_ROLE],
  },
  noscope: {
    kind: 'delegated',
    oid: 'oid-noscope',
    scopes: ['User.Read'],
    roles: [],
    wids: [GLOBAL_ADMIN_ROLE],
  },
  app: { kind: 'application', oid: 'oid-app', scopes: [], roles: [READWRITE_SCOPE], wids: [] },
  appNoRole: { kind: 'application', oid: 'oid-app2', scopes: [], roles: [], wids: [] },
};

/** Shaped like the IdP's own error class (status + code), not an EmulatorAuthError. */
class ForeignAuthError extends Error {
  readonly status = 401;
  readonly code = 'InvalidAuthenticationToken';
}

async function authenticate(header: string | undefined): Promise<EmulatorCaller> {
  const token = header?.replace(/^Bearer /, '') ?? '';
  if (token === 'expired')
    throw new ForeignAuthError('Lifetime validation failed, the token is expired.');
  const caller = CALLERS[token];
  if (!caller)
    throw new EmulatorAuthError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure.',
    );
  return caller;
}

describe('Graph emulator authorization', () => {
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ seed: true, authenticate });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.control.resetState());

  const create = (token?: string) =>
    call(emulator, 'POST', SETS, { token, body: { displayName: 'New' } });
  const list = (token?: string) => call(emulator, 'GET', SETS, { token });

  it('when no token is sent, then 401 InvalidAuthenticationToken with a bearer challenge', async () => {
    const res = await list();

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it.each([
    ['an unknown token', 'garbage', 'Access token validation failure.'],
    ['an expired token', 'expired', 'Lifetime validation failed, the token is expired.'],
  ])('when %s is sent, then 401 with the authenticator message', async (_case, token, message) => {
    const res = await list(token);

    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message });
  });

  it('when an admin with ReadWrite writes, then it succeeds and the caller is recorded', async () => {
    const res = await create('admin');

    expect(res.status).toBe(201);
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'POST',
      status: 201,
      callerOid: 'oid-admin',
      callerKind: 'delegated',
    });
  });

  it('when a non-admin reads, then 403 accessDenied names the missing admin role', async () => {
    const res = await list('teacher');

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('accessDenied');
    expect(res.body.error.message).toContain(`Global Administrator (${GLOBAL_ADMIN_ROLE})`);
  });

  it('when a read-only admin reads and writes, then reads work and writes get 403 naming ReadWrite', async () => {
    expect((await list('readonly')).status).toBe(200);
    expect(
      (await call(emulator, 'GET', '/external/industryData/roleGroups', { token: 'readonly' }))
        .status,
    ).toBe(200);

    const write = await create('readonly');

    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain(READWRITE_SCOPE);
  });

  it('when a caller has no industryData scope, then a read gets 403 naming the scopes', async () => {
    const res = await list('noscope');

    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(READ_SCOPE);
  });

  it('when an app token with the role reads and writes, then reads work and writes get 403', async () => {
    expect((await list('app')).status).toBe(200);

    const write = await create('app');

    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain('Application permissions are not supported');
    expect(emulator.requests.at(-1)).toMatchObject({
      callerOid: 'oid-app',
      callerKind: 'application',
      status: 403,
    });
  });

  it('when an app token has no role, then a read gets 403', async () => {
    expect((await list('appNoRole')).status).toBe(403);
  });

  it('when custom admin roles are configured, then only those count', async () => {
    const other = await startGraphEmulator({
      seed: false,
      authenticate,
      adminRoleIds: ['some-other-role'],
    });
    try {
      const res = await call(other, 'GET', SETS, { token: 'admin' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('some-other-role');
    } finally {
      await other.close();
    }
  });
});
