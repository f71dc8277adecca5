/**
 * Tracing and metrics through the OpenTelemetry API (https://opentelemetry.io/docs/languages/js/).
 * Code everywhere calls these helpers; whether anything is recorded is decided once at start
 * (setup.ts): with no exporter configured no provider is registered, the API hands out its no-op
 * tracer and meter, spans are non-recording and attribute builders are never called.
 */
export {
  SCOPE,
  SpanKind,
  SpanStatusCode,
  activeTraceId,
  annotateActiveSpan,
  inSpan,
  markFailed,
  tracer,
  type Attributes,
  type Span,
} from './spans';
export { instruments, observeGauge, telemetryOn, type GaugeSpec } from './instruments';
export { failTurn, inTurn, nameTurn } from './turn';
