/**
 * The request pipeline of every Graph call: read the body, injected latency and faults, the
 * caller's token (401), the route (404/405), permissions (403), query options and the JSON body
 * (400/415), then the operation. Every request is answered with `request-id` and
 * `client-request-id` and recorded (method, path, status, caller) for tests and approvals.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../log';
import { authorize, identifyCaller } from './auth';
import { timestampNow } from './clock';
import { faultOutcome, type FaultRegistry } from './faults';
import { GraphError, errorOutcome, type Outcome, type RequestIds } from './graphErrors';
import { handlerFor } from './handlers';
import { parseMembersQuery } from './handlers/groups';
import { parseJsonBody, readRawBody, requestIdsOf, writeOutcome } from './http';
import { parsePageRequest } from './paging';
import { matchRoute } from './router';
import type { RunSimulator } from './runs/simulator';
import type { EmulatorStore } from './store';
import type { EmulatorAuthenticator, EmulatorCaller, EmulatorRequestRecord } from './types';

export interface GraphServerDeps {
  store: EmulatorStore;
  runs: RunSimulator;
  faults: FaultRegistry;
  requests: EmulatorRequestRecord[];
  authenticate?: EmulatorAuthenticator;
  adminRoleIds: readonly string[];
  logger: Logger;
  baseUrl: () => string;
}

const COLLECTIONS = new Set(['flowSets', 'flows', 'roleGroups', 'runs', 'operations']);
/** POSTs that take no body (bound actions). */
const BODILESS = new Set(['reset', 'runStart']);

function operate(
  req: IncomingMessage,
  method: string,
  url: URL,
  raw: string,
  caller: EmulatorCaller | undefined,
  deps: GraphServerDeps,
): Outcome {
  const route = matchRoute(url.pathname);
  const handler = handlerFor(route.kind, method);
  authorize(caller, route.kind, method, deps.adminRoleIds);
  // Query options are read on GETs only; writes ignore them. Group members also take $select.
  const { page, select } =
    route.kind === 'groupMembers'
      ? parseMembersQuery(url.searchParams)
      : {
          page:
            method === 'GET'
              ? parsePageRequest(url.searchParams, COLLECTIONS.has(route.kind))
              : { offset: 0 },
          select: undefined,
        };
  const hasBody = method === 'PATCH' || (method === 'POST' && !BODILESS.has(route.kind));
  return handler({
    method,
    route,
    body: hasBody ? parseJsonBody(req, raw) : undefined,
    page,
    select,
    store: deps.store,
    runs: deps.runs,
    callerOid: caller?.oid,
    baseUrl: deps.baseUrl(),
    nowMs: Date.now(),
  });
}

function failureOutcome(err: unknown, ids: RequestIds, logger: Logger): Outcome {
  if (err instanceof GraphError) return errorOutcome(err, ids);
  logger.error('graph emulator request failed', { error: err, requestId: ids.requestId });
  return errorOutcome(
    new GraphError(500, 'generalException', 'An unexpected error occurred in the Graph emulator.'),
    ids,
  );
}

/** A fault rule's `drop`: no answer at all (recorded with status 0). */
const DROPPED: Outcome = { status: 0 };

export async function handleGraphRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: GraphServerDeps,
): Promise<void> {
  const time = timestampNow();
  const ids = requestIdsOf(req);
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  let caller: EmulatorCaller | undefined;
  let outcome: Outcome;
  try {
    const raw = await readRawBody(req);
    if (deps.faults.latency > 0) await sleep(deps.faults.latency);
    const fault = deps.faults.take(method, url.pathname);
    if (fault?.status !== undefined) {
      outcome = faultOutcome({ ...fault, status: fault.status }, ids);
    } else if (fault?.drop === 'beforeStoring') {
      outcome = DROPPED;
    } else {
      caller = await identifyCaller(deps.authenticate, req.headers.authorization, deps.logger);
      outcome = operate(req, method, url, raw, caller, deps);
      if (fault?.drop === 'afterStoring') outcome = DROPPED;
    }
  } catch (err) {
    outcome = failureOutcome(err, ids, deps.logger);
  }
  // A dropped connection: the caller sees a reset, never an answer.
  if (outcome === DROPPED) res.socket?.destroy();
  else writeOutcome(res, outcome, ids);
  const record: EmulatorRequestRecord = {
    method,
    path: req.url ?? '/',
    status: outcome.status,
    callerOid: caller?.oid,
    callerKind: caller?.kind ?? (deps.authenticate ? undefined : 'anonymous'),
    time,
    requestId: ids.requestId,
  };
  deps.requests.push(record);
  deps.logger.debug('graph emulator request', { ...record });
}
