/**
 * Cheap checks on the Authorization header of POST /api/messages, run before botbuilder sees it.
 *
 * Why: botframework-connector 4.23.3 (archived) decodes every bearer token before any signature
 * check, and `EmulatorValidation.isTokenFromEmulator` appends four issuer strings to a
 * module-level array for every `tid` it has not seen. Anonymous requests with made-up `tid`s grew
 * the process without bound. Here a token is only let through when it is well-formed, names a
 * signing algorithm botbuilder could accept, is inside its validity window, and carries no `tid`
 * that could never be valid for this bot. Signature, audience and the rest are still botbuilder's
 * job (ConfigurationBotFrameworkAuthentication).
 */
import { z } from 'zod';

/** Real Bot Framework and Entra tokens are 1-3 KiB; anything near this is not one. */
export const MAX_AUTHORIZATION_HEADER_LENGTH = 8 * 1024;

/** `iss` of tokens the Bot Framework channel service (Teams included) sends to bots. */
export const BOT_FRAMEWORK_CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * Tenants of botframework-connector's built-in emulator/skill issuer list
 * (ToBotFromBotOrEmulatorTokenValidationParameters): botframework.com, the Bot Framework
 * service, Microsoft and the US Government tenant. A `tid` among them never grows that list.
 */
export const BOT_FRAMEWORK_TENANTS: readonly string[] = [
  'd6d49420-f39b-4df7-a1dc-d59a935871db',
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
  'cab8a31a-1906-4287-a0d8-4eef66b95f6e',
];

/** The issuer list botframework-connector 4.23.3 starts with (tokenValidationParameters.js). */
const BUILT_IN_EMULATOR_ISSUERS: readonly string[] = [
  'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
  'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
  'https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/',
  'https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0',
  'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
  'https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/',
  'https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0',
  'https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/',
  'https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0',
];

/** The issuers botframework-connector derives from a tenant id (its emulator path). */
function tenantIssuers(tenantId: string): string[] {
  return [
    `https://sts.windows.net/${tenantId}/`,
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    `https://login.microsoftonline.us/${tenantId}/`,
    `https://login.microsoftonline.us/${tenantId}/v2.0`,
  ];
}

/**
 * botbuilder itself allows 5 minutes of clock skew; ours is a little tighter so that a token
 * botbuilder would call expired never reaches it (it prints a stack trace for those).
 */
const CLOCK_TOLERANCE_SECONDS = 290;

const BEARER = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

const headerSchema = z.object({
  alg: z.string().regex(/^(RS|PS|ES)(256|384|512)$/),
  kid: z.string().min(1).max(256),
});

const payloadSchema = z.object({
  iss: z.string().min(1).max(512),
  aud: z.string().min(1).max(512),
  exp: z.number().finite(),
  nbf: z.number().finite().optional(),
  tid: z.string().optional(),
});

export interface AuthGuardPolicy {
  /** SingleTenant and UserAssignedMsi bots only ever get tokens from their own tenant. */
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMsi';
  tenantId?: string;
  /** Defaults to BOT_FRAMEWORK_CHANNEL_ISSUER. */
  channelIssuer?: string;
}

export type GuardVerdict = { ok: true } | { ok: false; reason: string };
export type AuthGuard = (authorization: string | undefined, nowMs?: number) => GuardVerdict;

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function createAuthGuard(policy: AuthGuardPolicy): AuthGuard {
  const channelIssuer = policy.channelIssuer ?? BOT_FRAMEWORK_CHANNEL_ISSUER;
  // Compared as given: botbuilder's lookup is case-sensitive, so every other spelling of a
  // tenant id would be "new" to it. Entra writes tid in lower case.
  const ownTenant = policy.tenantId ? [policy.tenantId, policy.tenantId.toLowerCase()] : [];
  const tenantBound = policy.appType !== 'MultiTenant';
  // Tokens from the emulator/Entra path: a tenant-bound bot accepts its own tenant only.
  const entraTenants = new Set(tenantBound ? ownTenant : [...BOT_FRAMEWORK_TENANTS, ...ownTenant]);
  // Channel tokens need no tid; if one is there, it must be one the library already knows.
  const channelTenants = new Set([...entraTenants, ...BOT_FRAMEWORK_TENANTS]);
  const entraIssuers = new Set([
    ...BUILT_IN_EMULATOR_ISSUERS,
    ...[...entraTenants].flatMap(tenantIssuers),
  ]);

  return (authorization, nowMs = Date.now()) => {
    if (!authorization) return { ok: false, reason: 'missing' };
    if (authorization.length > MAX_AUTHORIZATION_HEADER_LENGTH)
      return { ok: false, reason: 'oversized' };
    const parts = BEARER.exec(authorization);
    if (!parts) return { ok: false, reason: 'not a bearer jwt' };
    const header = headerSchema.safeParse(decodeJsonObject(parts[1]));
    if (!header.success) return { ok: false, reason: 'bad jwt header' };
    const payload = payloadSchema.safeParse(decodeJsonObject(parts[2]));
    if (!payload.success) return { ok: false, reason: 'bad jwt payload' };
    const { iss, exp, nbf, tid } = payload.data;
    const now = nowMs / 1000;
    if (exp + CLOCK_TOLERANCE_SECONDS <= now) return { ok: false, reason: 'expired' };
    if (nbf !== undefined && nbf - CLOCK_TOLERANCE_SECONDS > now)
      return { ok: false, reason: 'not yet valid' };
    const fromChannel = iss === channelIssuer;
    if (!fromChannel && !entraIssuers.has(iss)) return { ok: false, reason: 'issuer' };
    if (tid !== undefined && !(fromChannel ? channelTenants : entraTenants).has(tid))
      return { ok: false, reason: 'tenant' };
    return { ok: true };
  };
}
