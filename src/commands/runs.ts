/**
 * `runs`: the latest School Data Sync runs (status, start and end in the reader's time zone,
 * duration, blocking error in plain words) and a line chart of errors and warnings over the last
 * finished runs. 1 Graph call for the runs + 1 per run in the trend (statistics).
 */
import { runsCard } from '../views/runsCard';
import { command, noArgs } from '../bot/command';
import { runsNewestFirst, trendOf } from './runReads';

export const RUNS_SHOWN = 8;
export const TREND_RUNS = 6;

export const runsCommand = command<undefined>({
  name: 'runs',
  // Not "show runs": `show` takes a flow set name, which may start with "runs".
  aliases: ['sync runs', 'list runs'],
  usage: 'runs',
  summary:
    'The latest sync runs: did they work, how long they took, what stopped them, and the trend of errors and warnings.',
  examples: ['runs'],
  parse: noArgs,
  async run(ctx) {
    const api = ctx.services.graph.forUser(ctx);
    const runs = await runsNewestFirst(api);
    const trend = await trendOf(api, runs, TREND_RUNS);
    const shown = runs.slice(0, RUNS_SHOWN);
    return [
      { card: runsCard({ runs: shown, trend, now: new Date(), more: runs.length - shown.length }) },
    ];
  },
});
