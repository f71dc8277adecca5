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
  | 'groupMembers';

export interface Route {
  kind: RouteKind;
  setId?: string;
  flowId?: string;
  roleGroupId?: string;
  groupId?: string;
  /** The OData cast `/microsoft.graph.user`: users only. */
  cast?: 'user';
}

/** The canonical path of a collection, for nextLinks (always Graph's own casing). */
export function canonicalCollectionPath(route: Route): string {
  const root = '/external/industryData';
  if (route.kind === 'roleGroups') return `${root}/roleGroups`;
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
  if (collection === 'rolegroups') {
    if (rest.length > 2) throw notFoundSegment(rest[2]);
    return rest[1] === undefined
      ? { kind: 'roleGroups' }
      : { kind: 'roleGroup', roleGroupId: rest[1] };
  }
  throw notFoundSegment(rest[0]);
}
