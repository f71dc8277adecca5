/**
 * Sends one logical Graph request: headers, per-attempt timeout, retries within a deadline
 * (rules in retry.ts), one structured log line per attempt, and errors mapped to AppError.
 */
import { randomUUID } from 'node:crypto';
import { toAppError } from '../errors';
import { logs, type Logger } from '../log';
import { attemptFetch, attemptHttp, type Attempt, type RawAttempt } from './attempt';
import { attemptError } from './failure';
import { pathForLog } from './paths';
import { tracedAttempt } from './spans';
import {
  DEFAULT_TIMEOUT_MS,
  RETRY_DEFAULTS,
  isAmbiguous,
  parseRetryAfter,
  planRetry,
  type AttemptOutcome,
} from './retry';
import type { GraphClientOptions, GraphRequest, RetryOptions, TokenProvider } from './types';

export type { GraphRequest };

export interface GraphResponse {
  status: number;
  body: unknown;
  /** Graph's `request-id`, or our `client-request-id` when Graph sent none. */
  requestId: string;
  /** The `Location` header of a success (the operation of a 202 start), when there was one. */
  location?: string;
}

export type SendGraphRequest = (
  token: TokenProvider,
  request: GraphRequest,
) => Promise<GraphResponse>;

interface Settings {
  baseUrl: string;
  attempt: Attempt;
  logger?: Logger;
  successLogLevel: 'info' | 'debug';
  retry: Required<RetryOptions>;
  timeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function bearer(token: TokenProvider): Promise<string> {
  try {
    return await token();
  } catch (err) {
    throw toAppError(err); // identity errors (sign-in/consent) are AppErrors already
  }
}

async function buildInit(
  req: GraphRequest,
  token: TokenProvider,
  clientRequestId: string,
  attempt: number,
) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${await bearer(token)}`,
    Accept: 'application/json',
    'client-request-id': clientRequestId,
  };
  // Same header the Graph SDKs' retry handler sends, so Graph can tell retries apart.
  if (attempt > 1) headers['Retry-Attempt'] = String(attempt - 1);
  if (req.body === undefined) return { method: req.method, headers };
  headers['Content-Type'] = 'application/json';
  return { method: req.method, headers, body: JSON.stringify(req.body) };
}

function toOutcome(raw: RawAttempt): AttemptOutcome {
  if (raw.kind !== 'response') return { kind: raw.kind };
  const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), Date.now());
  return { kind: 'response', status: raw.status, retryAfterMs };
}

/** The line is built only when the logger writes it: most attempts succeed at a level that is off. */
function logAttempt(
  s: Settings,
  req: GraphRequest,
  raw: RawAttempt,
  fields: () => Record<string, unknown>,
) {
  const status = raw.kind === 'response' ? raw.status : undefined;
  const level = status !== undefined && status < 400 ? s.successLogLevel : 'warn';
  if (!logs(s.logger, level)) return;
  s.logger[level]('graph request', {
    method: req.method,
    path: pathForLog(s.baseUrl, req.url),
    status,
    ...(raw.kind === 'response' ? {} : { failure: raw.kind }),
    ...fields(),
  });
}

async function send(s: Settings, token: TokenProvider, req: GraphRequest): Promise<GraphResponse> {
  const started = Date.now();
  const clientRequestId = randomUUID();
  let maybeDone = false; // an earlier attempt may have been carried out without us hearing back
  for (let attempt = 1; ; attempt++) {
    const init = await buildInit(req, token, clientRequestId, attempt);
    const remaining = Math.max(1, s.retry.deadlineMs - (Date.now() - started));
    const t0 = Date.now();
    const raw = await tracedAttempt(
      { baseUrl: s.baseUrl, method: req.method, url: req.url, attempt, clientRequestId },
      () => s.attempt(req.url, init, Math.min(s.timeoutMs, remaining)),
    );
    const requestId = (raw.kind === 'response' && raw.headers.get('request-id')) || clientRequestId;
    const durationMs = Date.now() - t0;
    logAttempt(s, req, raw, () => ({ requestId, clientRequestId, attempt, durationMs }));
    if (raw.kind === 'response' && raw.status < 400) {
      const location = raw.headers.get('location') ?? undefined;
      return { status: raw.status, body: raw.body, requestId, ...(location ? { location } : {}) };
    }
    // A retried DELETE that finds nothing: the earlier, unanswered attempt did the delete.
    if (req.method === 'DELETE' && maybeDone && raw.kind === 'response' && raw.status === 404) {
      return { status: 204, body: undefined, requestId };
    }
    const outcome = toOutcome(raw);
    const plan = planRetry({
      method: req.method,
      outcome,
      attempt,
      elapsedMs: Date.now() - started,
      options: s.retry,
    });
    if (!plan.retry) {
      const path = pathForLog(s.baseUrl, req.url);
      throw attemptError(req, raw, outcome, { requestId, clientRequestId, path });
    }
    maybeDone ||= isAmbiguous(outcome);
    await sleep(plan.delayMs);
  }
}

export function createHttp(options: GraphClientOptions): SendGraphRequest {
  const fetchFn = options.fetch;
  const settings: Settings = {
    baseUrl: options.baseUrl,
    attempt: fetchFn
      ? (url, init, timeoutMs) => attemptFetch(fetchFn, url, init, timeoutMs)
      : attemptHttp,
    logger: options.logger,
    successLogLevel: options.successLogLevel ?? 'info',
    retry: { ...RETRY_DEFAULTS, ...definedOnly(options.retry ?? {}) },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return (token, req) => send(settings, token, req);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
