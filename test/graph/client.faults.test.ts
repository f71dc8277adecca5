/** Retries, deadlines and ambiguous writes against the emulator's injected faults. */
import { createGraphClient, type GraphClientOptions } from '../../src/graph';
import { createMemoryLogger } from '../../src/log';
import {
  EmulatorAuthError,
  startGraphEmulator,
  type GraphEmulator,
} from '../../src/sandbox/emulator';
import { READWRITE_SCOPE } from '../../src/sandbox/users';
import { failure } from '../support/failure';

let emu: GraphEmulator;
const token = async () => 'test-token';
const FAST = { baseDelayMs: 10, maxDelayMs: 50 };

beforeAll(async () => {
  emu = await startGraphEmulator({ port: 0, seed: true, readyDelayMs: 60_000 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.control.clearFaults();
  emu.control.clearRequests();
});

const api = (options: Partial<GraphClientOptions> = {}) =>
  createGraphClient({ baseUrl: emu.baseUrl, retry: FAST, ...options }).as(token);

/** The emulator records a request once it has answered it; wait for that, not for a time. */
async function recorded(count: number): Promise<void> {
  while (emu.requests.length < count) await new Promise((r) => setTimeout(r, 10));
}

describe('graph client retries (emulator faults)', () => {
  it('when Graph answers 429 with Retry-After, then the client waits and the retry succeeds', async () => {
    emu.control.addFault({ status: 429, count: 1, retryAfterSeconds: 0.05, method: 'GET' });
    const { logger, lines } = createMemoryLogger();
    const result = await api({ logger }).listRoleGroups();
    expect(result.data.length).toBeGreaterThan(0);
    expect(emu.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(lines.map((l) => JSON.parse(l)).map((l) => [l.status, l.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
  });

  it('when a POST is throttled, then it is retried (the request was refused, not done)', async () => {
    emu.control.addFault({ status: 429, count: 1, retryAfterSeconds: 0, method: 'POST' });
    const created = await api().createFlowSet({ displayName: 'After throttling' });
    expect(emu.requests.map((r) => r.status)).toEqual([429, 201]);
    expect(created.requestId).toBe(emu.requests[1]?.requestId);
  });

  it('when Retry-After is longer than the deadline, then it gives up at once as throttled', async () => {
    emu.control.addFault({ status: 429, count: 5, retryAfterSeconds: 30 });
    const err = await failure(api({ retry: { ...FAST, deadlineMs: 2_000 } }).listFlowSets());
    expect([err.code, err.retryable, err.status]).toEqual(['throttled', true, 429]);
    expect(err.userMessage).toContain('about 30 seconds');
    expect(emu.requests).toHaveLength(1);
  });

  it('when Graph stays 503, then the client stops at the deadline with unavailable', async () => {
    emu.control.addFault({ status: 503, count: 1_000 });
    const client = api({
      retry: { maxAttempts: 50, baseDelayMs: 40, maxDelayMs: 200, deadlineMs: 400 },
    });
    const err = await failure(client.listFlowSets());
    expect([err.code, err.retryable, err.status]).toEqual(['unavailable', true, 503]);
    expect(err.requestId).toBe(emu.requests.at(-1)?.requestId);
    expect(emu.requests.length).toBeGreaterThan(1);
    expect(emu.requests.length).toBeLessThan(50);
  });

  it('when Graph stays 504, then attempts are bounded by maxAttempts', async () => {
    emu.control.addFault({ status: 504, count: 1_000 });
    const err = await failure(api({ retry: { ...FAST, maxAttempts: 3 } }).getFlowSet('x'));
    expect(err.code).toBe('unavailable');
    expect(emu.requests).toHaveLength(3);
  });

  it('when a POST times out, then it is not retried and the user is told to check first', async () => {
    emu.control.setLatency(400);
    const client = api({ timeoutMs: 100 });
    const err = await failure(client.createFlowSet({ displayName: 'Slow create' }));
    expect([err.code, err.retryable]).toEqual(['unavailable', false]);
    expect(err.userMessage).toContain('may or may not have been made');
    await recorded(1);
    emu.control.clearFaults();
    const sets = await api().listFlowSets(); // default timeout: only the POST was meant to time out
    expect(emu.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // The emulator did create it: exactly why a blind retry would have made a duplicate.
    expect(sets.data.filter((s) => s.displayName === 'Slow create')).toHaveLength(1);
  });

  it('when a reset gets a bare 503, then it is not retried (the service may have started it)', async () => {
    emu.control.addFault({ status: 503, count: 5, method: 'POST' });
    const err = await failure(api().resetFlow('any-set', 'any-flow'));
    expect([err.code, err.retryable]).toEqual(['unavailable', false]);
    expect(emu.requests).toHaveLength(1);
  });

  it('when a reset gets 503 with Retry-After, then it is retried', async () => {
    emu.control.addFault({ status: 503, count: 1, method: 'POST', retryAfterSeconds: 0.02 });
    const err = await failure(api().resetFlow('no-such-set', 'no-such-flow'));
    expect(err.code).toBe('not_found');
    expect(emu.requests.map((r) => r.status)).toEqual([503, 404]);
  });
});

describe('graph client permissions (emulator with an authenticator)', () => {
  let secured: GraphEmulator;
  beforeAll(async () => {
    secured = await startGraphEmulator({
      port: 0,
      authenticate: async (header) => {
        if (header !== 'Bearer teacher')
          throw new EmulatorAuthError(401, 'InvalidAuthenticationToken', 'Bad token.');
        return { kind: 'delegated', oid: 'dana', scopes: [READWRITE_SCOPE], roles: [], wids: [] };
      },
    });
  });
  afterAll(() => secured.close());

  it.each([
    ['teacher', 403],
    ['garbage', 401],
  ])(
    'when the token is %s, then Graph answers %d and the client says forbidden',
    async (t, status) => {
      const client = createGraphClient({ baseUrl: secured.baseUrl }).as(async () => t);
      const err = await failure(client.createFlowSet({ displayName: 'Nope' }));
      expect([err.code, err.status]).toEqual(['forbidden', status]);
      expect(err.userMessage).toContain('IndustryData-OutboundFlow.ReadWrite.All');
      expect(secured.requests.at(-1)?.status).toBe(status);
    },
  );
});
