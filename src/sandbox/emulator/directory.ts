/**
 * The sandbox directory's groups, for approver groups (APPROVER_GROUP_ID): reference data like the
 * role groups, fixed rather than stored, so every sandbox (old state files included) has them.
 * Members are users or other groups; `transitiveMembers` flattens nested groups, as Entra does
 * (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
 */
import { SANDBOX_USERS } from '../users';

export interface SandboxGroup {
  id: string;
  displayName: string;
  /** Direct members: user object ids, or ids of other groups here. */
  members: string[];
}

/** "SDS Approvers": the group to set as APPROVER_GROUP_ID in the sandbox. */
export const SANDBOX_APPROVER_GROUP_ID = '7a7a7a7a-0000-4000-8000-00000000a001';
/** A group that holds the approvers' group: shows that membership is read transitively. */
export const SANDBOX_IT_LEADS_GROUP_ID = '7a7a7a7a-0000-4000-8000-00000000a002';

const BLAKE = SANDBOX_USERS.find((u) => u.name === 'Blake Approver')!.aadObjectId;
const AVERY = SANDBOX_USERS.find((u) => u.name === 'Avery Admin')!.aadObjectId;

export const SANDBOX_GROUPS: readonly SandboxGroup[] = [
  { id: SANDBOX_APPROVER_GROUP_ID, displayName: 'SDS Approvers', members: [BLAKE] },
  {
    id: SANDBOX_IT_LEADS_GROUP_ID,
    displayName: 'District IT leads',
    members: [AVERY, SANDBOX_APPROVER_GROUP_ID],
  },
];

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function findGroup(id: string): SandboxGroup | undefined {
  return SANDBOX_GROUPS.find((g) => sameId(g.id, id));
}

/** Every member, nested groups included (once each), in a stable order: groups, then users. */
export function transitiveMembers(
  group: SandboxGroup,
): Array<{ kind: 'user' | 'group'; id: string }> {
  const groups: string[] = [];
  const users: string[] = [];
  const visit = (g: SandboxGroup) => {
    for (const id of g.members) {
      const nested = findGroup(id);
      if (nested) {
        if (groups.includes(nested.id) || sameId(nested.id, group.id)) continue;
        groups.push(nested.id);
        visit(nested);
      } else if (!users.includes(id)) users.push(id);
    }
  };
  visit(group);
  return [
    ...groups.map((id) => ({ kind: 'group' as const, id })),
    ...users.map((id) => ({ kind: 'user' as const, id })),
  ];
}
