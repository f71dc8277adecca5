/**
 * Maps a request path to one of the documented operations (docs/graph-notes.md#operations). Path segments are
 * matched case-insensitively: the docs' own requests use `OutboundProvisioningFlowSets` and the
 * service accepted it (docs/graph-notes.md#path-casing). Keys may be written as a segment (`/sets/{id}`) or in OData key
 * syntax (`sets('{id}')`). The bound action `reset` is accepted short and namespace-qualified
 * (docs/graph-notes.md#containment-and-binding).
 */
import { GraphError } from './graphErrors';

export type RouteKind =
  | 'flowSets'
  | 'flowSet'
  | 'flows'
  | 'flow'
  | 'reset'
  | 'roleGroups'
  | 'roleGroup'
  /** `/groups/{id}/transitiveMembers[/microsoft.graph.user]` (approver groups, directory.ts). */
  | 'groupMembers'
  | 'runs'
  | 'run'
  | 'runStatistics'
  | 'runStart'
  | 'operations'
  | 'operation';

export interface Route {
  kind: RouteKind;
  setId?: string;
  flowId?: string;
  roleGroupId?: string;
  groupId?: string;
  runId?: string;
  operationId?: string;
  /** The OData cast `/microsoft.graph.user`: users only. */
  cast?: 'user';
}

/** The canonical path of a collection, for nextLinks (always Graph's own casing). */
export function canonicalCollectionPath(route: Route): string {
  const root = '/external/industryData';
  if (route.kind === 'roleGroups') return `${root}/roleGroups`;
  if (route.kind === 'runs') return `${root}/runs`;
  if (route.kind === 'operations') return `${root}/operations`;
  if (route.kind === 'flows') {
    return `${root}/outboundProvisioningFlowSets/${encodeURIComponent(route.setId ?? '')}/provisioningFlows`;
  }
  return `${root}/outboundProvisioningFlowSets`;
}

const KEY_SYNTAX = /^([^()]+)\((?:'([^']*)'|([^)']*))\)$/;
const RESET_SEGMENTS = ['reset', 'microsoft.graph.industrydata.reset'];

/** Splits `name('key')` into two segments so both addressing styles share one matcher. */
function segmentsOf(pathname: string): string[] {
  const out: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    const segment = decodeURIComponent(raw);
    const key = KEY_SYNTAX.exec(segment);
    if (key) out.push(key[1] ?? '', key[2] ?? key[3] ?? '');
    else out.push(segment);
  }
  return out;
}

const notFoundSegment = (segment: string | undefined) =>
  new GraphError(404, 'itemNotFound', `Resource not found for the segment '${segment ?? ''}'.`);

function matchFlowSets(rest: string[]): Route {
  const [, setId, flowsSegment, flowId, action, ...extra] = rest;
  if (setId === undefined) return { kind: 'flowSets' };
  if (flowsSegment === undefined) return { kind: 'flowSet', setId };
  if (flowsSegment.toLowerCase() !== 'provisioningflows') throw notFoundSegment(flowsSegment);
  if (flowId === undefined) return { kind: 'flows', setId };
  if (action === undefined) return { kind: 'flow', setId, flowId };
  if (!RESET_SEGMENTS.includes(action.toLowerCase()) || extra.length) {
    throw notFoundSegment(extra[0] ?? action);
  }
  return { kind: 'reset', setId, flowId };
}

const START_SEGMENTS = ['start', 'microsoft.graph.industrydata.start'];
const STATISTICS_SEGMENTS = ['getstatistics', 'microsoft.graph.industrydata.getstatistics'];

/**
 * `runs`, `runs/{id}`, the bound function `runs/{id}/getStatistics` (short or namespace-qualified,
 * with or without `()`: `name()` arrives as `name` plus an empty key) and the collection-bound
 * action `runs/start` (industrydata-industrydatarun-getstatistics.md, industrydata-industrydatarun-start.md).
 */
function matchRuns(rest: string[]): Route {
  const [, runId, fn, empty, ...extra] = rest;
  if (runId === undefined) return { kind: 'runs' };
  if (fn === undefined) {
    return START_SEGMENTS.includes(runId.toLowerCase())
      ? { kind: 'runStart' }
      : { kind: 'run', runId };
  }
  const isCall = empty === undefined || (empty === '' && extra.length === 0);
  if (!STATISTICS_SEGMENTS.includes(fn.toLowerCase()) || !isCall)
    throw notFoundSegment(isCall ? fn : (extra[0] ?? empty));
  return { kind: 'runStatistics', runId };
}

function matchOperations(rest: string[]): Route {
  const [, operationId, ...extra] = rest;
  if (extra.length) throw notFoundSegment(extra[0]);
  return operationId === undefined ? { kind: 'operations' } : { kind: 'operation', operationId };
}

/** `{id}/transitiveMembers` with an optional cast to users; nothing else of /groups exists here. */
function matchGroups(rest: string[]): Route {
  const [groupId, members, cast, ...extra] = rest;
  if (!groupId || members?.toLowerCase() !== 'transitivemembers')
    throw notFoundSegment(members ?? groupId);
  if (cast !== undefined && (cast.toLowerCase() !== 'microsoft.graph.user' || extra.length))
    throw notFoundSegment(extra[0] ?? cast);
  return { kind: 'groupMembers', groupId, ...(cast ? { cast: 'user' as const } : {}) };
}

/** The route for a Graph path, or a 404 GraphError naming the first segment that matched nothing. */
export function matchRoute(pathname: string): Route {
  let segments: string[];
  try {
    segments = segmentsOf(pathname);
  } catch {
    throw new GraphError(400, 'badRequest', 'The request URL is not correctly percent-encoded.');
  }
  if (segments[0]?.toLowerCase() === 'beta' && segments[1]?.toLowerCase() === 'groups')
    return matchGroups(segments.slice(2));
  const expected = ['beta', 'external', 'industrydata'];
  for (const [i, name] of expected.entries()) {
    if (segments[i]?.toLowerCase() !== name) throw notFoundSegment(segments[i]);
  }
  const rest = segments.slice(expected.length);
  const collection = rest[0]?.toLowerCase();
  if (collection === 'outboundprovisioningflowsets') return matchFlowSets(rest);
  if (collection === 'runs') return matchRuns(rest);
  if (collection === 'operations') return matchOperations(rest);
  if (collection === 'rolegroups') {
    if (rest.length > 2) throw notFoundSegment(rest[2]);
    return rest[1] === undefined
      ? { kind: 'roleGroups' }
      : { kind: 'roleGroup', roleGroupId: rest[1] };
  }
  throw notFoundSegment(rest[0]);
}
