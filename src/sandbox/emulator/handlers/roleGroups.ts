/**
 * Operations 12–13 of docs/graph-notes.md#operations. The examples (24/25) show no `@odata.context` on role
 * group responses, so none is sent.
 */
import { notFound, type Outcome } from '../graphErrors';
import { pageOf } from '../paging';
import { canonicalCollectionPath } from '../router';
import { serializeRoleGroup } from '../serializers';
import type { HandlerContext } from './context';

export function listRoleGroups(ctx: HandlerContext): Outcome {
  const url = ctx.baseUrl + canonicalCollectionPath(ctx.route);
  const page = pageOf(ctx.store.listRoleGroups(), ctx.page, url);
  return {
    status: 200,
    body: {
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((group) => serializeRoleGroup(group)),
    },
  };
}

export function getRoleGroup(ctx: HandlerContext): Outcome {
  const id = ctx.route.roleGroupId ?? '';
  const group = ctx.store.findRoleGroup(id);
  if (!group) throw notFound(`The role group '${id}' was not found.`);
  return { status: 200, body: serializeRoleGroup(group) };
}
