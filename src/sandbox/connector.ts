/**
 * A loopback stand-in for the Bot Connector service: it receives what the bot sends
 * (replies, updates, new conversations) so tests and benchmarks can assert on it. Faults can
 * be queued to exercise the bot's delivery paths (429 with Retry-After, 403, 5xx).
 */
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** For PUT/DELETE the activity being changed; for POST …/activities/:id the replied-to id. */
  activityId?: string;
  /** The id the connector assigned (POST) or kept (PUT). */
  assignedId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  activity: any;
  time: number;
}

export interface ConnectorFault {
  status: number;
  retryAfterSeconds?: number;
  /** Only calls whose conversation id contains this. */
  conversationContains?: string;
  times: number;
}

export interface LoopbackConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  faults: ConnectorFault[];
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startLoopbackConnector(port = 0): Promise<LoopbackConnector> {
  const calls: ConnectorCall[] = [];
  const faults: ConnectorFault[] = [];

  const takeFault = (conversationId: string) => {
    const fault = faults.find(
      (f) =>
        f.times > 0 && (!f.conversationContains || conversationId.includes(f.conversationContains)),
    );
    if (fault) fault.times--;
    return fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const m = ROUTE.exec(url.pathname);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (!m || !['POST', 'PUT', 'DELETE'].includes(req.method ?? ''))
      return send(404, { error: { code: 'NotFound' } });
    const conversationId = m[1] ? decodeURIComponent(m[1]) : `conv-${randomUUID()}`;
    const fault = takeFault(conversationId);
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined
          ? { 'retry-after': String(fault.retryAfterSeconds) }
          : {};
      return send(
        fault.status,
        { error: { code: fault.status === 429 ? 'Throttled' : 'Fault', message: 'injected' } },
        headers,
      );
    }
    const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
    const assignedId = req.method === 'PUT' && activityId ? activityId : `act-${randomUUID()}`;
    calls.push({
      method: req.method as ConnectorCall['method'],
      conversationId,
      activityId,
      assignedId,
      activity: body ? JSON.parse(body) : undefined,
      time: Date.now(),
    });
    // POST /v3/conversations (create) answers with the new conversation id, the others with the activity id.
    send(
      m[1] ? 200 : 201,
      m[1] ? { id: assignedId } : { id: conversationId, activityId: assignedId },
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${actual}`,
    calls,
    faults,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
