/**
 * `GET /groups/{id}/transitiveMembers` and its OData cast `/microsoft.graph.user`, with `$select`,
 * `$top` and the `$skiptoken` of nextLinks (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
 * The cast returns users only; without it each member carries its `@odata.type`. An unknown group
 * is Entra's 404 `Request_ResourceNotFound`.
 */
import { findSandboxUser } from '../../users';
import { findGroup, transitiveMembers } from '../directory';
import { badRequest, GraphError, type Outcome } from '../graphErrors';
import { pageOf, parsePageRequest } from '../paging';
import type { HandlerContext } from './context';

const GRAPH = 'https://graph.microsoft.com/beta';
/** What the sandbox knows of a directory object; `$select` may name these. */
const SELECTABLE = ['id', 'displayName'];

/** `$select` (if any) and the paging options; other `$` options are refused like elsewhere. */
export function parseMembersQuery(search: URLSearchParams) {
  const paging = new URLSearchParams();
  let select: string[] | undefined;
  for (const [name, value] of search) {
    if (name.toLowerCase() !== '$select') {
      paging.append(name, value);
      continue;
    }
    select = value.split(',').map((s) => s.trim());
    const unknown = select.filter((s) => !SELECTABLE.includes(s));
    if (unknown.length || !select.length)
      throw badRequest(
        `Could not find a property named '${unknown[0] ?? ''}' on type 'microsoft.graph.directoryObject'.`,
      );
  }
  return { page: parsePageRequest(paging, true), select };
}

export function listTransitiveMembers(ctx: HandlerContext): Outcome {
  const { groupId = '', cast } = ctx.route;
  const group = findGroup(groupId);
  if (!group) {
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const members = transitiveMembers(group).filter((m) => !cast || m.kind === 'user');
  const select = ctx.select ?? SELECTABLE;
  const self = `${ctx.baseUrl}/groups/${encodeURIComponent(group.id)}/transitiveMembers${cast ? '/microsoft.graph.user' : ''}`;
  const selectQuery = ctx.select ? `&$select=${ctx.select.join(',')}` : '';
  const page = pageOf(members, ctx.page, self);
  const set = cast ? 'users' : 'directoryObjects';
  return {
    status: 200,
    body: {
      '@odata.context': `${GRAPH}/$metadata#${set}(${select.join(',')})`,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink + selectQuery } : {}),
      value: page.items.map((m) => ({
        ...(cast ? {} : { '@odata.type': `#microsoft.graph.${m.kind}` }),
        ...(select.includes('id') ? { id: m.id } : {}),
        ...(select.includes('displayName') ? { displayName: displayNameOf(m) } : {}),
      })),
    },
  };
}

function displayNameOf(member: { kind: 'user' | 'group'; id: string }): string | null {
  if (member.kind === 'group') return findGroup(member.id)?.displayName ?? null;
  return findSandboxUser(member.id)?.name ?? null;
}
