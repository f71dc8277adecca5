/**
 * The run operations (industrydata-industrydatarun-list.md, -get.md, -getstatistics.md, -start.md)
 * and the operations a start creates (industrydata-longrunningoperation-get.md). The history
 * itself lives in runs/simulator.ts.
 */
import { notFound, type Outcome } from '../graphErrors';
import { pageOf } from '../paging';
import { canonicalCollectionPath } from '../router';
import { serializeOperation, serializeRun } from '../runs/serializers';
import type { StoredRun } from '../runs/state';
import { serializeStatistics } from '../runs/statistics';
import type { HandlerContext } from './context';

function requireRun(ctx: HandlerContext): StoredRun {
  const id = ctx.route.runId ?? '';
  const run = ctx.runs.find(id, ctx.nowMs);
  if (!run) throw notFound(`The industry data run '${id}' was not found.`);
  return run;
}

export function listRuns(ctx: HandlerContext): Outcome {
  const url = ctx.baseUrl + canonicalCollectionPath(ctx.route);
  const page = pageOf(ctx.runs.list(ctx.nowMs), ctx.page, url);
  return {
    status: 200,
    body: {
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map(serializeRun),
    },
  };
}

export function getRun(ctx: HandlerContext): Outcome {
  return { status: 200, body: serializeRun(requireRun(ctx)) };
}

export function getRunStatistics(ctx: HandlerContext): Outcome {
  return { status: 200, body: serializeStatistics(requireRun(ctx), ctx.nowMs) };
}

/** 202, no body, `Location` → the operation (the start page's revision of 2025-01-01). */
export function startRun(ctx: HandlerContext): Outcome {
  const { operation } = ctx.runs.startOnDemand(ctx.nowMs, ctx.callerOid ?? null);
  return {
    status: 202,
    headers: { Location: `${ctx.baseUrl}/external/industryData/operations/${operation.id}` },
  };
}

export function listOperations(ctx: HandlerContext): Outcome {
  const url = ctx.baseUrl + canonicalCollectionPath(ctx.route);
  const page = pageOf(ctx.runs.operations(ctx.nowMs), ctx.page, url);
  return {
    status: 200,
    body: {
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((op) =>
        serializeOperation(op, ctx.runs.find(op.runId, ctx.nowMs), ctx.baseUrl),
      ),
    },
  };
}

export function getOperation(ctx: HandlerContext): Outcome {
  const id = ctx.route.operationId ?? '';
  const op = ctx.runs.findOperation(id, ctx.nowMs);
  if (!op) throw notFound(`The long running operation '${id}' was not found.`);
  return {
    status: 200,
    body: serializeOperation(op, ctx.runs.find(op.runId, ctx.nowMs), ctx.baseUrl),
  };
}
