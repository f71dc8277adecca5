/**
 * Recognising a refused run start. The docs name neither answer
 * (industrydata-industrydatarun-start.md documents the limit of 5 successful runs per 12 hours but
 * not its error, and says nothing of a start while a run is running), so the rules are broad:
 *  - 409 → a run is in progress;
 *  - 429 whose `Retry-After` is a minute or more, or whose code speaks of a limit → the limit;
 *    `retryAt` is when Graph said to come back (ordinary throttling asks for seconds and is
 *    retried by the client before it ever surfaces).
 * The emulator answers exactly these (src/sandbox/emulator/README.md).
 */
import { AppError } from '../errors';
import { GraphCallError } from './errors';

export type RunStartRefusal = { kind: 'running' } | { kind: 'limit'; retryAt?: Date };

const LIMIT_AFTER_MS = 60_000;

function callOf(err: AppError): GraphCallError | undefined {
  let cause: unknown = err.cause;
  // A mapped start error wraps the original AppError: look one level further.
  if (cause instanceof AppError) cause = cause.cause;
  return cause instanceof GraphCallError ? cause : undefined;
}

/** What kind of refusal an error from `startRun` is, or undefined when it is another failure. */
export function runStartRefusal(err: unknown, nowMs = Date.now()): RunStartRefusal | undefined {
  if (!(err instanceof AppError)) return undefined;
  const call = callOf(err);
  if (!call || call.details.method !== 'POST') return undefined;
  const { status, retryAfterMs, graphCode, innerCode } = call.details;
  if (status === 409) return { kind: 'running' };
  if (status !== 429) return undefined;
  const codes = `${graphCode ?? ''} ${innerCode ?? ''}`.toLowerCase();
  const long = retryAfterMs !== undefined && retryAfterMs >= LIMIT_AFTER_MS;
  if (!long && !codes.includes('limit')) return undefined;
  return {
    kind: 'limit',
    ...(retryAfterMs !== undefined ? { retryAt: new Date(nowMs + retryAfterMs) } : {}),
  };
}
