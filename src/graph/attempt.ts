/**
 * One HTTP attempt against Graph with a timeout: send, read the body, classify the result.
 * Never throws for HTTP or transport failures — the caller decides about retries.
 *
 * The default transport is `node:http(s)` over a keep-alive agent: a GET there costs well under
 * half the CPU of the global `fetch` (whose AbortSignal and web-stream plumbing dominate a small
 * JSON answer). Connections are reused the way undici's global pool reused them (idle sockets are
 * closed after 4 s, undici's default and below the 5 s a Node server keeps them), so the retry
 * rules see the same failures. A `fetch` given in the options is still honoured (`attemptFetch`).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** The response headers the client reads (`retry-after`, `request-id`). */
export interface AttemptHeaders {
  get(name: string): string | null;
}

export type RawAttempt =
  | { kind: 'response'; status: number; headers: AttemptHeaders; body: unknown }
  | { kind: 'timeout'; error: unknown }
  | { kind: 'network'; error: unknown };

/**
 * The body as JSON when it is JSON, otherwise the raw text (which then fails schema parsing and
 * surfaces as "data we could not read"), `undefined` when empty (204, 202).
 */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface AttemptInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export type Attempt = (url: string, init: AttemptInit, timeoutMs: number) => Promise<RawAttempt>;

/** Idle keep-alive sockets are closed after this long (undici's default; below Node's 5 s). */
const IDLE_SOCKET_MS = 4_000;
/** At most this many connections per Graph host and agent (a `list` reads up to 20 pages at once). */
const MAX_SOCKETS = 32;
const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS, timeout: IDLE_SOCKET_MS };
let agents: { http: HttpAgent; https: HttpsAgent } | undefined;
function sharedAgents() {
  agents ??= { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
  return agents;
}

function nodeHeaders(headers: IncomingHttpHeaders): AttemptHeaders {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * One attempt over the shared keep-alive agents. The timeout covers headers and body, as with
 * fetch, but it is one plain timer that destroys the request: no AbortController per attempt.
 */
export const attemptHttp: Attempt = (url, init, timeoutMs) =>
  new Promise<RawAttempt>((resolve) => {
    let settled = false;
    let timedOut = false;
    const done = (result: RawAttempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (error: unknown) =>
      done(timedOut ? { kind: 'timeout', error } : { kind: 'network', error });
    const secure = url.startsWith('https:');
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers['Content-Length'] = Buffer.byteLength(init.body);
    let req: ReturnType<typeof httpRequest>;
    try {
      req = secure
        ? httpsRequest(url, { method: init.method, headers, agent: sharedAgents().https })
        : httpRequest(url, { method: init.method, headers, agent: sharedAgents().http });
    } catch (error) {
      resolve({ kind: 'network', error }); // e.g. an invalid URL or header value (no timer yet)
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error(`Graph did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      // 'close' follows every answer, also a complete one: the Error (a stack trace) is only
      // built when the answer was cut off (this was 2% of a `list` turn's CPU, docs/performance.md).
      const cutOff = () => settled || fail(new Error('Graph closed the connection mid-answer'));
      res.on('aborted', cutOff);
      res.on('close', cutOff);
      res.on('end', () => {
        if (!res.complete) return fail(new Error('Graph closed the connection mid-answer'));
        done({
          kind: 'response',
          status: res.statusCode ?? 0,
          headers: nodeHeaders(res.headers),
          body: parseBody(Buffer.concat(chunks).toString('utf8')),
        });
      });
    });
    req.end(init.body);
  });

/** One attempt through a `fetch` function (when one is injected in the client options). */
export async function attemptFetch(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<RawAttempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await fetchFn(url, { ...init, signal: controller.signal });
    // Reading the body stays under the same timeout: a stalled body is as bad as no answer.
    const body = parseBody(await res.text());
    return { kind: 'response', status: res.status, headers: res.headers, body };
  } catch (error) {
    return timedOut ? { kind: 'timeout', error } : { kind: 'network', error };
  } finally {
    clearTimeout(timer);
  }
}
