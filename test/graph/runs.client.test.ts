/** The run methods of the Graph client against the real emulator over HTTP. */
import { createGraphClient, runStartRefusal, type GraphClientOptions } from '../../src/graph';
import { RUN_READ_SCOPE, RUN_START_SCOPE } from '../../src/graph/permissions';
import {
  EmulatorAuthError,
  startGraphEmulator,
  type EmulatorCaller,
  type GraphEmulator,
} from '../../src/sandbox/emulator';
import { GLOBAL_ADMIN_ROLE } from '../../src/sandbox/users';
import { failure } from '../support/failure';

const FAST = { baseDelayMs: 10, maxDelayMs: 50 };
const CALLERS: Record<string, EmulatorCaller> = {
  admin: {
    kind: 'delegated',
    oid: 'oid-admin',
    scopes: [RUN_READ_SCOPE, RUN_START_SCOPE],
    roles: [],
    wids: [GLOBAL_ADMIN_ROLE],
  },
  reader: {
    kind: 'delegated',
    oid: 'oid-reader',
    scopes: [RUN_READ_SCOPE],
    roles: [],
    wids: [GLOBAL_ADMIN_ROLE],
  },
};

let emu: GraphEmulator;
beforeAll(async () => {
  emu = await startGraphEmulator({
    seed: true,
    authenticate: async (header) => {
      const caller = CALLERS[header?.replace(/^Bearer /, '') ?? ''];
      if (!caller) throw new EmulatorAuthError(401, 'InvalidAuthenticationToken', 'Unknown token.');
      return caller;
    },
  });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.control.clearFaults();
  emu.control.clearRequests();
});

const api = (who = 'admin', options: Partial<GraphClientOptions> = {}) =>
  createGraphClient({ baseUrl: emu.baseUrl, retry: FAST, ...options }).as(async () => who);
const finishRunning = () => {
  if (emu.control.runs().runs.some((r) => r.status === 'running')) emu.control.finishRunningRun();
};

describe('graph client: runs', () => {
  it('when runs are listed page by page, then every run comes back newest first, typed', async () => {
    const all = await api().listRuns();
    const paged = await api().listRuns({ pageSize: 2 });
    expect(paged.data.map((r) => r.id)).toEqual(all.data.map((r) => r.id));
    expect(paged.requestIds.length).toBe(Math.ceil(all.data.length / 2));
    expect(all.data.map((r) => r.status)).toContain('failed');
    const failed = all.data.find((r) => r.status === 'failed');
    expect(failed?.blockingError?.code).toBe('RequiredFileNotFound');
    expect(all.data.find((r) => r.status === 'completed')?.blockingError).toBeNull();
  });

  it('when one run and its statistics are read, then they match the list and carry totals by role', async () => {
    const [latest] = (await api().listRuns()).data;
    const run = await api('reader').getRun(latest!.id);
    expect(run.data).toEqual(latest);
    const stats = await api('reader').getRunStatistics(latest!.id);
    expect(stats.data.runId).toBe(latest!.id);
    expect(stats.data.activityStatistics).toHaveLength(1);
    expect(stats.data.inboundTotals.matchedPeopleByRole.map((r) => r.role)).toEqual([
      'student',
      'teacher',
    ]);
    expect(stats.requestId).toBe(emu.requests.at(-1)?.requestId);
  });

  it('when a run is started, then the operation id comes from Location and the operation reads running', async () => {
    finishRunning();
    const started = await api().startRun();
    expect(started.data.operationUrl).toBe(
      `${emu.baseUrl}/external/industryData/operations/${started.data.operationId}`,
    );
    expect(emu.requests.at(-1)).toMatchObject({
      method: 'POST',
      status: 202,
      callerOid: 'oid-admin',
    });
    const op = await api().getOperation(started.data.operationId!);
    expect(op.data).toMatchObject({ status: 'running', id: started.data.operationId });
    expect(op.data.resourceLocation).toContain('/external/industryData/runs/');
  });

  it('when a run is running, then a start is refused as conflict and runStartRefusal says running', async () => {
    finishRunning();
    emu.control.startScheduledRun();
    const err = await failure(api().startRun());
    expect([err.code, err.status]).toEqual(['conflict', 409]);
    expect(err.userMessage).toBe(
      'A sync run is already running. Start another one when it has finished.',
    );
    expect(runStartRefusal(err)).toEqual({ kind: 'running' });
    expect(emu.requests).toHaveLength(1); // a refusal is not retried
  });

  it('when the limit is reached, then the sixth start names when the budget frees up', async () => {
    finishRunning();
    while (emu.control.runs().budget.remaining > 0) {
      await api().startRun();
      emu.control.finishRunningRun();
    }
    const freesAt = emu.control.runs().budget.freesAt!;
    const err = await failure(api().startRun());
    expect([err.code, err.status, err.retryable]).toEqual(['throttled', 429, false]);
    expect(err.userMessage).toMatch(
      /^School Data Sync allows at most 5 on-demand runs in 12 hours\. The next one can start after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/,
    );
    const refusal = runStartRefusal(err);
    expect(refusal?.kind).toBe('limit');
    const retryAt = refusal?.kind === 'limit' ? refusal.retryAt!.getTime() : 0;
    expect(Math.abs(retryAt - Date.parse(freesAt))).toBeLessThan(5_000);
  });

  it('when the caller lacks IndustryData-Run.Start, then the start is forbidden naming that permission', async () => {
    const err = await failure(api('reader').startRun());
    expect([err.code, err.status]).toEqual(['forbidden', 403]);
    expect(err.userMessage).toContain(RUN_START_SCOPE);
    expect(runStartRefusal(err)).toBeUndefined();
  });

  it('when Graph answers 429 or 503 to a read, then the client retries and succeeds', async () => {
    emu.control.addFault({ status: 429, count: 1, retryAfterSeconds: 0.05, method: 'GET' });
    emu.control.addFault({ status: 503, count: 1, retryAfterSeconds: 0, method: 'GET' });
    const runs = await api().listRuns();
    expect(runs.data.length).toBeGreaterThan(0);
    expect(emu.requests.map((r) => r.status)).toEqual([429, 503, 200]);
  });

  it('when a start gets a bare 503, then it is not retried and its outcome is unknown', async () => {
    emu.control.addFault({ status: 503, count: 1, method: 'POST' });
    const err = await failure(api().startRun());
    expect([err.code, err.outcomeUnknown, err.retryable]).toEqual(['unavailable', true, false]);
    expect(runStartRefusal(err)).toBeUndefined();
    expect(emu.requests.map((r) => r.status)).toEqual([503]);
  });

  it('when a start is throttled briefly, then it is retried and accepted', async () => {
    emu.control.resetState(); // the limit test above used up the start budget
    emu.control.addFault({ status: 429, count: 1, retryAfterSeconds: 0, method: 'POST' });
    const started = await api().startRun();
    expect(started.data.operationId).toBeTruthy();
    expect(emu.requests.map((r) => r.status)).toEqual([429, 202]);
  });

  it('when a run id is unknown, then not_found names a sync run', async () => {
    const err = await failure(api().getRunStatistics('no-such-run'));
    expect([err.code, err.userMessage]).toEqual([
      'not_found',
      'The sync run was not found. It may have been deleted, or the id is wrong.',
    ]);
  });
});
