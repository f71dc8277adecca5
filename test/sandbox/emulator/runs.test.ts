/** The emulated run history: seed, schedule, start rules, sandbox controls and restarts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { call, eventually } from './helpers';

const RUNS = '/external/industryData/runs';
const START = `${RUNS}/start`;
type Run = { id: string; status: string; endDateTime: string | null; blockingError?: unknown };

const runsOf = async (emu: GraphEmulator): Promise<Run[]> =>
  (await call(emu, 'GET', RUNS)).body.value as Run[];
const control = (emu: GraphEmulator, method: string, path: string, body?: unknown) =>
  call(emu, method, emu.baseUrl.replace(/\/beta$/, `/_sandbox/${path}`), { body });

describe('emulated runs', () => {
  let emu: GraphEmulator;
  afterEach(() => emu?.close());

  it('when a sandbox starts with sample data, then six past runs with varied outcomes are listed newest first', async () => {
    emu = await startGraphEmulator({ seed: true });
    const runs = await runsOf(emu);
    expect(runs.map((r) => r.status)).toEqual([
      'completedWithWarnings',
      'completedWithErrors',
      'failed',
      'completed',
      'completedWithWarnings',
      'completed',
    ]);
    expect(runs.every((r) => r.endDateTime !== null)).toBe(true);
    expect(runs[2]?.blockingError).toMatchObject({ code: 'RequiredFileNotFound' });
    const starts = runs.map((r) =>
      Date.parse(String((r as { startDateTime?: string }).startDateTime)),
    );
    expect(starts[0]! - starts[1]!).toBe(12 * 3_600_000);
  });

  it('when the schedule is compressed, then scheduled runs start by themselves and end with a status', async () => {
    emu = await startGraphEmulator({ seed: false, runScheduleMs: 400 });
    const runs = await eventually(
      () => runsOf(emu),
      (list) => list.filter((r) => r.endDateTime !== null).length >= 2,
      300,
    );
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.filter((r) => r.endDateTime !== null).map((r) => r.status)).toContain('completed');
    expect(emu.control.runs().timing).toMatchObject({ scheduleMs: 400, onDemandWindowMs: 400 });
  });

  it('when a run is running, then a start answers 409 runInProgress', async () => {
    emu = await startGraphEmulator({ seed: false });
    emu.control.startScheduledRun();
    const res = await call(emu, 'POST', START);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'runInProgress' });
    expect(res.body.error.innerError['request-id']).toBeTruthy();
  });

  it('when five on-demand runs succeeded in the window, then the sixth start gets 429 activityLimitReached with Retry-After', async () => {
    emu = await startGraphEmulator({ seed: false });
    // A failed on-demand run does not count ("successful runs").
    emu.control.forceNextRunOutcome({ status: 'failed' });
    expect((await call(emu, 'POST', START)).status).toBe(202);
    emu.control.finishRunningRun();
    for (let i = 0; i < 5; i += 1) {
      expect((await call(emu, 'POST', START)).status).toBe(202);
      emu.control.finishRunningRun();
    }
    expect(emu.control.runs().budget).toMatchObject({ used: 5, remaining: 0 });
    const sixth = await call(emu, 'POST', START);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('activityLimitReached');
    expect(sixth.body.error.message).toMatch(
      /At most 5 on-demand runs .* after \d{4}-\d{2}-\d{2}T/,
    );
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(12 * 3600 - 60);
    expect(retryAfter).toBeLessThanOrEqual(12 * 3600);
  });

  it('when an on-demand run starts with a scheduled run due within 10 hours, then that scheduled run is skipped', async () => {
    emu = await startGraphEmulator({ seed: true });
    const before = emu.control.runs();
    expect(before.wouldSkip).toBe(before.nextScheduledAt);
    expect((await call(emu, 'POST', START)).status).toBe(202);
    const after = emu.control.runs();
    expect(after.runs[0]).toMatchObject({
      trigger: 'onDemand',
      skippedScheduledAt: before.nextScheduledAt,
    });
    expect(Date.parse(after.nextScheduledAt) - Date.parse(before.nextScheduledAt)).toBe(
      12 * 3_600_000,
    );
    expect(after.wouldSkip).toBeNull();
  });

  it('when the next outcome is forced to failed over /_sandbox and the run is finished, then it failed with that blocking error', async () => {
    emu = await startGraphEmulator({ seed: false });
    const blockingError = { code: 'SisUnavailable', message: 'The SIS did not answer.' };
    expect(
      (await control(emu, 'PUT', 'runs/next-outcome', { status: 'failed', blockingError })).status,
    ).toBe(204);
    expect((await control(emu, 'POST', 'runs/scheduled')).status).toBe(201);
    const finished = await control(emu, 'POST', 'runs/finish');
    expect(finished.body.run).toMatchObject({ status: 'failed' });
    const run = (await runsOf(emu))[0];
    expect(run).toMatchObject({
      status: 'failed',
      blockingError: { ...blockingError, target: null },
    });
    const stats = await call(emu, 'GET', `${RUNS}/${run?.id}/getStatistics`);
    expect(stats.body).toMatchObject({
      status: 'failed',
      activityStatistics: [{ status: 'failed' }],
    });
    // The forced outcome was used up.
    expect((await control(emu, 'GET', 'runs')).body.forcedOutcome).toBeNull();
  });

  it('when controls are misused, then they answer 400, 404 and 409', async () => {
    emu = await startGraphEmulator({ seed: false });
    expect((await control(emu, 'PUT', 'runs/next-outcome', { status: 'running' })).status).toBe(
      400,
    );
    expect((await control(emu, 'POST', 'runs/finish')).status).toBe(404);
    await control(emu, 'POST', 'runs/scheduled');
    expect((await control(emu, 'POST', 'runs/scheduled')).status).toBe(409);
  });

  it('when errors and warnings are forced, then the statistics carry them and people grow from run to run', async () => {
    emu = await startGraphEmulator({ seed: true });
    emu.control.forceNextRunOutcome({ status: 'completedWithErrors', errors: 300, warnings: 7 });
    emu.control.startScheduledRun();
    const running = (await runsOf(emu))[0];
    const partial = await call(emu, 'GET', `${RUNS}/${running?.id}/getStatistics`);
    expect(partial.body.status).toBe('running');
    emu.control.finishRunningRun();
    const [latest, previous] = await runsOf(emu);
    const stats = async (id?: string) =>
      (await call(emu, 'GET', `${RUNS}/${id}/getStatistics`)).body.inboundTotals;
    const now = await stats(latest?.id);
    const before = await stats(previous?.id);
    expect(now).toMatchObject({ errors: 300, warnings: 7 });
    expect(now.people).toBeGreaterThan(before.people);
    expect(partial.body.inboundTotals.people).toBeLessThanOrEqual(now.people);
    const unmatched = (t: { unmatchedPeopleByRole: Array<{ role: string; count: number }> }) =>
      t.unmatchedPeopleByRole.find((r) => r.role === 'student')?.count ?? 0;
    expect(unmatched(now)).toBeGreaterThan(unmatched(before));
  });

  describe('with a state file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'graph-emulator-runs-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('when the emulator restarts, then the run history, the running run and a forced outcome survive', async () => {
      const stateFile = join(dir, 'graph.json');
      const first = await startGraphEmulator({ seed: true, stateFile });
      await call(first, 'POST', START);
      first.control.forceNextRunOutcome({ status: 'completedWithWarnings' });
      const before = await runsOf(first);
      await first.close();

      emu = await startGraphEmulator({ seed: true, stateFile });
      expect(await runsOf(emu)).toEqual(before);
      expect(emu.control.finishRunningRun().status).toBe('completedWithWarnings');
      expect(emu.control.runs().budget.used).toBe(1);
    });
  });
});
