/**
 * The School Data Sync run operations, bound to the caller's identity: list and read runs, their
 * statistics, start an on-demand run and follow its operation. Pages, all under
 * api-reference/beta/api/ in microsoft-graph-docs-contrib: industrydata-industrydatarun-list.md,
 * industrydata-industrydatarun-get.md, industrydata-industrydatarun-getstatistics.md,
 * industrydata-industrydatarun-start.md and industrydata-longrunningoperation-get.md.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import {
  IndustryDataRun,
  IndustryDataRunStatistics,
  LongRunningOperation,
  MAX_ON_DEMAND_RUNS,
  ON_DEMAND_WINDOW_HOURS,
  operationIdFromLocation,
  type RunStartAccepted,
} from '../domain/runSchemas';
import type { OperationContext } from './errors';
import type { GraphResponse, SendGraphRequest } from './http';
import { buildUrl, paths } from './paths';
import { OPERATION_READ_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE } from './permissions';
import { parseAnswer, readAllPages } from './read';
import { runStartRefusal } from './runRefusal';
import type { GraphResult, ListOptions, TokenProvider } from './types';

export interface RunsApi {
  /** Every run Graph keeps, newest first as Graph lists them (all pages followed). */
  listRuns(options?: ListOptions): Promise<GraphResult<IndustryDataRun[]>>;
  getRun(runId: string): Promise<GraphResult<IndustryDataRun>>;
  /** Errors, warnings and counts of one run (normalised, see domain/runSchemas.ts). */
  getRunStatistics(runId: string): Promise<GraphResult<IndustryDataRunStatistics>>;
  /**
   * Starts an on-demand run: 202, the operation in `Location`. Never retried without an answer.
   * The limit of 5 per 12 hours and a run in progress come back as AppErrors that
   * `runStartRefusal` recognises.
   */
  startRun(): Promise<GraphResult<RunStartAccepted>>;
  getOperation(operationId: string): Promise<GraphResult<LongRunningOperation>>;
}

const RUN_READ: OperationContext = { what: 'sync run', permission: RUN_READ_SCOPE };
const RUN_START: OperationContext = { what: 'sync run', permission: RUN_START_SCOPE };
const OPERATION_READ: OperationContext = {
  what: 'operation',
  permission: `${OPERATION_READ_SCOPE} (or ${RUN_READ_SCOPE})`,
};

const answer = <T>(schema: z.ZodType<T, unknown>, res: GraphResponse): GraphResult<T> => ({
  data: parseAnswer(schema as z.ZodType<T>, res),
  requestId: res.requestId,
  requestIds: [res.requestId],
});

/** The user-facing error for a refused start; other errors pass unchanged. */
function startError(err: unknown): unknown {
  const refusal = runStartRefusal(err);
  if (!refusal || !(err instanceof AppError)) return err;
  const base = { requestId: err.requestId, status: err.status, cause: err };
  if (refusal.kind === 'running') {
    return new AppError(
      'conflict',
      'A sync run is already running. Start another one when it has finished.',
      base,
    );
  }
  const when = refusal.retryAt
    ? ` The next one can start after ${refusal.retryAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`
    : '';
  return new AppError(
    'throttled',
    `School Data Sync allows at most ${MAX_ON_DEMAND_RUNS} on-demand runs in ${ON_DEMAND_WINDOW_HOURS} hours.${when}`,
    base,
  );
}

export function bindRuns(send: SendGraphRequest, baseUrl: string, token: TokenProvider): RunsApi {
  const url = (path: string, options?: ListOptions) =>
    buildUrl(baseUrl, path, { top: options?.pageSize });
  const get = async <T>(schema: z.ZodType<T, unknown>, path: string, context: OperationContext) =>
    answer(schema, await send(token, { method: 'GET', url: url(path), context }));

  return {
    listRuns: (options) =>
      readAllPages({
        send,
        token,
        baseUrl,
        firstUrl: url(paths.runs(), options),
        item: IndustryDataRun,
        context: RUN_READ,
      }),
    getRun: (runId) => get(IndustryDataRun, paths.run(runId), RUN_READ),
    getRunStatistics: (runId) =>
      get(IndustryDataRunStatistics, paths.runStatistics(runId), RUN_READ),
    async startRun() {
      let res: GraphResponse;
      try {
        res = await send(token, { method: 'POST', url: url(paths.startRun()), context: RUN_START });
      } catch (err) {
        throw startError(err);
      }
      const operationUrl = res.location ?? null;
      return {
        data: { operationUrl, operationId: operationIdFromLocation(operationUrl) },
        requestId: res.requestId,
        requestIds: [res.requestId],
      };
    },
    getOperation: (operationId) =>
      get(LongRunningOperation, paths.operation(operationId), OPERATION_READ),
  };
}
