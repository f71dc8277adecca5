/**
 * The AppError for the last failed attempt of a request: builds the cause (method, path,
 * client-request-id, Graph's error code) and picks the mapping — "no usable answer" for
 * transport failures and for 5xx to a POST (the write may have happened), HTTP mapping otherwise.
 */
import type { AppError } from '../errors';
import type { RawAttempt } from './attempt';
import { GraphCallError, mapHttpError, mapNoAnswer, readGraphError } from './errors';
import type { GraphRequest } from './types';
import { isAmbiguous, type AttemptOutcome } from './retry';

export function attemptError(
  req: GraphRequest,
  raw: RawAttempt,
  outcome: AttemptOutcome,
  ids: { requestId: string; clientRequestId: string; path: string },
): AppError {
  const status = raw.kind === 'response' ? raw.status : undefined;
  const retryAfterMs = outcome.kind === 'response' ? outcome.retryAfterMs : undefined;
  const info = raw.kind === 'response' ? readGraphError(raw.body) : {};
  const cause = new GraphCallError(
    `${req.method} ${ids.path} failed: ${status ?? raw.kind}${info.code ? ` ${info.code}` : ''}`,
    {
      method: req.method,
      path: ids.path,
      clientRequestId: ids.clientRequestId,
      status,
      graphCode: info.code,
      innerCode: info.innerCode,
      transport: raw.kind === 'response' ? undefined : raw.kind,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
    { cause: raw.kind === 'response' ? undefined : raw.error },
  );
  const ambiguousWrite = req.method === 'POST' && isAmbiguous(outcome);
  if (raw.kind !== 'response' || (ambiguousWrite && raw.status >= 500)) {
    const transport = raw.kind === 'response' ? 'http' : raw.kind;
    return mapNoAnswer({
      transport,
      ambiguousWrite,
      write: req.method !== 'GET',
      requestId: ids.requestId,
      status,
      context: req.context,
      cause,
    });
  }
  return mapHttpError({
    status: raw.status,
    body: raw.body,
    requestId: ids.requestId,
    context: req.context,
    retryAfterMs,
    cause,
  });
}
