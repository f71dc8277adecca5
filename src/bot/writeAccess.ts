/**
 * What the turn's user may do with flow sets, read from the delegated Graph token the bot obtains
 * for them (the granted scopes and the admin roles). One place: `whoami` describes it, and every
 * command and button that would lead to a change (`requireWrite`) refuses at once, before any form
 * or preview, when the token cannot change flow sets (issue 12 item 3).
 */
import { AppError } from '../errors';
import { READ_SCOPE, READWRITE_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE } from '../graph/permissions';
import type { CommandContext } from './command';

const ROLE_NAMES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
};

export interface TokenClaims {
  scp?: string;
  wids?: string[];
  tid?: string;
  upn?: string;
  preferred_username?: string;
}

/**
 * Reads the claims of the delegated Graph token the bot just obtained for this user. No signature
 * check here: the token came straight from the identity provider over our own OBO call, and
 * Graph is the one that enforces it; we only describe it.
 */
export function claimsOf(token: string): TokenClaims {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

export interface WriteAccess {
  claims: TokenClaims;
  scopes: string[];
  /** Known admin roles by name (Global Administrator). */
  roles: string[];
  /** The token carries the read or read-write scope. */
  readScope: boolean;
  /** The token carries the read-write scope: without it Graph refuses every change. */
  writeScope: boolean;
  /** The token may read sync runs (`runs`, `run`). */
  runRead: boolean;
  /** The token may start a run (`start run`). */
  runStart: boolean;
}

/** The user's granted scopes and roles (one token request; msal caches it for the turn's Graph calls). */
export async function accessOf(
  ctx: Pick<CommandContext, 'services' | 'user' | 'conversation' | 'ssoToken'>,
): Promise<WriteAccess> {
  const claims = claimsOf(await ctx.services.graph.userToken(ctx)());
  const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
  const writeScope = scopes.includes(READWRITE_SCOPE);
  const roles = (claims.wids ?? []).map((w) => ROLE_NAMES[w]).filter((r): r is string => !!r);
  return {
    claims,
    scopes,
    roles,
    writeScope,
    readScope: writeScope || scopes.includes(READ_SCOPE),
    runRead: scopes.includes(RUN_READ_SCOPE),
    runStart: scopes.includes(RUN_START_SCOPE),
  };
}

export const READ_ONLY_MESSAGE =
  'You can look at flow sets but not change them: your sign-in has not been granted the permission ' +
  `to change SDS flow sets (${READWRITE_SCOPE}). Ask your tenant admin to grant it; ` +
  '`whoami` shows what you may do.';

/**
 * Refuses a change before any form or preview when the user's token cannot change flow sets. Only
 * the scope is decisive here: which admin roles may change SDS data is Graph's call (a role this
 * bot does not name may be enough), so a missing role is left for Graph to refuse.
 */
export async function requireWrite(
  ctx: Pick<CommandContext, 'services' | 'user' | 'conversation' | 'ssoToken'>,
): Promise<void> {
  const access = await accessOf(ctx);
  if (!access.writeScope) throw new AppError('forbidden', READ_ONLY_MESSAGE);
}

export const NO_RUN_START_MESSAGE =
  `Microsoft Graph would refuse this: starting a sync run needs the ${RUN_START_SCOPE} permission ` +
  '(consented for your organization), and your sign-in does not have it. Ask your tenant admin to ' +
  'grant it; `whoami` shows what you may do. `runs` needs only ' +
  `${RUN_READ_SCOPE}.`;

/** Refuses `start run` before any preview when the user's token cannot start runs. */
export async function requireRunStart(
  ctx: Pick<CommandContext, 'services' | 'user' | 'conversation' | 'ssoToken'>,
): Promise<void> {
  const access = await accessOf(ctx);
  if (!access.runStart) throw new AppError('forbidden', NO_RUN_START_MESSAGE);
}
