/** Dispatch table: route kind + method → handler (the operations of docs/graph-notes.md#operations and the run operations of handlers/runs.ts). */
import { GraphError, type Outcome } from '../graphErrors';
import type { RouteKind } from '../router';
import type { HandlerContext } from './context';
import { createFlowSet, deleteFlowSet, getFlowSet, listFlowSets, updateFlowSet } from './flowSets';
import { createFlow, deleteFlow, getFlow, listFlows, resetFlow, updateFlow } from './flows';
import { listTransitiveMembers } from './groups';
import { getRoleGroup, listRoleGroups } from './roleGroups';
import { getOperation, getRun, getRunStatistics, listOperations, listRuns, startRun } from './runs';

type Handler = (ctx: HandlerContext) => Outcome;

const HANDLERS: Record<RouteKind, Partial<Record<string, Handler>>> = {
  flowSets: { GET: listFlowSets, POST: createFlowSet },
  flowSet: { GET: getFlowSet, PATCH: updateFlowSet, DELETE: deleteFlowSet },
  flows: { GET: listFlows, POST: createFlow },
  flow: { GET: getFlow, PATCH: updateFlow, DELETE: deleteFlow },
  reset: { POST: resetFlow },
  roleGroups: { GET: listRoleGroups },
  roleGroup: { GET: getRoleGroup },
  groupMembers: { GET: listTransitiveMembers },
  runs: { GET: listRuns },
  run: { GET: getRun },
  runStatistics: { GET: getRunStatistics },
  runStart: { POST: startRun },
  operations: { GET: listOperations },
  operation: { GET: getOperation },
};

/** The handler for a route and method; 405 with `Allow` when the route has no such method. */
export function handlerFor(kind: RouteKind, method: string): Handler {
  const handler = HANDLERS[kind][method];
  if (handler) return handler;
  const allowed = Object.keys(HANDLERS[kind]).join(', ');
  throw new GraphError(
    405,
    'methodNotAllowed',
    `The HTTP method '${method}' is not allowed on this resource; allowed: ${allowed}.`,
    { headers: { Allow: allowed } },
  );
}

export type { HandlerContext };
