/** Flow-set behaviour beyond the examples: validation messages, PATCH merge, cascade delete, 404s. */
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { NS, SETS, call, createFlow, createSet, flowsOf } from './helpers';

describe('Graph emulator flow sets', () => {
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ seed: false });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.control.resetState());

  it.each([
    ['no displayName', {}, "'displayName' is required"],
    ['a null displayName', { displayName: null }, "'displayName' cannot be null"],
    ['a blank displayName', { displayName: '  ' }, "'displayName' must not be empty"],
    ['a numeric displayName', { displayName: 5 }, "'displayName' must be a string"],
    [
      'an unknown property',
      { displayName: 'x', colour: 'red' },
      "'colour' does not exist on type 'microsoft.graph.industryData.outboundProvisioningFlowSet'",
    ],
    [
      'a filter without attribute',
      { displayName: 'x', filter: { in: ['A'] } },
      "'filter.attribute' is required",
    ],
    [
      'an unknown filter attribute',
      { displayName: 'x', filter: { attribute: 'schoolName', in: ['A'] } },
      "'filter.attribute' has 'schoolName', which is not a valid filter attribute",
    ],
    [
      'an empty filter list',
      { displayName: 'x', filter: { attribute: 'orgExternalId', in: [] } },
      "'filter.in' must list at least one organization external id",
    ],
    [
      'a wrong filter type',
      {
        displayName: 'x',
        filter: {
          '@odata.type': '#microsoft.graph.industryData.filter',
          attribute: 'orgExternalId',
          in: ['A'],
        },
      },
      "'filter.@odata.type' must be '#microsoft.graph.industryData.basicFilter'",
    ],
    ['a read-only id', { displayName: 'x', id: 'mine' }, "'id' is read-only"],
    [
      'inline flows',
      { displayName: 'x', provisioningFlows: [] },
      "'provisioningFlows' is read-only",
    ],
    ['a JSON array', [{ displayName: 'x' }], 'The request body must be a JSON object'],
  ])(
    'when a flow set is created with %s, then 400 names the property and why',
    async (_case, body, message) => {
      const res = await call(emulator, 'POST', SETS, { body });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('badRequest');
      expect(res.body.error.message).toContain(message);
      expect(Object.keys(res.body.error.innerError)).toEqual([
        'request-id',
        'date',
        'client-request-id',
      ]);
    },
  );

  it('when property names are mis-cased, then they bind to the declared names', async () => {
    const res = await call(emulator, 'POST', SETS, {
      body: { DISPLAYNAME: 'Cased', Filter: { ATTRIBUTE: 'OrgExternalId', In: ['A'] } },
    });

    expect(res.status).toBe(201);
    expect(res.body.displayName).toBe('Cased');
    expect(res.body.filter).toEqual({
      '@odata.type': `${NS}.basicFilter`,
      attribute: 'orgExternalId',
      in: ['A'],
    });
  });

  it('when a property is sent twice in different casing, then 400 says so', async () => {
    const res = await call(emulator, 'POST', SETS, {
      body: { displayName: 'a', DisplayName: 'b' },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('specified more than once');
  });

  it('when a set is created without a filter, then filter is null (all organizations)', async () => {
    const res = await call(emulator, 'POST', SETS, { body: { displayName: 'All' } });

    expect(res.status).toBe(201);
    expect(res.body.filter).toBeNull();
  });

  it('when only the filter list is patched, then the rest is kept and lastModifiedDateTime moves', async () => {
    const id = await createSet(emulator, 'Keep me', ['A', 'B']);
    const before = (await call(emulator, 'GET', `${SETS}/${id}`)).body;

    const patch = await call(emulator, 'PATCH', `${SETS}/${id}`, {
      body: { filter: { in: ['C'] } },
    });
    const after = (await call(emulator, 'GET', `${SETS}/${id}`)).body;

    expect(patch.status).toBe(204);
    expect(after.displayName).toBe('Keep me');
    expect(after.filter).toEqual({
      '@odata.type': `${NS}.basicFilter`,
      attribute: 'orgExternalId',
      in: ['C'],
    });
    expect(after.createdDateTime).toBe(before.createdDateTime);
    expect(after.lastModifiedDateTime > before.lastModifiedDateTime).toBe(true);
  });

  it('when the filter is patched to null, then the set includes every organization', async () => {
    const id = await createSet(emulator, 'Filtered', ['A']);

    await call(emulator, 'PATCH', `${SETS}/${id}`, { body: { filter: null } });

    expect((await call(emulator, 'GET', `${SETS}/${id}`)).body.filter).toBeNull();
  });

  it('when a filter is added by PATCH without its attribute, then 400 and nothing changes', async () => {
    const id = await createSet(emulator, 'No filter');

    const res = await call(emulator, 'PATCH', `${SETS}/${id}`, { body: { filter: { in: ['A'] } } });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'filter.attribute' is required");
    expect((await call(emulator, 'GET', `${SETS}/${id}`)).body.filter).toBeNull();
  });

  it('when a set is deleted, then its flows are gone too', async () => {
    const id = await createSet(emulator);
    const flowId = await createFlow(emulator, id, 'securityGroup');

    expect((await call(emulator, 'DELETE', `${SETS}/${id}`)).status).toBe(204);

    expect((await call(emulator, 'GET', `${flowsOf(id)}/${flowId}`)).status).toBe(404);
    expect(emulator.control.snapshot()).toMatchObject({ flows: [] });
  });

  it.each([
    ['GET', undefined],
    ['PATCH', { displayName: 'x' }],
    ['DELETE', undefined],
  ])('when %s targets an unknown set id, then 404 itemNotFound names it', async (method, body) => {
    const res = await call(emulator, method, `${SETS}/00000000-0000-0000-0000-000000000000`, {
      body,
    });

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('itemNotFound');
    expect(res.body.error.message).toContain("'00000000-0000-0000-0000-000000000000'");
  });

  it('when the set is addressed with OData key syntax and capital O, then it is found', async () => {
    const id = await createSet(emulator, 'Keyed');

    const res = await call(
      emulator,
      'GET',
      `/external/industryData/OutboundProvisioningFlowSets('${id}')`,
    );

    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(
      'https://graph.microsoft.com/beta/$metadata#external/industryData/outboundProvisioningFlowSets/$entity',
    );
  });
});
