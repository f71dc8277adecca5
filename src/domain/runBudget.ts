/**
 * The rules of an on-demand start, from the start page (microsoft-graph-docs-contrib
 * api-reference/beta/api/industrydata-industrydatarun-start.md): the service runs every 12 hours
 * by itself; at most 5 successful on-demand runs per 12 hours; an on-demand run makes the service
 * skip the next scheduled run when it is due within the next 10 hours. Pure.
 *
 * Graph does not say which runs were started on demand, nor when the next scheduled run is due
 * (docs/graph-notes.md#runs). The bot knows the starts made through it (applied `startRun` changes): a run that
 * began right after one of them is that on-demand run. The budget counts those that did not fail
 * (starts made elsewhere are Graph's to refuse: its 429 names when to come back); the schedule is
 * read from the newest other run, plus one period. The periods come from domain/runTiming.ts, so
 * a sandbox that compresses 12 hours into minutes is read with the same clock.
 */
import type { RunLike } from './runHealth';
import { runTiming, type RunTiming } from './runTiming';

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

/** Whether `run` is one the bot started (it began within minutes after a recorded start). */
function startedBy(starts: readonly number[]) {
  return (r: RunLike) => {
    const t = startOf(r);
    return !Number.isNaN(t) && starts.some((s) => t >= s - 1000 && t - s <= ON_DEMAND_MATCH_MS);
  };
}
const timesOf = (isos: readonly string[]) =>
  isos.map((s) => Date.parse(s)).filter((t) => !Number.isNaN(t));

export function runBudget(
  runs: readonly RunLike[],
  onDemandStarts: readonly string[],
  now: Date,
  timing: RunTiming = runTiming(),
): RunBudget {
  const limit = timing.maxOnDemandRuns;
  const from = now.getTime() - timing.onDemandWindowMs;
  const counted = runs
    .filter(startedBy(timesOf(onDemandStarts)))
    .filter((r) => r.status !== 'failed')
    .map(startOf)
    .filter((t) => t > from && t <= now.getTime())
    .sort((a, b) => a - b);
  const left = Math.max(0, limit - counted.length);
  if (left) return { limit, used: counted.length, left };
  // The oldest counted run leaves the window one period after it started; then a start is free.
  const oldest = counted[counted.length - limit]!;
  return {
    limit,
    used: counted.length,
    left: 0,
    freesAt: new Date(oldest + timing.onDemandWindowMs).toISOString(),
  };
}

export interface NextScheduled {
  /** Estimated due time of the next scheduled run. */
  at: string;
  /** An on-demand start now would make the service skip it (due within 10 h). */
  skipped: boolean;
}

/** The next scheduled run, estimated from the newest run the bot did not start; undefined without one. */
export function nextScheduledRun(
  runs: readonly RunLike[],
  onDemandStarts: readonly string[],
  now: Date,
  timing: RunTiming = runTiming(),
): NextScheduled | undefined {
  const onDemand = startedBy(timesOf(onDemandStarts));
  const scheduled = runs
    .filter((r) => !onDemand(r))
    .map(startOf)
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => b - a)[0];
  if (scheduled === undefined) return undefined;
  const period = timing.scheduleMs;
  let due = scheduled + Math.max(1, Math.ceil((now.getTime() - scheduled) / period)) * period;
  if (due <= now.getTime()) due += period;
  return {
    at: new Date(due).toISOString(),
    skipped: due - now.getTime() <= timing.skipScheduledWithinMs,
  };
}
