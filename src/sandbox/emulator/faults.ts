/**
 * Fault injection for the sandbox: extra latency on every Graph response, and rules that make the
 * next N matching requests fail the way Graph fails under load (docs/graph-notes.md#throttling): 429 with
 * `Retry-After` and the documented throttling body, 503 (optionally with Retry-After) or 504; or
 * drop the connection without an answer, before or after the request is carried out.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import { newId } from './clock';
import { innerErrorDate, type Outcome, type RequestIds } from './graphErrors';
import type { FaultRule, FaultSpec, FaultsView } from './types';

export const FaultSpecSchema = z
  .strictObject({
    status: z.union([z.literal(429), z.literal(503), z.literal(504)]).optional(),
    drop: z.enum(['beforeStoring', 'afterStoring']).optional(),
    count: z.number().int().min(1).max(10_000).optional(),
    method: z.string().min(1).optional(),
    pathContains: z.string().min(1).optional(),
    retryAfterSeconds: z.number().min(0).max(3600).optional(),
  })
  .refine((spec) => (spec.status === undefined) !== (spec.drop === undefined), {
    message: 'give exactly one of status and drop',
  });

export const LatencySchema = z.strictObject({ ms: z.number().int().min(0).max(120_000) });

/** 429 defaults to Retry-After: 10, the value in the throttling doc's sample response. */
const DEFAULT_429_RETRY_AFTER = 10;

function parseSpec(spec: unknown): FaultSpec {
  const parsed = FaultSpecSchema.safeParse(spec);
  if (!parsed.success) {
    throw new AppError('bad_input', `Invalid fault: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export class FaultRegistry {
  private latencyMs = 0;
  private rules: FaultRule[] = [];

  setLatency(ms: number): void {
    const parsed = LatencySchema.safeParse({ ms });
    if (!parsed.success)
      throw new AppError(
        'bad_input',
        'Latency must be a whole number of milliseconds from 0 to 120000.',
      );
    this.latencyMs = parsed.data.ms;
  }

  get latency(): number {
    return this.latencyMs;
  }

  add(spec: unknown): FaultRule {
    const valid = parseSpec(spec);
    const rule: FaultRule = {
      id: newId(),
      status: valid.status,
      drop: valid.drop,
      remaining: valid.count ?? 1,
      method: valid.method?.toUpperCase(),
      pathContains: valid.pathContains,
      retryAfterSeconds:
        valid.retryAfterSeconds ?? (valid.status === 429 ? DEFAULT_429_RETRY_AFTER : undefined),
    };
    this.rules.push(rule);
    return { ...rule };
  }

  clear(): void {
    this.latencyMs = 0;
    this.rules = [];
  }

  view(): FaultsView {
    return { latencyMs: this.latencyMs, rules: this.rules.map((r) => ({ ...r })) };
  }

  /** The first rule matching this request, used up by one; undefined when none matches. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.method === undefined || r.method === method.toUpperCase()) &&
        (r.pathContains === undefined || path.toLowerCase().includes(r.pathContains.toLowerCase())),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }
}

/** The documented throttling body (docs/graph-notes.md#throttling), key order included. */
function throttledBody(ids: RequestIds) {
  return {
    error: {
      code: 'TooManyRequests',
      innerError: {
        code: '429',
        date: innerErrorDate(),
        message: 'Please retry after',
        'request-id': ids.requestId,
        status: '429',
      },
      message: 'Please retry again later.',
    },
  };
}

function unavailableBody(status: 503 | 504, ids: RequestIds) {
  const [code, message] =
    status === 503
      ? ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.']
      : ['gatewayTimeout', 'The gateway timed out waiting for the service. Please retry later.'];
  return {
    error: {
      code,
      message,
      innerError: {
        'request-id': ids.requestId,
        date: innerErrorDate(),
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** The answer of a `status` rule (a `drop` rule answers nothing: graphServer.ts). */
export function faultOutcome(
  rule: FaultRule & Required<Pick<FaultRule, 'status'>>,
  ids: RequestIds,
): Outcome {
  const headers: Record<string, string> = {};
  if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rule.retryAfterSeconds);
  const body = rule.status === 429 ? throttledBody(ids) : unavailableBody(rule.status, ids);
  return { status: rule.status, body, headers };
}
