/**
 * Reads an approver group's members with the app's own token: `GET /groups/{id}/transitiveMembers/
 * microsoft.graph.user?$select=id&$top=999`, following nextLinks. Transitive so nested groups
 * count; the cast returns users only (devices or service principals never approve); least
 * privileged application permission GroupMember.Read.All
 * (https://learn.microsoft.com/graph/api/group-list-transitivemembers). Same HTTP stack as the
 * industryData client (retries, timeouts, request-ids, AppErrors), src/graph/http.ts.
 */
import { z } from 'zod';
import type { SendGraphRequest } from '../graph/http';
import { readAllPages } from '../graph/read';
import type { TokenProvider } from '../graph/types';

const Member = z.looseObject({ id: z.string().min(1) });
/** Graph's maximum page size for directory collections. */
const PAGE_SIZE = 999;

export type ReadGroupMembers = (groupId: string) => Promise<string[]>;

export function groupMembersReader(
  send: SendGraphRequest,
  baseUrl: string,
  appToken: TokenProvider,
): ReadGroupMembers {
  const base = baseUrl.replace(/\/+$/, '');
  return async (groupId) => {
    const path = `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`;
    const { data } = await readAllPages({
      send,
      token: appToken,
      baseUrl: base,
      // `$` literal, as Graph's own docs and nextLinks write it.
      firstUrl: `${base}${path}?$select=id&$top=${PAGE_SIZE}`,
      item: Member,
      context: { what: 'approver group', permission: 'GroupMember.Read.All (application)' },
    });
    return data.map((m) => m.id.toLowerCase());
  };
}
