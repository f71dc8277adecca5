/** Fault injection and the /_sandbox control endpoint (and its in-process twin). */
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { FLOW_BODIES, SETS, call, createFlow, createSet, flowsOf } from './helpers';

describe('Graph emulator faults and sandbox control', () => {
  let emulator: GraphEmulator;
  let controlUrl: string;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ seed: true });
    controlUrl = emulator.baseUrl.replace(/\/beta$/, '/_sandbox');
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.control.resetState());

  it('when a 429 fault is added, then the next request gets the documented throttling answer once', async () => {
    emulator.control.addFault({ status: 429, retryAfterSeconds: 3 });

    const throttled = await call(emulator, 'GET', SETS);
    const next = await call(emulator, 'GET', SETS);

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(Object.keys(throttled.body.error)).toEqual(['code', 'innerError', 'message']);
    expect(throttled.body.error).toMatchObject({
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      innerError: {
        code: '429',
        message: 'Please retry after',
        status: '429',
        'request-id': throttled.headers.get('request-id'),
      },
    });
    expect(next.status).toBe(200);
  });

  it('when a 429 fault has no Retry-After, then the documented 10 seconds is sent', async () => {
    emulator.control.addFault({ status: 429 });

    expect((await call(emulator, 'GET', SETS)).headers.get('retry-after')).toBe('10');
  });

  it('when a fault matches a method and path, then only matching requests fail, count times', async () => {
    const setId = await createSet(emulator);
    emulator.control.addFault({
      status: 503,
      count: 2,
      method: 'post',
      pathContains: '/PROVISIONINGFLOWS',
      retryAfterSeconds: 1,
    });

    const read = await call(emulator, 'GET', flowsOf(setId));
    const first = await call(emulator, 'POST', flowsOf(setId), { body: FLOW_BODIES.securityGroup });
    const second = await call(emulator, 'POST', flowsOf(setId), {
      body: FLOW_BODIES.securityGroup,
    });
    const third = await call(emulator, 'POST', flowsOf(setId), { body: FLOW_BODIES.securityGroup });

    expect([read.status, first.status, second.status, third.status]).toEqual([200, 503, 503, 201]);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body.error.code).toBe('serviceNotAvailable');
    expect(emulator.control.faults().rules).toEqual([]);
  });

  it('when a 504 fault is added, then the answer is 504 without Retry-After', async () => {
    emulator.control.addFault({ status: 504 });

    const res = await call(emulator, 'GET', SETS);

    expect(res.status).toBe(504);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('when a fault is invalid, then it is refused', () => {
    expect(() => emulator.control.addFault({ status: 500 as never })).toThrow('Invalid fault');
  });

  it('when latency is set, then a Graph answer takes at least that long; cleared, it does not', async () => {
    emulator.control.setLatency(150);
    const started = Date.now();
    await call(emulator, 'GET', SETS);
    const elapsed = Date.now() - started;
    emulator.control.clearFaults();

    // A lower bound with margin for timer granularity: the delay was applied.
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(emulator.control.faults()).toEqual({ latencyMs: 0, rules: [] });
  });

  describe('over HTTP', () => {
    const control = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(controlUrl + path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };

    it('when faults are added, listed and cleared over HTTP, then Graph requests follow them', async () => {
      const added = await control('POST', '/faults', {
        status: 429,
        count: 1,
        retryAfterSeconds: 2,
      });
      const latency = await control('PUT', '/faults/latency', { ms: 5 });
      const listed = await control('GET', '/faults');
      const graph = await call(emulator, 'GET', SETS);
      const cleared = await control('DELETE', '/faults');

      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ status: 429, remaining: 1, retryAfterSeconds: 2 });
      expect(latency.status).toBe(204);
      expect(listed.body).toMatchObject({ latencyMs: 5, rules: [{ id: added.body.id }] });
      expect(graph.status).toBe(429);
      expect(cleared.status).toBe(204);
      expect(emulator.control.faults()).toEqual({ latencyMs: 0, rules: [] });
    });

    it('when a readiness is forced over HTTP, then the flow reads that status', async () => {
      const setId = await createSet(emulator);
      const flowId = await createFlow(emulator, setId, 'administrativeUnit');

      const forced = await control('POST', `/flows/${flowId}/readiness`, { status: 'disabled' });
      const unknown = await control('POST', '/flows/nope/readiness', { status: 'disabled' });
      const invalid = await control('POST', `/flows/${flowId}/readiness`, { status: 'sleepy' });

      expect(forced.status).toBe(204);
      expect(
        (await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`)).body.readinessStatus,
      ).toBe('disabled');
      expect(unknown.status).toBe(404);
      expect(invalid.status).toBe(400);
    });

    it('when the request log is read and cleared over HTTP, then it lists Graph calls only', async () => {
      await control('DELETE', '/requests');
      await call(emulator, 'GET', SETS);
      await control('GET', '/health');

      const log = await control('GET', '/requests');

      expect(log.body.value).toHaveLength(1);
      expect(log.body.value[0]).toMatchObject({ method: 'GET', path: `/beta${SETS}`, status: 200 });
    });

    it('when state is reset over HTTP, then the seed data is back', async () => {
      await createSet(emulator, 'Extra');

      expect((await control('POST', '/reset')).status).toBe(204);

      const state = (await control('GET', '/state')).body as {
        flowSets: Array<{ displayName: string }>;
      };
      expect(state.flowSets.map((s) => s.displayName)).toEqual([
        'Contoso District – All schools',
        'Northwind High School',
        'Fabrikam Elementary pilot',
      ]);
    });

    it('when an unknown control route is called, then 404', async () => {
      expect((await control('GET', '/nothing')).status).toBe(404);
    });
  });
});
