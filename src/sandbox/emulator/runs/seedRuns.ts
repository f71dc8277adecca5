/**
 * The run history a fresh sandbox starts with: six past scheduled runs, twelve (emulated) hours
 * apart, with varied outcomes (one failed with a blocking error, one with errors, two with
 * warnings), the last one half a period ago — so `runs` has something to show at once and the
 * next scheduled run comes half a period after start. Without sample data: no history.
 */
import type { RunTiming } from '../../../domain/runTiming';
import { newId, timestampAt } from '../clock';
import { DEFAULT_BLOCKING_ERROR, displayNameAt } from './simulator';
import { countsFor } from './statistics';
import type { FinalRunStatus, RunHistoryState, StoredRun } from './state';

const SEEDED: FinalRunStatus[] = [
  'completed',
  'completedWithWarnings',
  'completed',
  'failed',
  'completedWithErrors',
  'completedWithWarnings',
];

function seededRun(
  sequence: number,
  status: FinalRunStatus,
  startMs: number,
  t: RunTiming,
): StoredRun {
  // Runs do not all take exactly as long.
  const endMs = startMs + Math.round(t.runDurationMs * (0.85 + 0.1 * (sequence % 3)));
  return {
    id: newId(),
    sequence,
    displayName: displayNameAt(startMs),
    trigger: 'scheduled',
    startedBy: null,
    startDateTime: timestampAt(startMs),
    finishAt: timestampAt(endMs),
    endDateTime: timestampAt(endMs),
    status,
    plannedStatus: status,
    blockingError: status === 'failed' ? DEFAULT_BLOCKING_ERROR : null,
    ...countsFor(status, sequence),
    activityId: newId(),
    skippedScheduledAt: null,
  };
}

export function initialRunHistory(
  withSampleData: boolean,
  timing: RunTiming,
  nowMs: number,
): RunHistoryState {
  if (!withSampleData) {
    return {
      runs: [],
      operations: [],
      nextScheduledAt: timestampAt(nowMs + timing.scheduleMs),
      nextSequence: 0,
      forcedOutcome: null,
    };
  }
  const lastStart = nowMs - Math.round(timing.scheduleMs / 2);
  const runs = SEEDED.map((status, i) =>
    seededRun(i, status, lastStart - (SEEDED.length - 1 - i) * timing.scheduleMs, timing),
  );
  return {
    runs,
    operations: [],
    nextScheduledAt: timestampAt(lastStart + timing.scheduleMs),
    nextSequence: runs.length,
    forcedOutcome: null,
  };
}
