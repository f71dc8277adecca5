/**
 * Who is calling and may they (docs/graph-notes.md#permissions). Every Graph request needs a valid bearer token
 * (401 InvalidAuthenticationToken otherwise; the token check itself is the injected
 * authenticator's job). Reads need IndustryData-OutboundFlow.Read.All or .ReadWrite.All, as a
 * delegated scope or an application role. Writes need delegated .ReadWrite.All: the docs say
 * application permissions are "Not supported" for creating/updating flow sets, and the emulator
 * keeps it simple by treating app-only tokens as read-only for flows. Runs take their own
 * permissions (RUN_PERMISSIONS), application ones included. A delegated caller must also hold an
 * admin directory role (`wids`), as SDS administration does.
 */
import { OPERATION_READ_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE } from '../../graph/permissions';
import type { Logger } from '../../log';
import { GLOBAL_ADMIN_ROLE, READ_SCOPE, READWRITE_SCOPE } from '../users';
import { GraphError, accessDenied } from './graphErrors';
import type { RouteKind } from './router';
import type { EmulatorAuthenticator, EmulatorCaller } from './types';

/** Role groups are reference data: their pages name other read permissions (docs/graph-notes.md#permissions). */
const ROLE_GROUP_READ_SCOPES = [
  READ_SCOPE,
  READWRITE_SCOPE,
  'IndustryData-ReferenceDefinition.Read.All',
  'IndustryData.ReadBasic.All',
];

/**
 * Run routes: the same permission delegated or application, least privileged first, as each page's
 * permission include lists them (industrydata-industrydatarun-*-permissions.md). List and get take
 * Read.All only (their "higher privileged" is "Not available"); getStatistics also Start. The
 * operation a start points to needs IndustryData.ReadBasic.All on its page; the run permissions
 * are accepted too (README.md, "Runs: where the docs are silent").
 */
const RUN_PERMISSIONS: Partial<Record<RouteKind, string[]>> = {
  runs: [RUN_READ_SCOPE],
  run: [RUN_READ_SCOPE],
  runStatistics: [RUN_READ_SCOPE, RUN_START_SCOPE],
  runStart: [RUN_START_SCOPE],
  operations: [OPERATION_READ_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE],
  operation: [OPERATION_READ_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE],
};

const ROLE_NAMES: Record<string, string> = { [GLOBAL_ADMIN_ROLE]: 'Global Administrator' };

// Graph asks for a bearer token on every 401.
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm=""' };
const invalidToken = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, { headers: CHALLENGE });

/** The authenticator's own 401/403 (EmulatorAuthError or anything shaped like it) is passed on. */
function asAuthError(err: unknown, logger: Logger): GraphError {
  const e = err as { status?: unknown; code?: unknown; message?: unknown };
  if ((e?.status === 401 || e?.status === 403) && typeof e.code === 'string') {
    const message = typeof e.message === 'string' ? e.message : 'Access denied.';
    return new GraphError(
      e.status,
      e.code,
      message,
      e.status === 401 ? { headers: CHALLENGE } : {},
    );
  }
  logger.warn('emulator authenticator failed unexpectedly', { error: err });
  return invalidToken('Access token validation failure.');
}

export async function identifyCaller(
  authenticate: EmulatorAuthenticator | undefined,
  authorization: string | undefined,
  logger: Logger,
): Promise<EmulatorCaller | undefined> {
  if (!authenticate) return undefined;
  if (!authorization) throw invalidToken('Access token is empty.');
  try {
    return await authenticate(authorization);
  } catch (err) {
    throw asAuthError(err, logger);
  }
}

/**
 * Group members (approver groups): least privileged is GroupMember.Read.All, delegated or
 * application; the higher ones listed on the page are accepted too. No directory role needed.
 * https://learn.microsoft.com/graph/api/group-list-transitivemembers#permissions
 */
export const GROUP_MEMBER_READ_PERMISSIONS = [
  'GroupMember.Read.All',
  'GroupMember.ReadWrite.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
];

function authorizeDirectoryRead(caller: EmulatorCaller): void {
  const granted = caller.kind === 'delegated' ? caller.scopes : caller.roles;
  if (GROUP_MEMBER_READ_PERMISSIONS.some((p) => granted.includes(p))) return;
  throw new GraphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation: reading group members requires GroupMember.Read.All.',
  );
}

export function authorize(
  caller: EmulatorCaller | undefined,
  route: RouteKind,
  method: string,
  adminRoleIds: readonly string[],
): void {
  if (!caller) return;
  if (route === 'groupMembers') return authorizeDirectoryRead(caller);
  const granted = caller.kind === 'delegated' ? caller.scopes : caller.roles;
  const runPermissions = RUN_PERMISSIONS[route];
  if (runPermissions) {
    if (!runPermissions.some((p) => granted.includes(p))) {
      const kind = caller.kind === 'delegated' ? 'delegated scope' : 'application role';
      throw accessDenied(
        `Missing ${kind}: this operation requires ${runPermissions.join(' or ')}.`,
      );
    }
  } else authorizeFlows(caller, granted, route, method);
  requireAdmin(caller, adminRoleIds);
}

function authorizeFlows(
  caller: EmulatorCaller,
  granted: string[],
  route: RouteKind,
  method: string,
): void {
  const write = method !== 'GET';
  if (write) {
    if (caller.kind === 'application') {
      throw accessDenied(
        `Application permissions are not supported for ${method} on this resource; sign in as an administrator and use the delegated permission ${READWRITE_SCOPE}.`,
      );
    }
    if (!granted.includes(READWRITE_SCOPE)) {
      throw accessDenied(
        `Missing scope: this operation requires the delegated permission ${READWRITE_SCOPE}.`,
      );
    }
  } else {
    const accepted =
      route === 'roleGroups' || route === 'roleGroup'
        ? ROLE_GROUP_READ_SCOPES
        : [READ_SCOPE, READWRITE_SCOPE];
    if (!accepted.some((p) => granted.includes(p))) {
      const kind = caller.kind === 'delegated' ? 'delegated scope' : 'application role';
      throw accessDenied(
        `Missing ${kind}: this operation requires ${READ_SCOPE} or ${READWRITE_SCOPE}.`,
      );
    }
  }
}

function requireAdmin(caller: EmulatorCaller, adminRoleIds: readonly string[]): void {
  if (caller.kind === 'delegated' && !caller.wids.some((w) => adminRoleIds.includes(w))) {
    const needed = adminRoleIds
      .map((id) => (ROLE_NAMES[id] ? `${ROLE_NAMES[id]} (${id})` : id))
      .join(' or ');
    throw accessDenied(
      `The signed-in user is not an administrator: this operation requires the directory role ${needed}.`,
    );
  }
}
