/**
 * Contract tests for the run operations: the published examples 30 (list runs), 32 (run
 * statistics) and 33 (start) replayed against the emulator, and the documented shapes of the
 * operation examples (40, 41). Example 32's `activityStatistics` is a doc error (role counts where
 * inboundActivityResults belong): the emulator answers the documented shape there, see its README.
 */
import {
  IndustryDataRunStatistics,
  LongRunningOperation,
  IndustryDataRunPage,
} from '../../../src/domain/runSchemas';
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { call, loadExample, type ExampleRequest, type ExampleResponse } from './helpers';

const GRAPH_BASE = 'https://graph.microsoft.com/beta';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/;
const RUN_NAME = /^Run \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/;

type Json = Record<string, unknown>;
const keysOf = (value: unknown) => Object.keys(value as Json);

let emu: GraphEmulator;
beforeAll(async () => {
  emu = await startGraphEmulator({ seed: true });
});
afterAll(() => emu.close());

/** The example's request against the emulator, with the docs' run id replaced by a real one. */
async function replay(file: string, ids: Record<string, string> = {}) {
  const request = loadExample<ExampleRequest>(file);
  let url = request.url.replace(GRAPH_BASE, emu.baseUrl);
  for (const [docId, realId] of Object.entries(ids)) url = url.split(docId).join(realId);
  return call(emu, request.method, url, { headers: request.headers });
}

