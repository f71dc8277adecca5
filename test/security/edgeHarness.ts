/**
 * A bot HTTP edge for attack tests: the real server, adapter and Bot Framework authentication
 * (production mode: BOT_ID, BOT_PASSWORD, BOT_TENANT_ID, SingleTenant), trusting the sandbox
 * identity provider's JWKS instead of login.botframework.com. The test mints with the same key
 * (kept in a key file), so it can forge every kind of token next to a genuine one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import { createAdapter } from '../../src/teams/adapter';
import { startBotServer, type BotServer } from '../../src/teams/server';
import type { TurnHandler } from '../../src/teams/turnHandler';
import { fixture, type Activity } from '../support/activities';

export const BOT_ID = '6f1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const BOT_TENANT_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** What the activities claim as their connector; the stub turn never calls it. */
export const SERVICE_URL = 'http://127.0.0.1:9/';

export interface Edge {
  url: string;
  /** Activity types that reached the turn handler. */
  turns: string[];
  logLines: string[];
  /** The kid of the key the bot trusts (the JWKS's only key). */
  kid: string;
  /** Signs with the trusted key; `header` overrides the protected header. */
  sign(claims: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  /** A genuine Bot Framework channel token for SERVICE_URL, with `claims` on top. */
  channelToken(claims?: JWTPayload): Promise<string>;
  /** The public half of the trusted key, as PEM (for the HS256 key-confusion forgery). */
  publicKeyPem: string;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export const activity = (overrides: Activity = {}) =>
  fixture('message-personal', SERVICE_URL, overrides);

export async function startEdge(
  options: { sandbox?: boolean; logLevel?: 'debug' | 'info' } = {},
): Promise<Edge> {
  const dir = mkdtempSync(join(tmpdir(), 'sds-security-'));
  const keyFile = join(dir, 'idp-key.json');
  const idp: LocalIdentityProvider = await startLocalIdentityProvider({
    keyFile,
    logger: createMemoryLogger().logger,
  });
  const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const privateKey = await importJWK(privateJwk, 'RS256');
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: privateJwk.n, e: privateJwk.e });
  const { createPublicKey } = await import('node:crypto');
  const publicKeyPem = createPublicKey({
    key: { kty: 'RSA', n: privateJwk.n!, e: privateJwk.e! },
    format: 'jwk',
  })
    .export({ type: 'spki', format: 'pem' })
    .toString();

  const env: Record<string, string> = { PORT: '0', DATA_DIR: dir };
  if (!options.sandbox)
    Object.assign(env, {
      BOT_ID,
      BOT_PASSWORD: 'not-used-in-this-test',
      BOT_TENANT_ID,
      BOT_TYPE: 'SingleTenant',
    });
  const config = loadConfig(env);
  const { logger, lines } = createMemoryLogger(options.logLevel ?? 'debug');
  const turns: string[] = [];
  const handler: TurnHandler = async (ctx) => {
    turns.push(ctx.activity.type);
  };
  const server: BotServer = await startBotServer({
    host: '127.0.0.1',
    port: 0,
    adapter: createAdapter(config, logger, {
      openIdMetadataUrl: `${idp.issuerBaseUrl}/${idp.tenantId}/v2.0/.well-known/openid-configuration`,
    }),
    handler,
    readiness: [],
    logger,
  });

  const sign = (claims: JWTPayload, header: Record<string, unknown> = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid, ...header })
      .sign(privateKey);
  const now = () => Math.floor(Date.now() / 1000);
  return {
    url: server.url,
    turns,
    logLines: lines,
    kid,
    sign,
    publicKeyPem,
    channelToken: (claims = {}) =>
      sign({
        iss: CHANNEL_ISSUER,
        aud: BOT_ID,
        serviceurl: SERVICE_URL,
        nbf: now() - 60,
        exp: now() + 3600,
        ...claims,
      }),
    post: (body, headers = {}) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await server.close();
      await idp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unsigned JWT text with any header and payload, and `signature` as its third part. */
export function rawJwt(header: object, payload: object, signature = 'c2lnbmF0dXJl'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

/** Runs `task(i)` for i in [0, count) with at most `limit` in flight. */
export async function inParallel<T>(
  count: number,
  limit: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}
