import { endedRuns, watchOf } from '../../src/notifications/runWatch';
import { FAILED, NOW, RUNNING, run } from '../runs/runFixtures';

const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const watch = (runs: Record<string, string>, checkedAt = minutesAgo(5)) => ({ runs, checkedAt });

describe('which sync runs are announced', () => {
  it('when nothing was stored yet (first poll), then no run is announced', () => {
    expect(endedRuns(undefined, [FAILED])).toEqual([]);
  });

  it('when a run last seen running ended failed, then it is announced; a completed one is not', () => {
    const failed = { ...RUNNING, status: 'failed' as const, endDateTime: minutesAgo(1) };
    const done = run('done', { status: 'completed' });
    const before = watch({ [RUNNING.id]: 'running', done: 'running' });
    expect(endedRuns(before, [failed, done]).map((r) => r.id)).toEqual([RUNNING.id]);
  });

  it('when a run was already announced (stored with its final status), then it is not again', () => {
    expect(endedRuns(watch({ [FAILED.id]: 'failed' }), [FAILED])).toEqual([]);
  });

  it('when a run not seen before ended after the last poll, then it is announced; one that ended long before is recorded only', () => {
    const fresh = run('fresh', { status: 'completedWithWarnings', endDateTime: minutesAgo(2) });
    const old = run('old', { status: 'completedWithErrors', endDateTime: minutesAgo(600) });
    expect(endedRuns(watch({}), [fresh, old]).map((r) => r.id)).toEqual(['fresh']);
  });

  it('when runs are stored, then each is kept with its status', () => {
    expect(watchOf([FAILED, RUNNING], NOW)).toEqual({
      runs: { [FAILED.id]: 'failed', [RUNNING.id]: 'running' },
      checkedAt: NOW.toISOString(),
    });
  });
});
