import {
  blockingErrorWords,
  deltaWords,
  previousRun,
  runBadge,
  runDeltas,
  runDuration,
} from '../../src/domain/runHealth';
import { nextScheduledRun, runBudget } from '../../src/domain/runBudget';
import type { IndustryDataRun } from '../../src/domain/runSchemas';
import { runTiming } from '../../src/domain/runTiming';
import { FAILED, NOW, RUNNING, run, totals } from '../runs/runFixtures';

const at = (iso: string) => new Date(iso);
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe('run health in words', () => {
  it.each([
    ['completed', '✓ completed', 'Good'],
    ['completedWithErrors', '✗ completed with errors', 'Attention'],
    ['completedWithWarnings', '! completed with warnings', 'Warning'],
    ['failed', '✗ failed', 'Attention'],
    ['running', '… running', 'Default'],
    ['unknownFutureValue', '? unknownFutureValue', 'Default'],
  ])('when a run is %s, then its badge reads "%s" in %s', (status, text, color) => {
    expect(runBadge(status)).toMatchObject({ text, color });
  });

  it('when a run ended, then its duration is end minus start; while running, how long so far', () => {
    expect(runDuration(run('a'), NOW)).toBe('1 h 49 min');
    expect(runDuration(RUNNING, NOW)).toBe('running for 30 min');
    expect(runDuration(run('b', { startDateTime: null }), NOW)).toBe('—');
  });

  it('when a run has a blocking error, then it is said in plain words with its target', () => {
    expect(blockingErrorWords(FAILED.blockingError)).toBe(
      'The run stopped before it finished: The file orgs.csv was not found (in orgs.csv).',
    );
    expect(blockingErrorWords({ code: 'Oops' })).toContain('error code Oops');
    expect(blockingErrorWords(null)).toBe('');
  });

  it('when counts moved since the previous run, then each move is named, unchanged ones are not', () => {
    const before = totals();
    const after = totals({ errors: 2, unmatchedPeopleByRole: [{ role: 'student', count: 222 }] });
    expect(runDeltas(before, after).map(deltaWords)).toEqual([
      'errors up by 2 (0 → 2)',
      'unmatched students up by 212 (10 → 222)',
    ]);
    expect(runDeltas(after, before).map(deltaWords)[1]).toBe(
      'unmatched students down by 212 (222 → 10)',
    );
    expect(runDeltas(undefined, after)).toEqual([]);
  });

  it('when runs are listed in any order, then the previous run is the newest finished one before it', () => {
    const older = run('older', { startDateTime: hoursAgo(30) });
    const old = run('old', { startDateTime: hoursAgo(18) });
    const current = run('current', { startDateTime: hoursAgo(6) });
    expect(previousRun([older, current, RUNNING, old], current)?.id).toBe('old');
    expect(previousRun([current], current)).toBeUndefined();
  });
});

describe('start budget (5 on-demand runs per 12 hours) and the next scheduled run', () => {
  const starts = (hours: number[], status: IndustryDataRun['status'] = 'completed') =>
    hours.map((h, i) => run(`r${i}`, { startDateTime: hoursAgo(h), status }));
  /** The bot started each of these runs 10 seconds before it began. */
  const byBot = (hours: number[]) => hours.map((h) => hoursAgo(h + 10 / 3600));

  it('when the bot started 2 runs in the last 12 hours and one 13 hours ago, then 3 starts are left', () => {
    expect(runBudget(starts([1, 5, 13]), byBot([1, 5, 13]), NOW)).toEqual({
      limit: 5,
      used: 2,
      left: 3,
    });
  });

  it('when runs were not started through the bot (scheduled), then they do not use the budget', () => {
    expect(runBudget(starts([1, 2, 3, 4, 5]), [], NOW).left).toBe(5);
  });

  it('when 5 started in the last 12 hours, then none is left and it frees when the oldest leaves the window', () => {
    const hours = [11, 8, 6, 3, 1];
    const budget = runBudget(starts(hours), byBot(hours), NOW);
    expect(budget).toMatchObject({ left: 0, used: 5, freesAt: hoursAgo(-1) });
  });

  it('when on-demand runs failed, then they do not count (the limit is on successful runs)', () => {
    const hours = [1, 2, 3, 4, 5];
    expect(runBudget(starts(hours, 'failed'), byBot(hours), NOW).left).toBe(5);
  });

  it('when the last scheduled run was 4 hours ago, then the next is due in 8 hours and a start skips it', () => {
    expect(nextScheduledRun(starts([4]), [], NOW)).toEqual({ at: hoursAgo(-8), skipped: true });
  });

  it('when the last scheduled run was 1 hour ago, then the next is due in 11 hours and still runs', () => {
    expect(nextScheduledRun(starts([1]), [], NOW)).toEqual({ at: hoursAgo(-11), skipped: false });
  });

  it('when the newest run was started through the bot, then the schedule is read from the one before', () => {
    expect(nextScheduledRun(starts([0.5, 4]), byBot([0.5]), NOW)?.at).toBe(hoursAgo(-8));
    expect(nextScheduledRun([], [], at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('when 12 hours are compressed (sandbox), then the same rules hold on that clock', () => {
    const timing = runTiming(12 * 60_000); // 12 hours last 12 minutes
    const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
    const runs = [run('a', { startDateTime: minutesAgo(4) })];
    expect(nextScheduledRun(runs, [], NOW, timing)).toEqual({
      at: minutesAgo(-8),
      skipped: true,
    });
  });
});
