/** Test states of the run cards (cards/runs.json, run.json, run-notification.json). */
import { runCard } from '../../src/views/runCard';
import { runsCard } from '../../src/views/runsCard';
import { runNotificationCard } from '../../src/views/runNotificationCard';
import type { RunNotice } from '../../src/domain/notificationRecords';
import type { CardStates } from '../views/cardStates';
import { FAILED, NOW, RUNNING, run, totals } from './runFixtures';

const earlier = run('r-earlier', {
  startDateTime: '2026-03-01T21:10:00Z',
  endDateTime: '2026-03-01T23:00:00Z',
  status: 'completedWithWarnings',
});

const notice = (over: Partial<RunNotice> = {}): RunNotice => ({
  runId: FAILED.id,
  name: FAILED.displayName!,
  status: 'failed',
  startDateTime: FAILED.startDateTime,
  endDateTime: FAILED.endDateTime,
  blockingError:
    'The run stopped before it finished: The file orgs.csv was not found (in orgs.csv).',
  errors: 3,
  warnings: 0,
  previousName: 'Run 2026-03-01 21:10 UTC',
  deltas: ['unmatched students up by 212 (10 → 222)', 'errors up by 3 (0 → 3)'],
  ...over,
});

export const RUN_CARD_STATES: Record<string, CardStates> = {
  'run-notification': {
    'failed, with the blocking error and deltas': () =>
      runNotificationCard(notice(), NOW.toISOString()),
    'with warnings, nothing moved': () =>
      runNotificationCard(
        notice({ status: 'completedWithWarnings', blockingError: '', deltas: [], warnings: 4 }),
        NOW.toISOString(),
      ),
    'no previous run, statistics unknown': () =>
      runNotificationCard(
        notice({
          previousName: undefined,
          deltas: [],
          errors: null,
          warnings: null,
          endDateTime: null,
        }),
        NOW.toISOString(),
      ),
  },
  runs: {
    'no runs': () => runsCard({ runs: [], trend: [], now: NOW, more: 0 }),
    'running, failed, warnings, with a trend': () =>
      runsCard({
        runs: [RUNNING, FAILED, earlier],
        trend: [
          { run: earlier, totals: totals({ warnings: 4 }) },
          { run: FAILED, totals: totals({ errors: 3 }) },
        ],
        now: NOW,
        more: 12,
      }),
  },
  run: {
    'failed, with deltas': () =>
      runCard({
        run: FAILED,
        totals: totals({ errors: 3, unmatchedPeopleByRole: [{ role: 'student', count: 222 }] }),
        previous: { run: earlier, totals: totals() },
        now: NOW,
      }),
    'running, no statistics, no previous run': () =>
      runCard({ run: RUNNING, totals: undefined, now: NOW }),
    'no change since the previous run': () =>
      runCard({
        run: earlier,
        totals: totals(),
        previous: { run: earlier, totals: totals() },
        now: NOW,
      }),
  },
};
