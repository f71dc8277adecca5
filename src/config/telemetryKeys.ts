/**
 * Configuration of traces, metrics and the log format (src/telemetry, src/log.ts). With neither
 * exporter set nothing is exported and tracing costs nothing. Names are the ones the Azure Monitor
 * distro and the OpenTelemetry SDKs read
 * (https://learn.microsoft.com/azure/azure-monitor/app/opentelemetry-configuration,
 * https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
 */
import { z } from 'zod';
import { optionalText, type RawOf } from './schemaParts';

export const telemetryKeys = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: {
    schema: optionalText,
    hint: 'the connection string of an Application Insights resource (InstrumentationKey=…;IngestionEndpoint=…)',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    schema: optionalText.pipe(z.url().optional()),
    hint: 'the base URL of an OTLP/HTTP collector, e.g. http://localhost:4318',
  },
  OTEL_SERVICE_NAME: {
    schema: z.string().min(1).default('sds-flow-admin'),
    hint: 'the service name traces and metrics carry (default sds-flow-admin)',
  },
  LOG_FORMAT: {
    schema: z.enum(['json', 'pretty']).optional(),
    hint: 'json or pretty (default: pretty in sandbox mode on a terminal, json otherwise)',
  },
} as const;

export interface TelemetryConfig {
  appInsightsConnectionString?: string;
  otlpEndpoint?: string;
  serviceName: string;
}

export function telemetryConfig(r: RawOf<typeof telemetryKeys>): TelemetryConfig {
  return {
    appInsightsConnectionString: r.APPLICATIONINSIGHTS_CONNECTION_STRING,
    otlpEndpoint: r.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, ''),
    serviceName: r.OTEL_SERVICE_NAME,
  };
}
