/**
 * SANDBOX_SERVICES=external: the Graph emulator and the identity provider run elsewhere (another
 * process: `node scripts/sandbox-services.mjs`, or a test), so several bot instances can share
 * one of each, as instances in production share Microsoft Graph and Entra ID. The bot reads the
 * IdP's discovery document once and asks its loopback route for each user's SSO token.
 */
import { z } from 'zod';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TENANT_ID } from './users';
import { SandboxTokenError, type LocalIdentityProvider } from './idp';

/** What the bot needs of the sandbox IdP, in process or not. */
export type SandboxIdentity = Pick<
  LocalIdentityProvider,
  | 'issuerBaseUrl'
  | 'tenantId'
  | 'authority'
  | 'knownAuthorities'
  | 'authorityMetadata'
  | 'clientId'
  | 'clientSecret'
  | 'jwksUri'
> & {
  mintSsoToken(aadObjectId: string, options?: { name?: string }): Promise<string>;
};

const Discovery = z.object({ issuer: z.string(), jwks_uri: z.url() }).loose();
const SsoTokenAnswer = z.object({ token: z.string().min(1) });

async function json(res: Response, what: string): Promise<unknown> {
  const body = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return JSON.parse(body);
}

/** Throws when the IdP does not answer: the bot cannot start without it. */
export async function connectSandboxIdentity(idpUrl: string): Promise<SandboxIdentity> {
  const base = idpUrl.replace(/\/+$/, '');
  const tenantId = SANDBOX_TENANT_ID;
  const metadataUrl = `${base}/${tenantId}/v2.0/.well-known/openid-configuration`;
  const raw = await json(
    await fetch(metadataUrl, { signal: AbortSignal.timeout(5000) }),
    `sandbox identity provider at ${base}`,
  );
  const metadata = Discovery.parse(raw);
  // The same https authority string the in-process IdP hands msal (src/sandbox/idp/index.ts).
  const { port } = new URL(base);
  return {
    issuerBaseUrl: base,
    tenantId,
    authority: `https://localhost:${port}/${tenantId}/`,
    knownAuthorities: [`localhost:${port}`],
    authorityMetadata: JSON.stringify(raw),
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    jwksUri: metadata.jwks_uri,
    async mintSsoToken(aadObjectId, options = {}) {
      const res = await fetch(`${base}/_sandbox/sso-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: aadObjectId, name: options.name }),
        signal: AbortSignal.timeout(5000),
      });
      if (res.status === 404) {
        await res.text();
        throw new SandboxTokenError('unknown_user', 'Not a sandbox object id.');
      }
      return SsoTokenAnswer.parse(await json(res, 'sandbox SSO token')).token;
    },
  };
}
