/**
 * The documented rules of an on-demand start (industrydata-industrydatarun-start.md): at most 5
 * successful on-demand runs per 12 hours, and a scheduled run due within 10 hours is skipped. The
 * answers the docs do not give (409 while a run runs, 429 past the limit) are the emulator's
 * choices, listed in ../README.md. Pure: the history and the time come in.
 */
import type { RunTiming } from '../../../domain/runTiming';
import { timestampAt } from '../clock';
import { GraphError } from '../graphErrors';
import type { StoredRun } from './state';

export interface StartBudget {
  /** On-demand runs in the current window that count (all but failed ones). */
  used: number;
  remaining: number;
  /** When the oldest counted run leaves the window (null when none counts). */
  freesAt: string | null;
}

/** "Successful runs": on-demand starts in the window that did not end failed (a running one counts). */
export function startBudget(runs: StoredRun[], timing: RunTiming, nowMs: number): StartBudget {
  const { onDemandWindowMs, maxOnDemandRuns } = timing;
  const counted = runs.filter(
    (r) =>
      r.trigger === 'onDemand' &&
      r.status !== 'failed' &&
      Date.parse(r.startDateTime) > nowMs - onDemandWindowMs,
  );
  const oldest = counted[0];
  return {
    used: counted.length,
    remaining: Math.max(0, maxOnDemandRuns - counted.length),
    freesAt: oldest ? timestampAt(Date.parse(oldest.startDateTime) + onDemandWindowMs) : null,
  };
}

/** The scheduled run a start now would make the service skip (null when it is further away). */
export function skippedBy(
  nextScheduledAt: string,
  timing: RunTiming,
  nowMs: number,
): string | null {
  const due = Date.parse(nextScheduledAt);
  return due - nowMs <= timing.skipScheduledWithinMs ? nextScheduledAt : null;
}

export function runInProgress(running: StoredRun): GraphError {
  return new GraphError(
    409,
    'runInProgress',
    `A run is already in progress: '${running.displayName}' (id ${running.id}). Start another run after it has finished.`,
  );
}

/** 429 `activityLimitReached` with `Retry-After` until the budget frees up, when none is left. */
export function refuseOverLimit(budget: StartBudget, timing: RunTiming, nowMs: number): void {
  if (budget.remaining > 0 || !budget.freesAt) return;
  const seconds = Math.max(1, Math.ceil((Date.parse(budget.freesAt) - nowMs) / 1000));
  throw new GraphError(
    429,
    'activityLimitReached',
    `At most ${timing.maxOnDemandRuns} on-demand runs can succeed within 12 hours and ${budget.used} have started. The next run can start after ${budget.freesAt.slice(0, 19)}Z.`,
    { headers: { 'Retry-After': String(seconds) } },
  );
}
