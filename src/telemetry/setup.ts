/**
 * Registers the OpenTelemetry SDK at start, only when an exporter is configured: Azure Monitor /
 * Application Insights through the Azure Monitor distro when APPLICATIONINSIGHTS_CONNECTION_STRING
 * is set (https://learn.microsoft.com/azure/azure-monitor/app/opentelemetry-enable?tabs=nodejs),
 * OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (both when both are). With neither nothing is
 * loaded or registered. The SDK packages are loaded on demand so a bot without telemetry does
 * not pay for them at start or in memory.
 */
import { context, metrics, trace, type ContextManager } from '@opentelemetry/api';
import type { TelemetryConfig } from '../config/telemetryKeys';
import { rebuildInstruments } from './instruments';
import { forgetTracer } from './spans';

export interface RunningTelemetry {
  /** Flushes what is buffered and unregisters the providers. */
  stop(): Promise<void>;
}

interface Providers {
  tracerProvider: Parameters<typeof trace.setGlobalTracerProvider>[0];
  meterProvider: Parameters<typeof metrics.setGlobalMeterProvider>[0];
  contextManager: ContextManager;
}

/**
 * Makes these providers the global ones, with AsyncLocalStorage carrying the active span across
 * awaits (so a Graph call's span is a child of its turn's span).
 */
export function registerProviders(p: Providers): void {
  context.setGlobalContextManager(p.contextManager.enable());
  trace.setGlobalTracerProvider(p.tracerProvider);
  metrics.setGlobalMeterProvider(p.meterProvider);
  forgetTracer();
  rebuildInstruments(true);
}

/** Undoes registerProviders: the API falls back to its no-op tracer and meter. */
export function unregisterProviders(): void {
  trace.disable();
  metrics.disable();
  context.disable();
  forgetTracer();
  rebuildInstruments(false);
}

/** Starts exporting when configured; undefined (and nothing registered) otherwise. */
export async function startTelemetry(
  config: TelemetryConfig,
): Promise<RunningTelemetry | undefined> {
  if (config.appInsightsConnectionString) return startAzureMonitor(config);
  if (config.otlpEndpoint) return startOtlp(config, config.otlpEndpoint);
  return undefined;
}

async function otlpParts(endpoint: string) {
  const [{ BatchSpanProcessor }, { PeriodicExportingMetricReader }, traces, metricsExp] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-metrics'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/exporter-metrics-otlp-http'),
    ]);
  return {
    spanProcessor: new BatchSpanProcessor(
      new traces.OTLPTraceExporter({ url: `${endpoint}/v1/traces` }),
    ),
    metricReader: new PeriodicExportingMetricReader({
      exporter: new metricsExp.OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
    }),
  };
}

async function startOtlp(config: TelemetryConfig, endpoint: string): Promise<RunningTelemetry> {
  const [{ BasicTracerProvider }, { MeterProvider }, { resourceFromAttributes }, hooks, parts] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-metrics'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/context-async-hooks'),
      otlpParts(endpoint),
    ]);
  const resource = resourceFromAttributes({ 'service.name': config.serviceName });
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [parts.spanProcessor],
  });
  const meterProvider = new MeterProvider({ resource, readers: [parts.metricReader] });
  registerProviders({
    tracerProvider,
    meterProvider,
    contextManager: new hooks.AsyncLocalStorageContextManager(),
  });
  return {
    async stop() {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
      unregisterProviders();
    },
  };
}

async function startAzureMonitor(config: TelemetryConfig): Promise<RunningTelemetry> {
  // The distro reads the service name from the resource; OTLP rides along when also configured.
  process.env.OTEL_SERVICE_NAME ??= config.serviceName;
  const distro = await import('@azure/monitor-opentelemetry');
  const otlp = config.otlpEndpoint ? await otlpParts(config.otlpEndpoint) : undefined;
  distro.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: config.appInsightsConnectionString },
    ...(otlp && { spanProcessors: [otlp.spanProcessor], metricReaders: [otlp.metricReader] }),
  });
  forgetTracer();
  rebuildInstruments(true);
  return {
    async stop() {
      await distro.shutdownAzureMonitor().catch(() => undefined);
      forgetTracer();
      rebuildInstruments(false);
    },
  };
}
