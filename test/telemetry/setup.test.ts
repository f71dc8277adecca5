/** Exporter setup at start without configuration (with OTLP: otlpExport.test.ts, a real process). */
import { trace } from '@opentelemetry/api';
import { loadConfig } from '../../src/config';
import { telemetryOn } from '../../src/telemetry';
import { startTelemetry } from '../../src/telemetry/setup';

describe('startTelemetry', () => {
  it('when neither exporter is configured, then nothing is registered and spans do not record', async () => {
    const config = loadConfig({});
    expect(config.telemetry).toEqual({ serviceName: 'sds-flow-admin' });
    expect(await startTelemetry(config.telemetry)).toBeUndefined();
    expect(telemetryOn()).toBe(false);
    expect(trace.getTracer('t').startSpan('s').isRecording()).toBe(false);
  });
});
