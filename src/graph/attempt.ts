/**
 * One HTTP attempt against Graph with a timeout: fetch, read the body, classify the result.
 * Never throws for HTTP or transport failures — the caller decides about retries.
 */
export type RawAttempt =
  | { kind: 'response'; status: number; headers: Headers; body: unknown }
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

export async function attemptOnce(
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
