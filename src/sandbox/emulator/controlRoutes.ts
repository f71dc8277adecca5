/**
 * Sandbox control endpoint — NOT part of Microsoft Graph. No auth; answers loopback callers only
 * (403 otherwise). Bodies are JSON. Same operations as GraphEmulator.control (control.ts).
 *
 *   GET    /_sandbox/health                        200 {"ok":true}
 *   GET    /_sandbox/state                         200 stored state (passwords only as SHA-256 hashes)
 *   POST   /_sandbox/reset                         204 state back to the seed data (empty if seed=false); faults cleared
 *   POST   /_sandbox/flows/{flowId}/readiness      {"status":"failed"} → 204; forces readinessStatus
 *                                                  (notReady|ready|failed|disabled|expired); 404 unknown flow
 *   PUT    /_sandbox/faults/latency                {"ms":250} → 204; added before every Graph response (0 = off)
 *   POST   /_sandbox/faults                        {"status":429|503|504,"count":2,"method":"PATCH",
 *                                                  "pathContains":"/provisioningFlows","retryAfterSeconds":3}
 *                                                  → 201 the rule; the next `count` matching Graph requests fail;
 *                                                  or {"drop":"beforeStoring"|"afterStoring",…}: the connection
 *                                                  is closed unanswered, before or after the request is carried out
 *   GET    /_sandbox/faults                        200 {"latencyMs":0,"rules":[…]}
 *   DELETE /_sandbox/faults                        204 latency and every rule removed
 *   GET    /_sandbox/requests                      200 {"value":[request records, in order]}
 *   DELETE /_sandbox/requests                      204 request log cleared
 *   GET    /_sandbox/runs                          200 the run history, schedule, start budget and forced outcome
 *   PUT    /_sandbox/runs/next-outcome             {"status":"failed","blockingError":{"code","message"}} → 204;
 *                                                  the next run to end (the running one, if any) ends so
 *   DELETE /_sandbox/runs/next-outcome             204 runs end as planned again
 *   POST   /_sandbox/runs/finish                   200 {"run"}: the running run ends now; 404 when none runs
 *   POST   /_sandbox/runs/scheduled                201 {"run"}: a scheduled run starts now; 409 while one runs
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../errors';
import type { Logger } from '../../log';
import { LatencySchema } from './faults';
import { GraphError } from './graphErrors';
import { readRawBody } from './http';
import type { EmulatorControl } from './types';

interface Reply {
  status: number;
  body?: unknown;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function jsonBody(raw: string): unknown {
  try {
    return raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw new AppError('bad_input', 'The control request body is not valid JSON.');
  }
}

function dispatch(method: string, parts: string[], raw: string, control: EmulatorControl): Reply {
  const route = `${method} ${parts.map((p, i) => (i === 1 && parts[0] === 'flows' ? '{id}' : p)).join('/')}`;
  switch (route) {
    case 'GET health':
      return { status: 200, body: { ok: true } };
    case 'GET state':
      return { status: 200, body: control.snapshot() };
    case 'POST reset':
      control.resetState();
      return { status: 204 };
    case 'POST flows/{id}/readiness': {
      const { status } = jsonBody(raw) as { status?: unknown };
      control.setReadiness(parts[1] ?? '', status as never);
      return { status: 204 };
    }
    case 'PUT faults/latency': {
      const parsed = LatencySchema.safeParse(jsonBody(raw));
      if (!parsed.success) throw new AppError('bad_input', 'Send {"ms": <0..120000>}.');
      control.setLatency(parsed.data.ms);
      return { status: 204 };
    }
    case 'POST faults':
      return { status: 201, body: control.addFault(jsonBody(raw) as never) };
    case 'GET faults':
      return { status: 200, body: control.faults() };
    case 'DELETE faults':
      control.clearFaults();
      return { status: 204 };
    case 'GET requests':
      return { status: 200, body: { value: control.requests() } };
    case 'DELETE requests':
      control.clearRequests();
      return { status: 204 };
    default:
      return runRoute(route, raw, control) ?? unknownRoute(method, parts);
  }
}

function runRoute(route: string, raw: string, control: EmulatorControl): Reply | undefined {
  switch (route) {
    case 'GET runs':
      return { status: 200, body: control.runs() };
    case 'PUT runs/next-outcome':
      control.forceNextRunOutcome(jsonBody(raw) as never);
      return { status: 204 };
    case 'DELETE runs/next-outcome':
      control.forceNextRunOutcome(null);
      return { status: 204 };
    case 'POST runs/finish':
      return { status: 200, body: { run: control.finishRunningRun() } };
    case 'POST runs/scheduled':
      return { status: 201, body: { run: control.startScheduledRun() } };
    default:
      return undefined;
  }
}

function unknownRoute(method: string, parts: string[]): Reply {
  return {
    status: 404,
    body: {
      error: {
        code: 'notFound',
        message: `No sandbox control route ${method} /_sandbox/${parts.join('/')}.`,
      },
    },
  };
}

function replyOf(err: unknown, logger: Logger): Reply {
  if (err instanceof AppError) {
    const status = err.code === 'not_found' ? 404 : err.code === 'conflict' ? 409 : 400;
    return { status, body: { error: { code: err.code, message: err.userMessage } } };
  }
  if (err instanceof GraphError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  }
  logger.error('sandbox control request failed', { error: err });
  return { status: 500, body: { error: { code: 'internal', message: 'Control request failed.' } } };
}

export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  control: EmulatorControl,
  logger: Logger,
): Promise<void> {
  let reply: Reply;
  try {
    const raw = await readRawBody(req);
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      reply = {
        status: 403,
        body: {
          error: {
            code: 'forbidden',
            message: 'The sandbox control endpoint answers loopback callers only.',
          },
        },
      };
    } else {
      const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
      const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
      reply = dispatch((req.method ?? 'GET').toUpperCase(), parts, raw, control);
    }
  } catch (err) {
    reply = replyOf(err, logger);
  }
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(
    reply.status,
    reply.body === undefined
      ? { 'Content-Length': '0' }
      : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) },
  );
  res.end(text);
}
