/**
 * The rules of an on-demand start, from the start page (microsoft-graph-docs-contrib
 * api-reference/beta/api/industrydata-industrydatarun-start.md): the service runs every 12 hours
 * by itself; at most 5 successful runs per 12 hours; an on-demand run makes the service skip the
 * next scheduled run when it is due within the next 10 hours. Pure.
 *
 * What the docs leave open (docs/runs.md): whether scheduled runs count toward the 5 (we count
 * every run that started in the window and did not fail: the cautious reading, it never promises a
 * start Graph then refuses), and when the next scheduled run is due (Graph does not say; we
 * estimate it from the last run that was not started on demand through the bot, plus 12 hours).
 */
import type { RunLike } from './runHealth';
import {
  MAX_ON_DEMAND_RUNS,
  ON_DEMAND_WINDOW_HOURS,
  SCHEDULED_RUN_INTERVAL_HOURS,
  SKIP_SCHEDULED_WITHIN_HOURS,
} from './runSchemas';

const HOUR = 3_600_000;
export const RUN_WINDOW_MS = ON_DEMAND_WINDOW_HOURS * HOUR;
export const RUNS_PER_WINDOW = MAX_ON_DEMAND_RUNS;
const SCHEDULE_MS = SCHEDULED_RUN_INTERVAL_HOURS * HOUR;
const SKIP_HORIZON_MS = SKIP_SCHEDULED_WITHIN_HOURS * HOUR;
/** A run that started this soon after a start through the bot is that on-demand run. */
const ON_DEMAND_MATCH_MS = 5 * 60_000;

export interface RunBudget {
  limit: number;
  used: number;
  left: number;
  /** When the next start becomes possible again (only when none is left). */
  freesAt?: string;
}

const startOf = (r: RunLike) => Date.parse(r.startDateTime ?? '');

export function runBudget(runs: readonly RunLike[], now: Date): RunBudget {
  const from = now.getTime() - RUN_WINDOW_MS;
  const counted = runs
    .filter((r) => r.status !== 'failed')
    .map(startOf)
    .filter((t) => !Number.isNaN(t) && t > from && t <= now.getTime())
    .sort((a, b) => a - b);
  const left = Math.max(0, RUNS_PER_WINDOW - counted.length);
  if (left) return { limit: RUNS_PER_WINDOW, used: counted.length, left };
  // The oldest counted run leaves the window 12 h after it started; then one start is free.
  const oldest = counted[counted.length - RUNS_PER_WINDOW]!;
  return {
    limit: RUNS_PER_WINDOW,
    used: counted.length,
    left: 0,
    freesAt: new Date(oldest + RUN_WINDOW_MS).toISOString(),
  };
}

export interface NextScheduled {
  /** Estimated due time of the next scheduled run. */
  at: string;
  /** An on-demand start now would make the service skip it (due within 10 h). */
  skipped: boolean;
}

/**
 * The next scheduled run, estimated: the newest run not started on demand through the bot is taken
 * as the last scheduled one; the schedule repeats every 12 hours. Undefined without such a run.
 */
export function nextScheduledRun(
  runs: readonly RunLike[],
  onDemandStarts: readonly string[],
  now: Date,
): NextScheduled | undefined {
  const demanded = onDemandStarts.map((s) => Date.parse(s)).filter((t) => !Number.isNaN(t));
  const scheduled = runs
    .map(startOf)
    .filter((t) => !Number.isNaN(t) && !demanded.some((d) => t >= d && t - d <= ON_DEMAND_MATCH_MS))
    .sort((a, b) => b - a)[0];
  if (scheduled === undefined) return undefined;
  const periods = Math.max(1, Math.ceil((now.getTime() - scheduled) / SCHEDULE_MS));
  let due = scheduled + periods * SCHEDULE_MS;
  if (due <= now.getTime()) due += SCHEDULE_MS;
  return { at: new Date(due).toISOString(), skipped: due - now.getTime() <= SKIP_HORIZON_MS };
}
