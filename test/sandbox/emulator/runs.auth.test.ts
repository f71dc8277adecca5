/** Run routes: permissions (delegated and application), routing forms, paging and 404s. */
import {
  startGraphEmulator,
  type EmulatorCaller,
  type GraphEmulator,
} from '../../../src/sandbox/emulator';
import {
  OPERATION_READ_SCOPE,
  RUN_READ_SCOPE,
  RUN_START_SCOPE,
} from '../../../src/graph/permissions';
import { GLOBAL_ADMIN_ROLE, READ_SCOPE } from '../../../src/sandbox/users';
import { call } from './helpers';

const RUNS = '/external/industryData/runs';
const admin = (oid: string, scopes: string[], wids = [GLOBAL_ADMIN_ROLE]): EmulatorCaller => ({
  kind: 'delegated',
  oid,
  scopes,
  roles: [],
  wids,
});
const app = (roles: string[]): EmulatorCaller => ({
  kind: 'application',
  oid: 'oid-app',
  scopes: [],
  roles,
  wids: [],
});
const CALLERS: Record<string, EmulatorCaller> = {
  reader: admin('oid-reader', [RUN_READ_SCOPE, READ_SCOPE]),
  starter: admin('oid-starter', [RUN_READ_SCOPE, RUN_START_SCOPE]),
  startOnly: admin('oid-start-only', [RUN_START_SCOPE]),
  flowsOnly: admin('oid-flows', [READ_SCOPE]),
  teacher: admin('oid-teacher', [RUN_READ_SCOPE, RUN_START_SCOPE], []),
  basic: admin('oid-basic', [OPERATION_READ_SCOPE]),
  appReader: app([RUN_READ_SCOPE]),
  appStarter: app([RUN_START_SCOPE]),
};

let emu: GraphEmulator;
beforeAll(async () => {
  emu = await startGraphEmulator({
    seed: true,
    authenticate: async (header) => CALLERS[header?.replace(/^Bearer /, '') ?? '']!,
  });
});
afterAll(() => emu.close());
afterEach(() => {
  try {
    emu.control.finishRunningRun();
  } catch {
    // nothing was running
  }
});

const as = (token: string, method: string, path: string) => call(emu, method, path, { token });
const firstRunId = async () => (await as('reader', 'GET', RUNS)).body.value[0].id as string;

describe('run permissions', () => {
  it.each([
    ['reader', 'GET', RUNS, 200],
    ['appReader', 'GET', RUNS, 200],
    ['startOnly', 'GET', RUNS, 403],
    ['flowsOnly', 'GET', RUNS, 403],
    ['teacher', 'GET', RUNS, 403],
    ['reader', 'POST', `${RUNS}/start`, 403],
    ['appReader', 'POST', `${RUNS}/start`, 403],
  ])('when %s calls %s %s, then %i', async (token, method, path, status) => {
    const res = await as(token, method, path);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe('accessDenied');
  });

  it('when a caller lacks Run.Start, then the 403 names the permission', async () => {
    const res = await as('reader', 'POST', `${RUNS}/start`);
    expect(res.body.error.message).toBe(
      `Missing delegated scope: this operation requires ${RUN_START_SCOPE}.`,
    );
  });

  it('when getStatistics is called with Run.Start only, then it is allowed (its higher permission)', async () => {
    const id = await firstRunId();
    expect((await as('startOnly', 'GET', `${RUNS}/${id}/getStatistics`)).status).toBe(200);
    expect((await as('flowsOnly', 'GET', `${RUNS}/${id}/getStatistics`)).status).toBe(403);
  });

  it('when a delegated admin with Run.Start starts a run, then 202 and the run records the starter', async () => {
    const res = await as('starter', 'POST', `${RUNS}/start`);
    expect(res.status).toBe(202);
    expect(emu.control.runs().runs[0]).toMatchObject({
      trigger: 'onDemand',
      startedBy: 'oid-starter',
    });
    expect(emu.requests.at(-1)).toMatchObject({ callerOid: 'oid-starter', status: 202 });
    const location = String(res.headers.get('location'));
    expect((await call(emu, 'GET', location, { token: 'basic' })).status).toBe(200);
    expect((await call(emu, 'GET', location, { token: 'starter' })).status).toBe(200);
    expect((await call(emu, 'GET', location, { token: 'flowsOnly' })).status).toBe(403);
  });

  it('when the app has Run.Start, then it may start a run (application permission)', async () => {
    expect((await as('appStarter', 'POST', `${RUNS}/start`)).status).toBe(202);
  });
});

describe('run routes', () => {
  it('when GET is sent to the start action, then 405 allows POST only', async () => {
    const res = await as('reader', 'GET', `${RUNS}/start`);
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('when a run or operation does not exist, then 404 itemNotFound', async () => {
    for (const path of [
      `${RUNS}/nope`,
      `${RUNS}/nope/getStatistics`,
      '/external/industryData/operations/nope',
    ]) {
      const res = await as('starter', 'GET', path);
      expect([res.status, res.body.error.code]).toEqual([404, 'itemNotFound']);
    }
    const id = await firstRunId();
    expect((await as('reader', 'GET', `${RUNS}/${id}/activities`)).status).toBe(404);
  });

  it("when a run is addressed with OData key syntax runs('id'), then it is found", async () => {
    const id = await firstRunId();
    const res = await as('reader', 'GET', `${RUNS}('${id}')`);
    expect([res.status, res.body.id]).toEqual([200, id]);
  });

  it('when runs are listed with $top, then nextLinks page through all of them; $filter is refused', async () => {
    const all = (await as('reader', 'GET', RUNS)).body.value as Array<{ id: string }>;
    const seen: string[] = [];
    let url: string | undefined = `${emu.baseUrl}${RUNS}?$top=4`;
    while (url) {
      const page = await call(emu, 'GET', url, { token: 'reader' });
      seen.push(...page.body.value.map((r: { id: string }) => r.id));
      url = page.body['@odata.nextLink'];
    }
    expect(seen).toEqual(all.map((r) => r.id));
    expect((await as('reader', 'GET', `${RUNS}?$filter=status eq 'failed'`)).status).toBe(400);
  });
});
