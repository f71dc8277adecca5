/** What every operation handler gets, and the lookups that answer 404 the Graph way. */
import { badRequest, notFound } from '../graphErrors';
import type { PageRequest } from '../paging';
import type { Route } from '../router';
import type { RunSimulator } from '../runs/simulator';
import type { StoredFlow, StoredFlowSet } from '../stateSchema';
import type { EmulatorStore } from '../store';

export interface HandlerContext {
  method: string;
  route: Route;
  /** Parsed JSON body of a POST/PATCH, undefined when none was sent. */
  body: unknown;
  page: PageRequest;
  /** `$select` of a directory read (groups.ts); undefined = every property. */
  select?: string[];
  store: EmulatorStore;
  /** The run history (runs/simulator.ts). */
  runs: RunSimulator;
  /** Object id of the caller (undefined without authentication). */
  callerOid?: string;
  /** The emulator's own Graph base URL (…/beta), for nextLinks. */
  baseUrl: string;
  nowMs: number;
}

export function requireFlowSet(ctx: HandlerContext): StoredFlowSet {
  const id = ctx.route.setId ?? '';
  const set = ctx.store.findFlowSet(id);
  if (!set) throw notFound(`The outbound provisioning flow set '${id}' was not found.`);
  return set;
}

export function requireFlow(ctx: HandlerContext): { set: StoredFlowSet; flow: StoredFlow } {
  const set = requireFlowSet(ctx);
  const id = ctx.route.flowId ?? '';
  const flow = ctx.store.findFlow(set.id, id);
  if (!flow)
    throw notFound(
      `The provisioning flow '${id}' was not found in outbound provisioning flow set '${set.id}'.`,
    );
  return { set, flow };
}

export function requireBody(ctx: HandlerContext): unknown {
  if (ctx.body === undefined)
    throw badRequest(`A request body is required for ${ctx.method} on this resource.`);
  return ctx.body;
}
