import { AppError } from '../../src/errors';
import { createGraphClient } from '../../src/graph';
import { createMemoryLogger } from '../../src/log';
import { sendJson, startStub } from './stubServer';
import { failure } from '../support/failure';

const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
const token = async () => TOKEN;
const SET = { id: 's1', displayName: 'Set one', filter: null };

let stub: Awaited<ReturnType<typeof startStub>>;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
beforeEach(() => stub.seen.splice(0));

const client = (logger = createMemoryLogger().logger) =>
  createGraphClient({ baseUrl: stub.baseUrl, logger, retry: { baseDelayMs: 1, maxDelayMs: 5 } }).as(
    token,
  );

describe('graph client over HTTP (scripted server)', () => {
  it('when a body is sent, then bearer, client-request-id and content type headers go with it', async () => {
    stub.handler = (_req, res) => sendJson(res, 201, SET, { 'request-id': 'graph-req-1' });
    const result = await client().createFlowSet({ displayName: 'Set one' });
    const [req] = stub.seen;
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(result).toEqual({ data: SET, requestId: 'graph-req-1', requestIds: ['graph-req-1'] });
  });

  it('when a request is logged, then the line has method, path, status, ids and attempt but no token', async () => {
    const { logger, lines } = createMemoryLogger();
    stub.handler = (_req, res) => sendJson(res, 200, SET, { 'request-id': 'graph-req-2' });
    await client(logger).getFlowSet('s1');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({
      msg: 'graph request',
      method: 'GET',
      path: '/external/industryData/outboundProvisioningFlowSets/s1',
      status: 200,
      requestId: 'graph-req-2',
      attempt: 1,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(lines.join('\n')).not.toContain(TOKEN.split('.')[2]);
  });

  it('when the client is for background polling, then a success logs at debug and a failure still warns', async () => {
    const { logger, lines } = createMemoryLogger();
    const quiet = createGraphClient({
      baseUrl: stub.baseUrl,
      logger,
      successLogLevel: 'debug',
      retry: { maxAttempts: 1 },
    }).as(token);
    stub.handler = (_req, res) => sendJson(res, 200, SET);
    await quiet.getFlowSet('s1');
    stub.handler = (_req, res) =>
      sendJson(res, 403, { error: { code: 'Forbidden', message: 'no' } });
    await failure(quiet.getFlowSet('s1'));
    expect(lines.map((l) => JSON.parse(l)).map((e) => [e.msg, e.level, e.status])).toEqual([
      ['graph request', 'debug', 200],
      ['graph request', 'warn', 403],
    ]);
  });

  it('when Graph sends no request-id, then our client-request-id stands in', async () => {
    stub.handler = (_req, res) => sendJson(res, 200, SET);
    const result = await client().getFlowSet('s1');
    expect(result.requestId).toBe(stub.seen[0]?.headers['client-request-id']);
  });

  it('when a success body does not match the schema, then it is internal with the request-id', async () => {
    stub.handler = (_req, res) => sendJson(res, 200, { id: 5 }, { 'request-id': 'bad-1' });
    const err = await failure(client().getFlowSet('s1'));
    expect([err.code, err.userMessage, err.requestId]).toEqual([
      'internal',
      'Graph returned data we could not read.',
      'bad-1',
    ]);
  });

  it('when a PATCH is answered 200 with a body, then that body is returned without a re-GET', async () => {
    stub.handler = (_req, res) => sendJson(res, 200, { ...SET, displayName: 'New' });
    const result = await client().updateFlowSet('s1', { displayName: 'New' });
    expect(result.data.displayName).toBe('New');
    expect(stub.seen.map((r) => r.method)).toEqual(['PATCH']);
  });

  it('when a next link points to another host, then it is not followed (the token stays home)', async () => {
    stub.handler = (_req, res) =>
      sendJson(res, 200, { value: [SET], '@odata.nextLink': 'http://evil.example/beta/x' });
    const err = await failure(client().listFlowSets());
    expect(err.code).toBe('internal');
    expect(stub.seen).toHaveLength(1);
  });

  it('when a next link repeats itself, then paging stops with an error instead of looping', async () => {
    stub.handler = (req, res) =>
      sendJson(res, 200, {
        value: [SET],
        '@odata.nextLink': `${stub.origin}${req.url.split('?')[0]}?$skiptoken=same`,
      });
    const err = await failure(client().listFlowSets());
    expect(err.code).toBe('internal');
    expect(stub.seen).toHaveLength(2);
  });

  it('when the token provider fails with an AppError, then that error reaches the caller unchanged', async () => {
    const signIn = new AppError('sign_in_required', 'Please sign in.');
    const api = createGraphClient({ baseUrl: stub.baseUrl }).as(() => Promise.reject(signIn));
    await expect(api.listRoleGroups()).rejects.toBe(signIn);
    expect(stub.seen).toHaveLength(0);
  });

  it('when a DELETE times out and its retry finds nothing, then the delete counts as done', async () => {
    stub.handler = (req, res) => {
      if (stub.seen.length === 1) return; // never answer the first attempt
      sendJson(res, 404, { error: { code: 'itemNotFound', message: 'gone' } });
    };
    const api = createGraphClient({
      baseUrl: stub.baseUrl,
      timeoutMs: 750, // generous: a loaded CI machine must not time out the answered retry
      retry: { baseDelayMs: 1 },
    }).as(token);
    const result = await api.deleteFlowSet('s1');
    expect(result.data).toBeUndefined();
    expect(stub.seen.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    expect(stub.seen[1]?.headers['retry-attempt']).toBe('1');
    expect(stub.seen[1]?.headers['client-request-id']).toBe(
      stub.seen[0]?.headers['client-request-id'],
    );
  });

  it('when input is invalid, then nothing is sent and bad_input is thrown', async () => {
    const err = await failure(client().createFlow('s1', { kind: 'securityGroup' } as never));
    expect(err.code).toBe('bad_input');
    expect(stub.seen).toHaveLength(0);
  });
});
