/**
 * Test hook: registers a tracer provider that keeps finished spans in memory and a meter provider
 * whose metrics are read on demand, so component tests can assert on the spans and counts a
 * real turn produced. Never used by the running app.
 */
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  AggregationTemporality,
  MeterProvider,
  MetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { registerProviders, unregisterProviders } from './setup';

/** A reader that collects only when asked (no timer). */
class OnDemandReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export interface TestTelemetry {
  spans(): ReadableSpan[];
  /** Every metric collected now, cumulative since install. */
  metrics(): Promise<ResourceMetrics>;
  reset(): void;
  uninstall(): Promise<void>;
}

export function installTestTelemetry(): TestTelemetry {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  registerProviders({
    tracerProvider,
    meterProvider,
    contextManager: new AsyncLocalStorageContextManager(),
  });
  return {
    spans: () => exporter.getFinishedSpans(),
    metrics: async () => (await reader.collect()).resourceMetrics,
    reset: () => exporter.reset(),
    async uninstall() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      unregisterProviders();
    },
  };
}
