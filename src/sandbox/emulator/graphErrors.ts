/**
 * Graph-style errors (docs/graph-notes.md#errors): one top-level `error` object with `code`, a developer
 * `message` that says which property or resource and why, optional `details`, and an
 * `innerError` carrying `request-id`, `date` and `client-request-id`.
 */

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** What a handler returns (or a fault, or an error) before it is written to the socket. */
export interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { headers?: Record<string, string>; details?: ErrorDetail[] } = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]): GraphError =>
  new GraphError(400, 'badRequest', message, { details });

export const notFound = (message: string): GraphError =>
  new GraphError(404, 'itemNotFound', message);

export const accessDenied = (message: string): GraphError =>
  new GraphError(403, 'accessDenied', message);

/** Graph's innerError date has no fractional seconds (docs/graph-notes.md#errors example `2021-07-02T01:40:19`). */
export function innerErrorDate(now = new Date()): string {
  return now.toISOString().slice(0, 19);
}

export function errorOutcome(err: GraphError, ids: RequestIds): Outcome {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.extra.details?.length) error.details = err.extra.details;
  error.innerError = {
    'request-id': ids.requestId,
    date: innerErrorDate(),
    'client-request-id': ids.clientRequestId,
  };
  return { status: err.status, body: { error }, headers: err.extra.headers };
}
