/**
 * Loopback-only `POST /_sandbox/sso-token {user, name?}` → `{token}`: the Teams SSO token of a
 * person, for bot instances that share this IdP from other processes (SANDBOX_SERVICES=external).
 * Teams keeps one SSO token per user and hands the same one to whichever bot instance the turn
 * reaches until it nears expiry; this route does the same, so instances behind one IdP see one
 * assertion per user, as they would behind a load balancer (msal caches on-behalf-of results per
 * assertion, docs/teams-notes.md#msal-on-behalf-of). Errors: 400 bad body, 404 not a GUID.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { readBody, sendJson } from './http';
import type { Minter } from './minting';
import { mintSsoToken, SandboxTokenError } from './sandboxTokens';

const bodySchema = z.object({ user: z.string().min(1), name: z.string().optional() });

/** A token is handed out again until this long before it expires (what the bot keeps, too). */
const REUSE_MARGIN_MS = 5 * 60_000;

export function createSsoTokenRoute(minter: Minter) {
  const current = new Map<string, { token: string; expiresAt: number }>();
  const tokenFor = async (user: string, name: string | undefined) => {
    const hit = current.get(user);
    if (hit && hit.expiresAt - Date.now() > REUSE_MARGIN_MS) return hit.token;
    const token = await mintSsoToken(minter, user, { name });
    current.set(user, { token, expiresAt: (decodeJwt(token).exp ?? 0) * 1000 });
    return token;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let parsed;
    try {
      parsed = bodySchema.safeParse(JSON.parse(await readBody(req)));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      return sendJson(res, 400, {
        error: 'bad_request',
        message: 'Body must be JSON {"user": "<aadObjectId>", "name"?: "<display name>"}.',
      });
    }
    try {
      sendJson(res, 200, { token: await tokenFor(parsed.data.user, parsed.data.name) });
    } catch (err) {
      if (!(err instanceof SandboxTokenError)) throw err;
      sendJson(res, 404, { error: err.reason, message: err.message });
    }
  };
}
