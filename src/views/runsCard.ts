/** View-model of `runs`: the latest sync runs, newest first, and the error/warning trend. */
import type { RunLike } from '../domain/runHealth';
import { renderCard, type AdaptiveCard } from './render';
import { errorTrend, runRow, type TrendPoint } from './runViews';

export interface RunsCardInput {
  runs: readonly RunLike[];
  /** The runs the trend is drawn from, with their statistics (oldest first). */
  trend: readonly TrendPoint[];
  now: Date;
  /** More runs exist than are shown. */
  more: number;
}

export function runsCard({ runs, trend, now, more }: RunsCardInput): AdaptiveCard {
  return renderCard('runs', {
    title: 'School Data Sync runs',
    summary: runs.length
      ? `The latest ${runs.length === 1 ? 'run' : `${runs.length} runs`}, newest first. Times are in your time zone.`
      : 'No runs yet. School Data Sync starts one every 12 hours by itself.',
    rows: runs.map((r) => runRow(r, now)),
    trend: errorTrend(trend),
    footer: more > 0 ? `${more} older run${more === 1 ? '' : 's'} not shown.` : '',
    buttons: [
      ...(runs.length ? [{ title: 'Latest run', command: 'run latest' }] : []),
      { title: 'Start a run', command: 'start run' },
      { title: 'Readiness', command: 'status' },
    ],
  });
}