describe('run contract (examples 30, 32, 33, 40, 41)', () => {
  it('when runs are listed as example 30 does, then each run has the example keys, in order, and a running run has no end', async () => {
    emu.control.startScheduledRun();
    const expected = loadExample<ExampleResponse>('30-list-runs-response.json');
    const res = await replay('30-list-runs-request.json');

    expect(res.status).toBe(expected.status);
    expect(res.headers.get('content-type')).toBe(expected.headers['Content-Type']);
    expect(keysOf(res.body)).toEqual(keysOf(expected.body));
    const docRuns = (expected.body as { value: Json[] }).value;
    const runs = res.body.value as Json[];
    expect(runs.length).toBeGreaterThan(2);
    for (const run of runs) {
      if (run.status === 'failed') continue; // carries blockingError, checked below
      expect(keysOf(run)).toEqual(keysOf(docRuns[0]));
      expect(run['@odata.type']).toBe(docRuns[0]?.['@odata.type']);
      expect(run.id).toMatch(GUID);
      expect(run.displayName).toMatch(RUN_NAME);
      expect(run.startDateTime).toMatch(TIMESTAMP);
    }
    // Newest first, as in the example: the running run leads with endDateTime null.
    expect(runs[0]).toMatchObject({ status: 'running', endDateTime: null });
    expect(runs[1]?.endDateTime).toMatch(TIMESTAMP);
    expect(IndustryDataRunPage.safeParse(res.body).success).toBe(true);
  });

  it('when a run failed, then it carries a publicError blockingError', async () => {
    const runs = (await call(emu, 'GET', '/external/industryData/runs')).body.value as Json[];
    const failed = runs.find((r) => r.status === 'failed');
    expect(failed?.blockingError).toEqual({
      code: expect.any(String),
      details: [],
      innerError: null,
      message: expect.any(String),
      target: expect.anything(),
    });
  });

  it('when statistics are read as example 32 does, then the keys match the example and activityStatistics has the documented shape', async () => {
    const expected = loadExample<ExampleResponse>('32-get-run-statistics-response.json');
    const docRunId = (expected.body as Json).runId as string;
    const runs = (await call(emu, 'GET', '/external/industryData/runs')).body.value as Json[];
    const completed = runs.find((r) => r.status === 'completedWithErrors');
    const res = await replay('32-get-run-statistics-request.json', {
      [docRunId]: String(completed?.id),
    });

    expect(res.status).toBe(expected.status);
    const doc = expected.body as Json;
    expect(keysOf(res.body)).toEqual(keysOf(doc));
    expect(res.body['@odata.type']).toBe(doc['@odata.type']);
    expect(keysOf(res.body.inboundTotals)).toEqual(keysOf(doc.inboundTotals));
    expect(res.body).toMatchObject({ runId: completed?.id, status: 'completedWithErrors' });
    expect(res.body.activityStatistics[0]).toEqual({
      '@odata.type': '#microsoft.graph.industryData.inboundActivityResults',
      activityId: expect.stringMatching(GUID),
      displayName: expect.any(String),
      status: 'completedWithErrors',
      errors: res.body.inboundTotals.errors,
      warnings: res.body.inboundTotals.warnings,
      groups: {
        active: expect.any(Number),
        inactive: expect.any(Number),
        total: expect.any(Number),
      },
      memberships: expect.objectContaining({ total: expect.any(Number) }),
      organizations: expect.objectContaining({ total: expect.any(Number) }),
      people: expect.objectContaining({ active: res.body.inboundTotals.people }),
      matchedPeopleByRole: res.body.inboundTotals.matchedPeopleByRole,
      unmatchedPeopleByRole: res.body.inboundTotals.unmatchedPeopleByRole,
    });
    expect(res.body.inboundTotals.errors).toBeGreaterThan(0);
    // The role-count shape of the example, as both sides print it.
    expect(keysOf(res.body.inboundTotals.matchedPeopleByRole[0])).toEqual(
      keysOf((doc.inboundTotals as { matchedPeopleByRole: Json[] }).matchedPeopleByRole[0]),
    );
    expect(IndustryDataRunStatistics.safeParse(res.body).success).toBe(true);
  });

  it('when statistics are called with the namespace-qualified function name and (), then the same answer comes', async () => {
    const runs = (await call(emu, 'GET', '/external/industryData/runs')).body.value as Json[];
    const id = String(runs[2]?.id);
    const short = await call(emu, 'GET', `/external/industryData/runs/${id}/getStatistics`);
    for (const form of ['getStatistics()', 'microsoft.graph.industryData.getStatistics()']) {
      const res = await call(emu, 'GET', `/external/industryData/runs/${id}/${form}`);
      expect([res.status, res.body]).toEqual([200, short.body]);
    }
  });

  it('when a run is started as example 33 does, then 202 with no body and a Location to an operation of the documented shape', async () => {
    emu.control.finishRunningRun();
    const expected = loadExample<ExampleResponse>('33-start-run-response.json');
    const res = await replay('33-start-run-request.json');

    expect(res.status).toBe(expected.status);
    expect(res.text).toBe('');
    const docLocation = expected.headers.Location ?? '';
    const location = res.headers.get('location') ?? '';
    expect(location.replace(/[^/]+$/, '')).toBe(
      docLocation.replace(GRAPH_BASE, emu.baseUrl).replace(/[^/]+$/, ''),
    );
    expect(location.split('/').at(-1)).toMatch(GUID);

    const op = await call(emu, 'GET', location);
    const generic = loadExample<ExampleResponse>('41-get-operation-generic-response.json');
    expect(op.status).toBe(200);
    expect(keysOf(op.body)).toEqual(keysOf(generic.body));
    expect(op.body['@odata.type']).toBe((generic.body as Json)['@odata.type']);
    expect(op.body).toMatchObject({ status: 'running', statusDetail: null });
    expect(op.body.resourceLocation).toMatch(
      /\/beta\/external\/industryData\/runs\/[0-9a-f-]{36}$/,
    );
    const derived = loadExample<ExampleResponse>('40-get-operation-response.json');
    expect(LongRunningOperation.safeParse(derived.body).success).toBe(true);
    expect(LongRunningOperation.safeParse(op.body).success).toBe(true);
  });

  it('when the started run ends, then its operation reads succeeded and points at the run', async () => {
    const run = emu.control.finishRunningRun();
    const ops = await call(emu, 'GET', '/external/industryData/operations');
    const op = (ops.body.value as Json[])[0];
    expect(op).toMatchObject({ status: 'succeeded' });
    expect(String(op?.resourceLocation)).toBe(
      `${emu.baseUrl}/external/industryData/runs/${run.id}`,
    );
  });
});
