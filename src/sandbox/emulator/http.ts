/**
 * Low-level HTTP for the emulator: reading a bounded request body, parsing JSON bodies the way
 * the docs require (POST/PATCH: `Content-Type: application/json`, docs/graph-notes.md#operations), request ids, and
 * writing an Outcome with Graph's `request-id` / `client-request-id` headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newId } from './clock';
import { GraphError, badRequest, type Outcome, type RequestIds } from './graphErrors';

const MAX_BODY_BYTES = 1024 * 1024;

export function requestIdsOf(req: IncomingMessage): RequestIds {
  const requestId = newId();
  const sent = req.headers['client-request-id'];
  const clientRequestId = typeof sent === 'string' && sent.trim() ? sent.trim() : requestId;
  return { requestId, clientRequestId };
}

/** Reads the whole body (so the connection stays usable even when the answer is an error). */
export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) {
    throw new GraphError(
      413,
      'requestEntityTooLarge',
      `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    );
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The JSON body of a POST/PATCH, or undefined when there is none. A body without
 * `Content-Type: application/json` is a 415; text that is not JSON is a 400.
 */
export function parseJsonBody(req: IncomingMessage, raw: string): unknown {
  if (raw.trim() === '') return undefined;
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new GraphError(
      415,
      'unsupportedMediaType',
      `The request body must be sent with 'Content-Type: application/json' (got '${req.headers['content-type'] ?? 'none'}').`,
    );
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw badRequest(`The request body is not valid JSON: ${(err as Error).message}`);
  }
}

export function writeOutcome(res: ServerResponse, outcome: Outcome, ids: RequestIds): void {
  const headers: Record<string, string> = {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    ...outcome.headers,
  };
  if (outcome.body === undefined) {
    res.writeHead(outcome.status, { ...headers, 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
