/**
 * A client span per Graph HTTP attempt, named "{method} {route template}" as the OpenTelemetry
 * HTTP conventions ask (https://opentelemetry.io/docs/specs/semconv/http/http-spans/), with the
 * Graph `request-id` an admin quotes to Microsoft support, and the Graph metrics. Skipped
 * entirely while telemetry is off.
 */
import {
  SpanKind,
  SpanStatusCode,
  inSpan,
  instruments,
  telemetryOn,
  type Span,
} from '../telemetry';
import type { RawAttempt } from './attempt';
import { routeTemplate } from './route';

interface AttemptInfo {
  baseUrl: string;
  method: string;
  url: string;
  attempt: number;
  clientRequestId: string;
}

export function tracedAttempt(
  info: AttemptInfo,
  run: () => Promise<RawAttempt>,
): Promise<RawAttempt> {
  if (!telemetryOn()) return run();
  const route = routeTemplate(info.baseUrl, info.url);
  const server = new URL(info.baseUrl);
  return inSpan(
    `${info.method} ${route}`,
    {
      kind: SpanKind.CLIENT,
      attributes: () => ({
        'http.request.method': info.method,
        'url.template': route,
        'server.address': server.hostname,
        ...(server.port && { 'server.port': Number(server.port) }),
        'graph.attempt': info.attempt,
        'http.request.resend_count': info.attempt - 1,
        'graph.client_request_id': info.clientRequestId,
      }),
    },
    async (span) => {
      const raw = await run();
      record(span, raw, info.method, route);
      return raw;
    },
  );
}

function record(span: Span, raw: RawAttempt, method: string, route: string): void {
  const m = instruments();
  const outcome = raw.kind === 'response' ? { 'http.response.status_code': raw.status } : {};
  const errorType =
    raw.kind !== 'response' ? raw.kind : raw.status >= 400 ? String(raw.status) : undefined;
  const attributes = {
    'http.request.method': method,
    'url.template': route,
    ...outcome,
    ...(errorType && { 'error.type': errorType }),
  };
  m.graphRequests.add(1, attributes);
  if (errorType) m.graphErrors.add(1, attributes);
  if (raw.kind === 'response' && raw.status === 429)
    m.graphThrottled.add(1, { 'url.template': route });
  if (!span.isRecording()) return;
  span.setAttributes(attributes);
  if (raw.kind !== 'response') return;
  const requestId = raw.headers.get('request-id');
  if (requestId) span.setAttribute('graph.request_id', requestId);
  const retryAfter = raw.headers.get('retry-after');
  if (retryAfter) span.setAttribute('graph.retry_after', retryAfter);
  if (errorType) span.setStatus({ code: SpanStatusCode.ERROR });
}
