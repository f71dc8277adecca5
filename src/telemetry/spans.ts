/** Span helpers over the OpenTelemetry API (no-ops while no tracer provider is registered). */
import {
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';

export { SpanKind, SpanStatusCode };
export type { Attributes, Span };

/** The instrumentation scope of every span and instrument of this app. */
export const SCOPE = 'sds-flow-admin';

let cachedTracer: Tracer | undefined;
/** The tracer of the registered provider (the API's no-op one when none is). */
export function tracer(): Tracer {
  cachedTracer ??= trace.getTracer(SCOPE);
  return cachedTracer;
}

/** Forgets the tracer: setup.ts calls it whenever a provider is registered or removed. */
export function forgetTracer(): void {
  cachedTracer = undefined;
}

/**
 * Runs `fn` inside a new active span (so spans started below it, e.g. Graph calls, are its
 * children), ends it, and records a thrown error on it. `attributes` is called only when the
 * span records: with telemetry off it costs nothing.
 */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: () => Attributes },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL },
    async (span) => {
      if (options.attributes && span.isRecording()) span.setAttributes(options.attributes());
      try {
        return await fn(span);
      } catch (err) {
        if (span.isRecording()) markFailed(span, err);
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/** Sets attributes on the active span, building them only when it records. */
export function annotateActiveSpan(attributes: () => Attributes): void {
  const span = trace.getActiveSpan();
  if (span?.isRecording()) span.setAttributes(attributes());
}

/** Marks a span failed with the error's kind (never its message: it may quote user input). */
export function markFailed(span: Span, err: unknown): void {
  const code = (err as { code?: unknown })?.code;
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', typeof code === 'string' ? code : errorName(err));
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

/** The trace id of the active span when it is sampled, for error cards and support. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, traceFlags } = span.spanContext();
  return traceFlags & 1 ? traceId : undefined;
}
