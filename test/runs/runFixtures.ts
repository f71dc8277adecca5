/** Runs and statistics as Graph returns them (shapes of the docs' examples), for view tests. */
import type { IndustryDataRun } from '../../src/domain/runSchemas';
import type { RunTotalsLike } from '../../src/domain/runHealth';

export const NOW = new Date('2026-03-02T12:00:00Z');

export const run = (id: string, over: Partial<IndustryDataRun> = {}): IndustryDataRun => ({
  id,
  displayName: `Run ${id}`,
  status: 'completed',
  startDateTime: '2026-03-02T09:10:46.924769Z',
  endDateTime: '2026-03-02T11:00:26.012Z',
  blockingError: null,
  ...over,
});

export const totals = (over: Partial<RunTotalsLike> = {}): RunTotalsLike => ({
  errors: 0,
  warnings: 0,
  groups: 565,
  memberships: 1235,
  organizations: 16,
  people: 2784,
  matchedPeopleByRole: [
    { role: 'student', count: 1543 },
    { role: 'teacher', count: 598 },
  ],
  unmatchedPeopleByRole: [{ role: 'student', count: 10 }],
  ...over,
});

export const FAILED = run('r-failed', {
  displayName: 'Run 2026-03-02 09:10 UTC',
  status: 'failed',
  blockingError: {
    code: 'RequiredFileNotFound',
    message: 'The file orgs.csv was not found.',
    target: 'orgs.csv',
    details: [],
    innerError: null,
  },
});
export const RUNNING = run('r-running', {
  startDateTime: '2026-03-02T11:30:00Z',
  endDateTime: null,
  status: 'running',
});
