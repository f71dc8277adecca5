/**
 * Runs and operations as Graph shows them: the list-runs example's property order and
 * `@odata.type`, no `@odata.context` (the examples have none), `blockingError` only on a run that
 * has one (the examples leave it out). Operations are plain `microsoft.graph.longRunningOperation`
 * (longrunningoperation-get.md, example 4) whose `resourceLocation` is the run.
 */
import type { StoredOperation, StoredRun } from './state';

export function serializeRun(run: StoredRun): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.industryData.industryDataRun',
    ...(run.blockingError
      ? {
          blockingError: {
            code: run.blockingError.code,
            details: [],
            innerError: null,
            message: run.blockingError.message,
            target: run.blockingError.target,
          },
        }
      : {}),
    displayName: run.displayName,
    endDateTime: run.endDateTime,
    id: run.id,
    startDateTime: run.startDateTime,
    status: run.status,
  };
}

/** The operation's status follows its run: running, then succeeded (any completion) or failed. */
export function serializeOperation(
  op: StoredOperation,
  run: StoredRun | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const status = !run
    ? 'failed'
    : run.status === 'running'
      ? 'running'
      : run.status === 'failed'
        ? 'failed'
        : 'succeeded';
  return {
    '@odata.type': '#microsoft.graph.longRunningOperation',
    createdDateTime: op.createdDateTime,
    id: op.id,
    lastActionDateTime: run?.endDateTime ?? op.createdDateTime,
    resourceLocation: `${baseUrl}/external/industryData/runs/${op.runId}`,
    status,
    statusDetail:
      run && run.status !== 'running' ? `The run ended with status '${run.status}'.` : null,
  };
}
