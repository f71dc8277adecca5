/** Routing of the sandbox IdP's HTTP server (node:http, no framework). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import type { Logger } from '../../log';
import { openIdConfiguration } from './discovery';
import { entraErrors } from './entraErrors';
import { BodyTooLargeError, isLoopback, parseForm, readBody, sendHtml, sendJson } from './http';
import type { Minter } from './minting';
import { issueSandboxToken, listUsers } from './sandboxRoutes';
import { createSsoTokenRoute } from './ssoTokenRoute';
import { handleTokenRequest, type TokenEndpointContext } from './tokenEndpoint';

export interface IdpServerContext {
  tenantId: string;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  publicJwk: JWK;
  minter: Minter;
  tokenEndpoint: TokenEndpointContext;
  logger: Logger;
}

type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: IdpServerContext,
) => Promise<void> | void;

/** Tenant-scoped routes, keyed by "METHOD path-after-tenant". */
const tenantRoutes: Record<string, Route> = {
  'GET .well-known/openid-configuration': (_req, res, ctx) =>
    sendJson(res, 200, openIdConfiguration(ctx.baseUrl, ctx.tenantId)),
  // Entra serves both; msal in AAD mode probes the v2.0 one (docs/teams-notes.md#msal-and-a-local-identity-provider).
  'GET v2.0/.well-known/openid-configuration': (_req, res, ctx) =>
    sendJson(res, 200, openIdConfiguration(ctx.baseUrl, ctx.tenantId)),
  'GET discovery/v2.0/keys': (_req, res, ctx) => sendJson(res, 200, { keys: [ctx.publicJwk] }),
  'POST oauth2/v2.0/token': async (req, res, ctx) => {
    const outcome = await handleTokenRequest(parseForm(await readBody(req)), ctx.tokenEndpoint);
    sendJson(res, outcome.status, outcome.body);
  },
  // Target of the admin-consent link the bot shows; in the sandbox consent is fixed per user.
  'GET adminconsent': (_req, res) =>
    sendHtml(
      res,
      200,
      '<!doctype html><title>Sandbox admin consent</title><h1>Sandbox identity provider</h1>' +
        '<p>In a real tenant this page lets a Global Administrator grant the bot its Graph permissions.</p>' +
        '<p>In the sandbox, consent is fixed per user (see <code>npm run token -- --list</code>): ' +
        'Casey NoConsent never has it, so the bot keeps showing this link for Casey.</p>',
    ),
};

function sandboxRoutesFor(ctx: IdpServerContext): Record<string, Route> {
  const ssoToken = createSsoTokenRoute(ctx.minter);
  return {
    'GET /_sandbox/users': (_req, res) => listUsers(res, ctx.tenantId),
    'POST /_sandbox/token': (req, res) => issueSandboxToken(req, res, ctx.minter),
    'POST /_sandbox/sso-token': (req, res) => ssoToken(req, res),
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: IdpServerContext,
  sandboxRoutes: Record<string, Route>,
) {
  const path = new URL(req.url ?? '/', 'http://idp.invalid').pathname;
  if (path.startsWith('/_sandbox/')) {
    if (!isLoopback(req))
      return sendJson(res, 403, { error: 'forbidden', message: 'loopback only' });
    const handler = sandboxRoutes[`${req.method} ${path}`];
    return handler ? handler(req, res, ctx) : sendJson(res, 404, { error: 'not_found' });
  }
  const [tenant = '', ...rest] = path.split('/').filter(Boolean);
  const handler = tenantRoutes[`${req.method} ${rest.join('/')}`];
  if (!handler) return sendJson(res, 404, { error: 'not_found' });
  if (tenant !== ctx.tenantId) {
    const { status, body } = entraErrors.unknownTenant(tenant);
    return sendJson(res, status, body);
  }
  return handler(req, res, ctx);
}

export function createIdpRequestHandler(ctx: IdpServerContext) {
  const sandboxRoutes = sandboxRoutesFor(ctx);
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, ctx, sandboxRoutes).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'too_large' });
      ctx.logger.error('idp request failed', { err, path: req.url?.split('?')[0] });
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  };
}
