/**
 * Loopback-only helper routes of the sandbox IdP, used by `npm run token` (scripts/sandbox-token.mjs):
 *   GET  /_sandbox/users                         → { tenantId, users: [{aadObjectId, name, upn, purpose, consentedScopes, admin}] }
 *   POST /_sandbox/token { user, scopes? }       → { token_type, access_token, expires_in, scope, roles, subject }
 *        `user` is a sandbox aadObjectId or 'app'; errors: 400 bad body, 404 unknown user, 409 no consent.
 * They exist only because this server is the sandbox; production never runs it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { findSandboxUser, GLOBAL_ADMIN_ROLE, SANDBOX_USERS } from '../users';
import { readBody, sendJson } from './http';
import { SANDBOX_APP_ROLES, type Minter } from './minting';
import { mintGraphToken, SandboxTokenError } from './sandboxTokens';

const tokenBodySchema = z.object({
  user: z.string().min(1),
  scopes: z.array(z.string().min(1)).optional(),
});

export function listUsers(res: ServerResponse, tenantId: string): void {
  sendJson(res, 200, {
    tenantId,
    users: SANDBOX_USERS.map((u) => ({
      aadObjectId: u.aadObjectId,
      name: u.name,
      upn: u.upn,
      purpose: u.purpose,
      consentedScopes: u.consentedScopes,
      admin: u.wids.includes(GLOBAL_ADMIN_ROLE),
    })),
  });
}

export async function issueSandboxToken(
  req: IncomingMessage,
  res: ServerResponse,
  minter: Minter,
): Promise<void> {
  let parsed;
  try {
    parsed = tokenBodySchema.safeParse(JSON.parse(await readBody(req)));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    sendJson(res, 400, {
      error: 'bad_request',
      message: 'Body must be JSON {"user": "<aadObjectId>" | "app"}.',
    });
    return;
  }
  const { user, scopes } = parsed.data;
  try {
    const accessToken = await mintGraphToken(
      minter,
      user === 'app' ? 'app' : { aadObjectId: user },
      {
        scopes,
      },
    );
    const found = findSandboxUser(user);
    sendJson(res, 200, {
      token_type: 'Bearer',
      access_token: accessToken,
      expires_in: minter.tokenLifetimeSeconds,
      scope: found ? (scopes ?? found.consentedScopes).join(' ') : '',
      roles: found ? [] : SANDBOX_APP_ROLES,
      subject: found ? { aadObjectId: found.aadObjectId, name: found.name, upn: found.upn } : 'app',
    });
  } catch (err) {
    if (!(err instanceof SandboxTokenError)) throw err;
    sendJson(res, err.reason === 'unknown_user' ? 404 : 409, {
      error: err.reason,
      message: err.message,
    });
  }
}
