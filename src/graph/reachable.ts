/**
 * The readiness probe for Graph (GET /readyz, app/startApp.ts): any HTTP answer, even 401, means
 * Graph is reachable; only a network failure, a timeout or a 5xx means it is not.
 *
 * It goes over the same keep-alive agent as every Graph call (attempt.ts), for two reasons seen
 * in the bench's profiles (docs/performance.md): the first probe leaves an open connection that
 * the first command reuses, and the global `fetch` it used before loaded and initialised undici
 * on the first /readyz of the process (about a tenth of the cold start).
 */
import { attemptHttp } from './attempt';

export async function graphReachable(baseUrl: string, timeoutMs = 3000): Promise<boolean> {
  const raw = await attemptHttp(baseUrl, { method: 'GET', headers: {} }, timeoutMs);
  return raw.kind === 'response' && raw.status < 500;
}
