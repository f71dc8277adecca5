/**
 * A loopback stand-in for the Bot Connector service: it receives what the bot sends
 * (replies, updates, new conversations) so tests and benchmarks can assert on it. Faults can
 * be queued to exercise the bot's delivery paths (429 with Retry-After, 403, 5xx), including the
 * ones where the bot cannot know the outcome: the post lands but the answer is a 5xx
 * (`acceptThenFail`) or never comes (`acceptThenHang`). `latencyMs` delays every answer.
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
  /**
   * `refuse` (default): answer `status`, record nothing (the call was not processed).
   * `acceptThenFail`: record the call (it was posted), then answer `status` anyway.
   * `acceptThenHang`: record the call, then never answer (until the caller gives up or close()).
   */
  mode?: 'refuse' | 'acceptThenFail' | 'acceptThenHang';
}

export interface LoopbackConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  faults: ConnectorFault[];
  /** Added before handling every call (0 = none). A caller that disconnects meanwhile is not recorded. */
  latencyMs: number;
  /**
   * Typing indicators, in order. They are not in `calls` (they carry nothing to assert on) and
   * faults and ids do not apply to them.
   */
  typing: ConnectorCall[];
  /** Calls answered by a `refuse` fault, in order (they are not in `calls`). */
  refused: Array<{ conversationId: string; status: number; time: number }>;
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
  const typing: ConnectorCall[] = [];
  const faults: ConnectorFault[] = [];
  const refused: LoopbackConnector['refused'] = [];
  const hanging = new Set<ServerResponse>();
  const state = { latencyMs: 0 };

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
    if (state.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
      if (res.destroyed || req.socket.destroyed) return; // the caller gave up: never processed
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const m = ROUTE.exec(url.pathname);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (!m || !['POST', 'PUT', 'DELETE'].includes(req.method ?? ''))
      return send(404, { error: { code: 'NotFound' } });
    const conversationId = m[1] ? decodeURIComponent(m[1]) : `conv-${randomUUID()}`;
    const parsed = body ? JSON.parse(body) : undefined;
    if (req.method === 'POST' && parsed?.type === 'typing') {
      const assignedId = `typing-${randomUUID()}`;
      typing.push({
        method: 'POST',
        conversationId,
        assignedId,
        activity: parsed,
        time: Date.now(),
      });
      return send(201, { id: assignedId });
    }
    const fault = takeFault(conversationId);
    const answerFault = (f: ConnectorFault) => {
      const headers: Record<string, string> =
        f.retryAfterSeconds !== undefined ? { 'retry-after': String(f.retryAfterSeconds) } : {};
      send(
        f.status,
        { error: { code: f.status === 429 ? 'Throttled' : 'Fault', message: 'injected' } },
        headers,
      );
    };
    if (fault && (fault.mode ?? 'refuse') === 'refuse') {
      refused.push({ conversationId, status: fault.status, time: Date.now() });
      return answerFault(fault);
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
    if (fault?.mode === 'acceptThenFail') return answerFault(fault);
    if (fault?.mode === 'acceptThenHang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
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
    typing,
    faults,
    refused,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
