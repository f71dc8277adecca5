/**
 * Sync-run notices: which runs ended failed, with errors or with warnings since the last poll,
 * read with the app's token (application IndustryData-Run.Read.All, least privilege). Like
 * readiness (detect.ts), the last known status of every listed run is stored, and:
 *  - the first poll ever (nothing stored) records every run without an event;
 *  - a run last seen running, or seen for the first time and ended since the previous poll, that
 *    now has one of those statuses → one `runEnded` event, id `run:{runId}`, so a re-detection
 *    or a restart never repeats it.
 * The notice carries the blocking error in plain words and the deltas against the previous
 * finished run (2 statistics reads per ended run; when they fail the notice goes without deltas).
 */
import { toAppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import type { IndustryDataRun } from '../domain/runSchemas';
import {
  blockingErrorWords,
  deltaWords,
  isFinalRun,
  isNotifiedRun,
  newestFirst,
  previousRun,
  runDeltas,
  type RunTotalsLike,
} from '../domain/runHealth';
import {
  RUN_WATCH_ID,
  RUN_WATCH_PREFIX,
  RunWatch,
  type NotificationEvent,
  type RunNotice,
} from '../domain/notificationRecords';
import { createRecordStore } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';
import type { Logger } from '../log';

export const runWatchStore = (storage: DurableStorage) =>
  createRecordStore(storage, RUN_WATCH_PREFIX, RunWatch);

/** Graph's clock and ours may differ a little; a run must not slip between two polls. */
const CLOCK_SLACK_MS = 60_000;

/**
 * The runs that ended badly since `previous` was stored (none on the first poll). Pure. A run not
 * seen before counts only if it ended after the previous poll: after a long pause (or a history
 * that was replaced) the backlog is recorded, not announced.
 */
export function endedRuns(
  previous: RunWatch | undefined,
  runs: readonly IndustryDataRun[],
): IndustryDataRun[] {
  if (!previous) return [];
  const since = Date.parse(previous.checkedAt) - CLOCK_SLACK_MS;
  return runs.filter((r) => {
    if (!isNotifiedRun(r.status)) return false;
    const before = previous.runs[r.id];
    if (before !== undefined) return !isFinalRun(before);
    const ended = Date.parse(r.endDateTime ?? '');
    return Number.isNaN(ended) || ended >= since;
  });
}

export const watchOf = (runs: readonly IndustryDataRun[], at: Date): RunWatch => ({
  runs: Object.fromEntries(runs.map((r) => [r.id, r.status])),
  checkedAt: at.toISOString(),
});

async function totals(api: IndustryDataApi, runId: string): Promise<RunTotalsLike | undefined> {
  return (await api.getRunStatistics(runId)).data.inboundTotals;
}

async function noticeOf(
  api: IndustryDataApi,
  runs: readonly IndustryDataRun[],
  run: IndustryDataRun,
  logger: Logger,
): Promise<RunNotice> {
  const before = previousRun(runs, run);
  let now: RunTotalsLike | undefined;
  let then: RunTotalsLike | undefined;
  try {
    [now, then] = await Promise.all([
      totals(api, run.id),
      before ? totals(api, before.id) : Promise.resolve(undefined),
    ]);
  } catch (err) {
    logger.warn('run statistics unreadable for a notice', {
      runId: run.id,
      code: toAppError(err).code,
    });
  }
  return {
    runId: run.id,
    name: run.displayName || `Run ${run.id}`,
    status: run.status,
    startDateTime: run.startDateTime,
    endDateTime: run.endDateTime,
    blockingError: blockingErrorWords(run.blockingError),
    errors: now ? (now.errors ?? 0) : null,
    warnings: now ? (now.warnings ?? 0) : null,
    ...(before ? { previousName: before.displayName || `Run ${before.id}` } : {}),
    deltas: runDeltas(then, now).map(deltaWords),
  };
}

export interface RunReading {
  events: NotificationEvent[];
  /**
   * The record to store, with the eTag it was read with (compare-and-set in recordPoll);
   * undefined when no run changed status (nothing to write).
   */
  watch?: { value: RunWatch; eTag: string | undefined };
}

const sameRuns = (a: RunWatch | undefined, b: RunWatch) =>
  !!a &&
  JSON.stringify(Object.entries(a.runs).sort()) === JSON.stringify(Object.entries(b.runs).sort());

/** Reads the runs and decides the events; throws the AppError when the runs cannot be listed. */
export async function readRuns(
  api: IndustryDataApi,
  storage: DurableStorage,
  at: Date,
  logger: Logger,
): Promise<RunReading> {
  const runs = newestFirst((await api.listRuns()).data);
  const stored = await runWatchStore(storage).get(RUN_WATCH_ID);
  const ended = endedRuns(stored?.value, runs);
  const notices = await Promise.all(ended.map((r) => noticeOf(api, runs, r, logger)));
  const events: NotificationEvent[] = notices.map((run) => ({
    id: `run:${run.runId}`,
    kind: 'runEnded',
    setId: '',
    setName: 'Sync runs',
    detectedAt: at.toISOString(),
    run,
  }));
  const next = watchOf(runs, at);
  if (!events.length && sameRuns(stored?.value, next)) return { events };
  return { events, watch: { value: next, eTag: stored?.eTag } };
}
