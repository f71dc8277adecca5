/**
 * Reading runs for the run commands, as the asking person (delegated IndustryData-Run.Read.All):
 * the runs newest first, and a run's statistics. A run's statistics that Graph no longer has
 * (404: runs are ephemeral, docs/graph-notes.md#runs) read as missing, not as an error.
 */
import { AppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import type { IndustryDataRun } from '../domain/runSchemas';
import { isFinalRun, newestFirst, previousRun } from '../domain/runHealth';
import type { RunTotalsLike } from '../domain/runHealth';

export async function runsNewestFirst(api: IndustryDataApi): Promise<IndustryDataRun[]> {
  return newestFirst((await api.listRuns()).data);
}

export async function totalsOf(
  api: IndustryDataApi,
  runId: string,
): Promise<RunTotalsLike | undefined> {
  try {
    return (await api.getRunStatistics(runId)).data.inboundTotals;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return undefined;
    throw err;
  }
}

/** The finished runs a trend is drawn from (newest `count`), oldest first, with their totals. */
export async function trendOf(
  api: IndustryDataApi,
  runs: readonly IndustryDataRun[],
  count: number,
) {
  const finished = runs
    .filter((r) => isFinalRun(r.status))
    .slice(0, count)
    .reverse();
  return Promise.all(finished.map(async (run) => ({ run, totals: await totalsOf(api, run.id) })));
}

/** A run with its totals and the previous finished run's, for `run` and the run notifications. */
export async function runWithPrevious(
  api: IndustryDataApi,
  runs: readonly IndustryDataRun[],
  run: IndustryDataRun,
) {
  const before = previousRun(runs, run);
  const [totals, previousTotals] = await Promise.all([
    totalsOf(api, run.id),
    before ? totalsOf(api, before.id) : Promise.resolve(undefined),
  ]);
  return {
    run,
    totals,
    previous: before ? { run: before, totals: previousTotals } : undefined,
  };
}
