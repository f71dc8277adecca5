/**
 * The HTTP surface: POST /api/messages (Bot Framework), GET /healthz (liveness) and
 * GET /readyz (storage and Graph reachable). restify, as the design card asks.
 */
import type { CloudAdapter } from 'botbuilder';
import { AddressInfo } from 'node:net';
import * as restify from 'restify';
import type { Logger } from '../log';
import type { TurnHandler } from './turnHandler';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export interface BotServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startBotServer(options: {
  host: string;
  port: number;
  adapter: CloudAdapter;
  handler: TurnHandler;
  readiness: ReadinessCheck[];
  logger: Logger;
}): Promise<BotServer> {
  const { adapter, handler, logger } = options;
  const server = restify.createServer({ name: 'sds-flow-admin', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, handler);
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const results = await Promise.all(
      options.readiness.map(
        async ({ name, check }) => [name, await check().catch(() => false)] as const,
      ),
    );
    const ready = results.every(([, ok]) => ok);
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(results),
    });
  });
  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, err: Error, next: () => void) => {
      logger.warn('http error', { method: req.method, path: req.path(), error: err.message });
      next();
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
