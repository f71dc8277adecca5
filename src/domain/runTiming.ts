/**
 * The documented periods of School Data Sync runs (industrydata-industrydatarun-start.md in
 * microsoft-graph-docs-contrib: a run every 12 hours, at most 5 successful on-demand runs per
 * 12 hours, an on-demand run skips a scheduled run due within 10 hours), optionally compressed by
 * one factor — the sandbox squeezes 12 hours into minutes so a demo sees runs. Pure.
 */
import {
  MAX_ON_DEMAND_RUNS,
  ON_DEMAND_WINDOW_HOURS,
  SCHEDULED_RUN_INTERVAL_HOURS,
  SKIP_SCHEDULED_WITHIN_HOURS,
} from './runSchemas';

const HOUR_MS = 3_600_000;
/** How long a run takes (the list-runs example: 21:10 to 23:00); not documented as a rule. */
const TYPICAL_RUN_MINUTES = 110;

export interface RunTiming {
  /** Time between scheduled runs. */
  scheduleMs: number;
  /** The window in which at most `maxOnDemandRuns` on-demand runs may succeed. */
  onDemandWindowMs: number;
  maxOnDemandRuns: number;
  /** A scheduled run due within this long after an on-demand start is skipped. */
  skipScheduledWithinMs: number;
  /** How long a run takes (emulated). */
  runDurationMs: number;
}

/** The periods with 12 hours lasting `scheduleMs` (the real service: 12 hours). */
export function runTiming(scheduleMs = SCHEDULED_RUN_INTERVAL_HOURS * HOUR_MS): RunTiming {
  const scale = scheduleMs / (SCHEDULED_RUN_INTERVAL_HOURS * HOUR_MS);
  return {
    scheduleMs,
    onDemandWindowMs: Math.round(ON_DEMAND_WINDOW_HOURS * HOUR_MS * scale),
    maxOnDemandRuns: MAX_ON_DEMAND_RUNS,
    skipScheduledWithinMs: Math.round(SKIP_SCHEDULED_WITHIN_HOURS * HOUR_MS * scale),
    runDurationMs: Math.round(TYPICAL_RUN_MINUTES * 60_000 * scale),
  };
}
