/** Test states of the run cards (cards/runs.json, run.json, run-notification.json). */
import { runCard } from '../../src/views/runCard';
import { runsCard } from '../../src/views/runsCard';
import type { CardStates } from '../views/cardStates';
import { FAILED, NOW, RUNNING, run, totals } from './runFixtures';

const earlier = run('r-earlier', {
  startDateTime: '2026-03-01T21:10:00Z',
  endDateTime: '2026-03-01T23:00:00Z',
  status: 'completedWithWarnings',
});

export const RUN_CARD_STATES: Record<string, CardStates> = {
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
