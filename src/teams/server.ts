/**
 * The HTTP surface: POST /api/messages (Bot Framework), GET /healthz (liveness) and
 * GET /readyz (storage and Graph reachable). restify, as the design card asks.
 */
import type { Activity } from 'botbuilder';
import type { IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import * as restify from 'restify';
import type { Logger } from '../log';
import { fixTimestamps, type BotAdapter } from './adapter';
import { inboundActivitySchema, invalidFields } from './inboundActivity';
import type { TurnHandler } from './turnHandler';

/** Bot Framework activities are a few KiB; Teams caps messages at about 28 KiB. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** A message as Teams sends one, parsed once at start to compile the inbound activity schema. */
const WARM_UP_ACTIVITY = {
  type: 'message',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversation: { id: 'a:warm-up', conversationType: 'personal', tenantId: 'warm-up' },
  id: 'warm-up',
  text: 'list',
  from: { id: '29:warm-up', aadObjectId: 'warm-up' },
  recipient: { id: '28:warm-up' },
};

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
  adapter: BotAdapter;
  handler: TurnHandler;
  readiness: ReadinessCheck[];
  /** Reported by /readyz beside the checks (which storage backend, which instance). */
  about?: Record<string, string>;
  logger: Logger;
}): Promise<BotServer> {
  const { adapter, handler, logger } = options;
  const server = restify.createServer({ name: 'sds-flow-admin', handleUncaughtExceptions: false });
  // No body parser plugin: bodyParser's multipart path wrote uploads to the temp folder before
  // authentication. /api/messages reads its own JSON body, in memory and bounded.
  const activitySchema = inboundActivitySchema(adapter.edge.sandbox);
  // Compile it now, before the server listens: the first parse of a schema costs milliseconds.
  activitySchema.safeParse(WARM_UP_ACTIVITY);
  // restify logs (with every header) whatever an async handler returns: return nothing.
  const reject = (res: restify.Response, status: number, error: string, fields = {}): void => {
    logger.debug('bot request rejected', { status, reason: error, ...fields });
    if (status === 401) res.header('WWW-Authenticate', 'Bearer');
    res.send(status, { error });
  };

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (!isJsonRequest(req)) return reject(res, 415, 'content type must be application/json');
    const authorization = req.headers.authorization;
    const verdict = adapter.edge.guard?.(authorization);
    if (verdict && !verdict.ok) return reject(res, 401, 'unauthorized', { check: verdict.reason });
    const body = await readBody(req, MAX_ACTIVITY_BYTES);
    if (body === 'aborted') return;
    if (body === 'too large') {
      res.header('Connection', 'close');
      return reject(res, 413, `request body must be at most ${MAX_ACTIVITY_BYTES} bytes`);
    }
    const parsed = parseJsonObject(body);
    if (!parsed) return reject(res, 400, 'body must be a JSON object');
    const checked = activitySchema.safeParse(parsed);
    if (!checked.success) {
      const fields = invalidFields(checked.error);
      logger.debug('bot request rejected', { status: 400, reason: 'invalid activity', fields });
      res.send(400, { error: 'invalid activity', fields });
      return;
    }
    const activity = checked.data as unknown as Activity;
    fixTimestamps(activity as unknown as Record<string, unknown>);
    const auth = await adapter.authenticate(activity, authorization ?? '');
    if (!auth.ok) {
      if (auth.status === 503) logger.warn('bot authentication unavailable', {});
      return reject(res, auth.status, auth.status === 401 ? 'unauthorized' : 'try again later', {
        check: auth.reason,
      });
    }
    try {
      const response = await adapter.run(auth.result, activity, handler);
      const status = response?.status ?? 200;
      if (response?.body !== undefined) res.send(status, response.body);
      else res.send(status);
    } catch (err) {
      logger.error('activity failed outside the turn', { activityType: activity.type, error: err });
      res.send(500, { error: 'internal error' });
    }
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
      ...options.about,
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

/** `application/json`, optionally with `charset=utf-8`; no content encoding (no zip bombs). */
function isJsonRequest(req: IncomingMessage): boolean {
  const [type, ...params] = (req.headers['content-type'] ?? '').split(';').map((p) => p.trim());
  if (type.toLowerCase() !== 'application/json') return false;
  const charsetOk = params.every((p) => !/^charset=/i.test(p) || /^charset="?utf-8"?$/i.test(p));
  const encoding = req.headers['content-encoding'];
  return charsetOk && (!encoding || encoding.toLowerCase() === 'identity');
}

/** The whole body in memory, or 'too large' as soon as it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve('too large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too large' | 'aborted') => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish('too large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onAbort = () => finish('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
