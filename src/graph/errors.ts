/**
 * Turns a failed Graph call into the AppError the user sees. Graph's `error.message` is developer
 * text (docs/graph-notes.md#errors), so it is only shown where it explains what the user did (400/409/422) and
 * always as a quote; `error.code` goes into the cause for logs, never into the user message.
 */
import { AppError } from '../errors';
import { GraphErrorBody } from '../domain/flowSchemas';
import type { HttpMethod, OperationContext } from './types';

export type { OperationContext };

/** The cause attached to every Graph AppError: enough to find the call in Graph's own logs. */
export class GraphCallError extends Error {
  constructor(
    message: string,
    readonly details: {
      method: HttpMethod;
      path: string;
      clientRequestId: string;
      status?: number;
      graphCode?: string;
      innerCode?: string;
      transport?: 'timeout' | 'network';
      /** Graph's `Retry-After` of the last answer, in milliseconds, when it sent one. */
      retryAfterMs?: number;
    },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphCallError';
  }
}

export interface GraphErrorInfo {
  code?: string;
  message?: string;
  innerCode?: string;
}

/** Reads Graph's error body; tolerates bodies that are not Graph's shape (proxies, HTML). */
export function readGraphError(body: unknown): GraphErrorInfo {
  const parsed = GraphErrorBody.safeParse(body);
  if (!parsed.success) return {};
  const { code, message, innerError, innererror } = parsed.data.error;
  const inner = innerError ?? innererror;
  const innerCode = typeof inner?.code === 'string' ? inner.code : undefined;
  return { code, message, innerCode };
}

/** Graph's message as one readable sentence: single-spaced, bounded, ending in a full stop. */
export function plainGraphMessage(message: string | undefined): string | undefined {
  const text = message?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const short = text.length > 300 ? `${text.slice(0, 297)}…` : text;
  return /[.!?…]$/.test(short) ? short : `${short}.`;
}

const said = (message: string | undefined): string => {
  const plain = plainGraphMessage(message);
  return plain ? ` Microsoft Graph said: "${plain}"` : '';
};

/** Maps an HTTP error answer (after retries, if any) to an AppError. */
export function mapHttpError(args: {
  status: number;
  body: unknown;
  requestId: string;
  context: OperationContext;
  retryAfterMs?: number;
  cause: GraphCallError;
}): AppError {
  const { status, requestId, context, cause } = args;
  const info = readGraphError(args.body);
  const base = { requestId, status, cause };
  if (status === 404 || status === 410) {
    return new AppError(
      'not_found',
      `The ${context.what} was not found. It may have been deleted, or the id is wrong.`,
      base,
    );
  }
  if (status === 401) {
    return new AppError(
      'forbidden',
      `Microsoft Graph did not accept your sign-in. Sign in again; you need the ${context.permission} permission.`,
      base,
    );
  }
  if (status === 403) {
    return new AppError(
      'forbidden',
      `Microsoft Graph refused this: you need the ${context.permission} permission (consented for your organization) and an admin role such as Global Administrator.`,
      base,
    );
  }
  if (status === 409 || status === 412) {
    return new AppError(
      'conflict',
      `The ${context.what} was changed by someone else or already exists.${said(info.message)}`,
      base,
    );
  }
  if (status === 400 || status === 422) {
    return new AppError(
      'validation',
      `Microsoft Graph did not accept the ${context.what}.${said(info.message)}`,
      base,
    );
  }
  return mapUnavailable(status, args.retryAfterMs, base);
}

function mapUnavailable(
  status: number,
  retryAfterMs: number | undefined,
  base: { requestId: string; status: number; cause: GraphCallError },
): AppError {
  if (status === 429) {
    const seconds = retryAfterMs ? Math.ceil(retryAfterMs / 1000) : 0;
    const wait = seconds
      ? ` in about ${seconds} second${seconds === 1 ? '' : 's'}`
      : ' in a minute';
    return new AppError(
      'throttled',
      `Microsoft Graph is busy and asked us to slow down. Try again${wait}.`,
      { ...base, retryable: true },
    );
  }
  if (status >= 500) {
    return new AppError(
      'unavailable',
      `Microsoft Graph is not available right now (HTTP ${status}). Try again in a moment.`,
      { ...base, retryable: true },
    );
  }
  return new AppError(
    'internal',
    `Microsoft Graph could not handle our request (HTTP ${status}). The details are in the bot log.`,
    base,
  );
}

/**
 * A request that got no usable answer: a timeout or a connection error, or a 5xx to a POST.
 * When the request was a POST (create, reset) Graph may have done it, so the user is told to look
 * before trying again, and the error is not marked retryable. Any write that got no answer is
 * marked `outcomeUnknown`: the change pipeline settles it by reading Graph (approvals/sweep.ts).
 */
export function mapNoAnswer(args: {
  transport: 'timeout' | 'network' | 'http';
  ambiguousWrite: boolean;
  /** The request was a write (not a GET): whether it took effect is unknown (outcomeUnknown). */
  write?: boolean;
  requestId: string;
  status?: number;
  context: OperationContext;
  cause: GraphCallError;
}): AppError {
  const { requestId, status, cause } = args;
  const what =
    args.transport === 'timeout'
      ? 'Microsoft Graph did not answer in time.'
      : args.transport === 'network'
        ? 'We could not reach Microsoft Graph.'
        : `Microsoft Graph failed to answer (HTTP ${status}).`;
  if (args.ambiguousWrite) {
    return new AppError(
      'unavailable',
      `${what} The change may or may not have been made: check the ${args.context.what} before trying again.`,
      { requestId, status, cause, retryable: false, outcomeUnknown: true },
    );
  }
  return new AppError('unavailable', `${what} Try again in a moment.`, {
    requestId,
    status,
    cause,
    retryable: true,
    outcomeUnknown: args.write ?? false,
  });
}

/** A success answer whose body does not match the documented schema. */
export function unreadableResponse(requestId: string, cause: unknown): AppError {
  return new AppError('internal', 'Graph returned data we could not read.', { requestId, cause });
}
