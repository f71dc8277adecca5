/** The user's Graph token is fetched once per turn, shared by concurrent calls, and a failure is not kept. */
import type { GraphClient } from '../../src/graph';
import type { GraphIdentity } from '../../src/identity';
import { createGraphAccess, type GraphCaller } from '../../src/identity/graphAccess';

const jwt = (expSeconds: number) =>
  ['e30', Buffer.from(JSON.stringify({ exp: expSeconds })).toString('base64url'), 'sig'].join('.');

function setup(answers: Array<() => Promise<string>>) {
  const asked: string[] = [];
  const identity = {
    onBehalfOf: (assertion: string) => () => {
      asked.push(assertion);
      const next = answers.shift();
      return next ? next() : Promise.reject(new Error('no more answers'));
    },
    appOnly: () => async () => 'app',
    signOut: async () => ({ accountsRemoved: 0 }),
  } as unknown as GraphIdentity;
  const client = { as: () => ({}) } as unknown as GraphClient;
  const access = createGraphAccess(client, identity, {
    kind: 'mint',
    mint: async (user) => `assertion-${user.aadObjectId}`,
  });
  return { access, asked };
}

const turn = (): GraphCaller => ({
  user: { aadObjectId: 'oid-1', name: 'Avery' },
  conversation: { id: 'c1', type: 'personal' },
});

describe('graph access: one user token per turn', () => {
  it('when a turn makes several Graph calls at once, then the token is fetched once', async () => {
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const { access, asked } = setup([async () => token]);
    const t = turn();
    const got = await Promise.all([1, 2, 3].map(() => access.userToken(t)()));
    expect(got).toEqual([token, token, token]);
    expect(await access.userToken(t)()).toBe(token);
    expect(asked).toHaveLength(1);
  });

  it('when the token request fails, then the next call in the turn asks again', async () => {
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const { access, asked } = setup([() => Promise.reject(new Error('down')), async () => token]);
    const t = turn();
    await expect(access.userToken(t)()).rejects.toThrow('down');
    expect(await access.userToken(t)()).toBe(token);
    expect(asked).toHaveLength(2);
  });

  it('when the token is about to expire, then it is fetched again', async () => {
    const soon = jwt(Math.floor(Date.now() / 1000) + 30);
    const later = jwt(Math.floor(Date.now() / 1000) + 3600);
    const { access } = setup([async () => soon, async () => later]);
    const t = turn();
    expect(await access.userToken(t)()).toBe(soon);
    expect(await access.userToken(t)()).toBe(later);
  });

  it('when it is another turn, then it gets its own token', async () => {
    const a = jwt(Math.floor(Date.now() / 1000) + 3600);
    const b = jwt(Math.floor(Date.now() / 1000) + 3601);
    const { access } = setup([async () => a, async () => b]);
    expect(await access.userToken(turn())()).toBe(a);
    expect(await access.userToken(turn())()).toBe(b);
  });
});
