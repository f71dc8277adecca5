/** Protocol behaviour: headers, content types, routing errors, paging with nextLink. */
import { request } from 'node:http';
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { FLOW_BODIES, SETS, call, createFlow, createSet, flowsOf } from './helpers';

/** A raw request, for what fetch will not send (a body without Content-Type). */
function rawRequest(
  url: string,
  method: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Follows nextLinks verbatim and returns every item. */
async function collectAll(
  emulator: GraphEmulator,
  firstUrl: string,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url) {
    const res = await call(emulator, 'GET', url);
    expect(res.status).toBe(200);
    ids.push(...res.body.value.map((item: { id: string }) => item.id));
    url = res.body['@odata.nextLink'];
    pages += 1;
  }
  return { ids, pages };
}

describe('Graph emulator HTTP protocol', () => {
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ seed: false });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.control.resetState());

  it('when a client-request-id is sent, then it is echoed and a request-id is added', async () => {
    const res = await call(emulator, 'GET', SETS, { headers: { 'client-request-id': 'abc-123' } });

    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.at(-1)?.requestId).toBe(res.headers.get('request-id'));
  });

  it('when a POST body has no JSON content type, then 415', async () => {
    const res = await rawRequest(emulator.baseUrl + SETS, 'POST', '{"displayName":"x"}');

    expect(res.status).toBe(415);
    expect(JSON.parse(res.body).error.message).toContain('Content-Type: application/json');
  });

  it('when the body is not JSON, then 400 says so', async () => {
    const res = await rawRequest(emulator.baseUrl + SETS, 'POST', '{"displayName":', {
      'Content-Type': 'application/json',
    });

    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain('not valid JSON');
  });

  it('when a POST has no body, then 400 says a body is required', async () => {
    const res = await call(emulator, 'POST', SETS);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('request body is required');
  });

  it.each([
    ['PUT', SETS, 'GET, POST'],
    ['POST', '/external/industryData/roleGroups', 'GET'],
    ['GET', `${SETS}/x/provisioningFlows/y/reset`, 'POST'],
  ])('when %s is sent to %s, then 405 lists the allowed methods', async (method, path, allowed) => {
    const res = await call(emulator, method, path, { body: method === 'GET' ? undefined : {} });

    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allowed);
    expect(res.body.error.code).toBe('methodNotAllowed');
  });

  it.each([
    ['/external/industryData/inboundFlows', 'inboundFlows'],
    [`${SETS}/x/flows`, 'flows'],
    ['/external/somethingElse', 'somethingElse'],
  ])('when an unknown route %s is called, then 404 names the segment', async (path, segment) => {
    const res = await call(emulator, 'GET', path);

    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Resource not found for the segment '${segment}'.`);
  });

  it('when an unknown role group is read, then 404 itemNotFound', async () => {
    const res = await call(emulator, 'GET', '/external/industryData/roleGroups/teachers');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('itemNotFound');
  });

  it('when flow sets are read with $top, then following nextLink yields every set once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) created.push(await createSet(emulator, `Set ${i}`));

    const first = await call(emulator, 'GET', `${SETS}?$top=2`);
    const all = await collectAll(emulator, `${emulator.baseUrl}${SETS}?$top=2`);

    expect(first.body['@odata.nextLink']).toMatch(
      new RegExp(`^${emulator.baseUrl}${SETS}\\?\\$top=2&\\$skiptoken=`),
    );
    expect(Object.keys(first.body)).toEqual(['@odata.context', '@odata.nextLink', 'value']);
    expect(all).toEqual({ ids: created, pages: 3 });
  });

  it('when flows and role groups are read with $top=1, then nextLink pages through all of them', async () => {
    const setId = await createSet(emulator);
    const flows = [
      await createFlow(emulator, setId, 'securityGroup'),
      await createFlow(emulator, setId, 'administrativeUnit'),
    ];

    expect(await collectAll(emulator, `${emulator.baseUrl}${flowsOf(setId)}?$top=1`)).toEqual({
      ids: flows,
      pages: 2,
    });
    expect(
      await collectAll(emulator, `${emulator.baseUrl}/external/industryData/roleGroups?$top=1`),
    ).toEqual({
      ids: ['staff', 'students'],
      pages: 2,
    });
  });

  it('when the last page is read, then it has no nextLink', async () => {
    await createSet(emulator);

    const res = await call(emulator, 'GET', `${SETS}?$top=5`);

    expect(res.body['@odata.nextLink']).toBeUndefined();
    expect(res.body.value).toHaveLength(1);
  });

  it.each(['0', '-1', 'abc', '1.5', '1000'])(
    'when $top is %s, then 400 explains the valid range',
    async (top) => {
      const res = await call(emulator, 'GET', `${SETS}?$top=${top}`);

      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("'$top'");
    },
  );

  it.each([
    [`${SETS}?$filter=displayName eq 'x'`, '$filter'],
    [`${SETS}?$skiptoken=bogus`, '$skiptoken'],
    ['/external/industryData/roleGroups/staff?$top=1', '$top'],
  ])('when %s is requested, then 400 names the unsupported option', async (path, option) => {
    const res = await call(emulator, 'GET', path);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(option);
  });

  it('when the same body is sent to a capital-O path, then it works like the canonical one', async () => {
    const res = await call(
      emulator,
      'POST',
      '/external/industryData/OutboundProvisioningFlowSets',
      { body: { displayName: 'x' } },
    );

    expect(res.status).toBe(201);
    expect(res.body['@odata.context']).toContain(
      '#external/industryData/outboundProvisioningFlowSets/$entity',
    );
  });

  it('when requests are made, then each is recorded in order with method, path and status', async () => {
    emulator.control.clearRequests();
    const setId = await createSet(emulator);
    await call(emulator, 'POST', flowsOf(setId), { body: FLOW_BODIES.securityGroup });
    await call(emulator, 'GET', `${SETS}/nope`);

    expect(emulator.requests.map((r) => [r.method, r.status])).toEqual([
      ['POST', 201],
      ['POST', 201],
      ['GET', 404],
    ]);
    expect(emulator.requests[0]).toMatchObject({ path: `/beta${SETS}`, callerKind: 'anonymous' });
  });
});
