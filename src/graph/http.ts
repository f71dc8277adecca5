/**
 * Sends one logical Graph request: headers, per-attempt timeout, retries within a deadline
 * (rules in retry.ts), one structured log line per attempt, and errors mapped to AppError.
 */
import { randomUUID } from 'node:crypto';
import { toAppError } from '../errors';
import type { Logger } from '../log';
import { attemptOnce, type RawAttempt } from './attempt';
import { attemptError } from './failure';
import { pathForLog } from './paths';
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
}

export type SendGraphRequest = (
  token: TokenProvider,
  request: GraphRequest,
) => Promise<GraphResponse>;

interface Settings {
  baseUrl: string;
  fetchFn: typeof fetch;
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

function logAttempt(
  s: Settings,
  req: GraphRequest,
  raw: RawAttempt,
  fields: Record<string, unknown>,
) {
  const status = raw.kind === 'response' ? raw.status : undefined;
  const line = {
    method: req.method,
    path: pathForLog(s.baseUrl, req.url),
    status,
    ...(raw.kind === 'response' ? {} : { failure: raw.kind }),
    ...fields,
  };
  if (status !== undefined && status < 400) s.logger?.[s.successLogLevel]('graph request', line);
  else s.logger?.warn('graph request', line);
}

async function send(s: Settings, token: TokenProvider, req: GraphRequest): Promise<GraphResponse> {
  const started = Date.now();
  const clientRequestId = randomUUID();
  const path = pathForLog(s.baseUrl, req.url);
  let maybeDone = false; // an earlier attempt may have been carried out without us hearing back
  for (let attempt = 1; ; attempt++) {
    const init = await buildInit(req, token, clientRequestId, attempt);
    const remaining = Math.max(1, s.retry.deadlineMs - (Date.now() - started));
    const t0 = Date.now();
    const raw = await attemptOnce(s.fetchFn, req.url, init, Math.min(s.timeoutMs, remaining));
    const requestId = (raw.kind === 'response' && raw.headers.get('request-id')) || clientRequestId;
    logAttempt(s, req, raw, { requestId, clientRequestId, attempt, durationMs: Date.now() - t0 });
    if (raw.kind === 'response' && raw.status < 400)
      return { status: raw.status, body: raw.body, requestId };
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
    if (!plan.retry) throw attemptError(req, raw, outcome, { requestId, clientRequestId, path });
    maybeDone ||= isAmbiguous(outcome);
    await sleep(plan.delayMs);
  }
}

export function createHttp(options: GraphClientOptions): SendGraphRequest {
  const settings: Settings = {
    baseUrl: options.baseUrl,
    fetchFn: options.fetch ?? globalThis.fetch,
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
