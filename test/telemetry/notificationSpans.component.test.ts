/**
 * Telemetry of readiness notifications in the real app: the poll and send spans, the readiness
 * events and send outcomes counted, and the outbox gauge read from the store on collection; then
 * the same turn with telemetry off records nothing and registers no provider.
 */
import { trace } from '@opentelemetry/api';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { inSpan } from '../../src/telemetry';
import { installTestTelemetry } from '../../src/telemetry/testing';
import { startTestBot } from '../support/testBot';
import { ALERTS, pollAndDeliver, sayInChannel } from '../notifications/support';

function points(metrics: ResourceMetrics, name: string) {
  const metric = metrics.scopeMetrics
    .flatMap((s) => s.metrics)
    .find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? []).map((p) => ({ attributes: p.attributes, value: p.value }));
}

describe('telemetry of notifications (component)', () => {
  it('when a flow fails and the change is polled and delivered, then poll and send spans and metrics record it', async () => {
    const telemetry = installTestTelemetry();
    const bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' });
    try {
      await sayInChannel(bot, ALERTS, 'notify here');
      await pollAndDeliver(bot); // first sight: records the state
      bot.app.sandbox!.emulator.control.setReadiness(SEED_IDS.northwindUser, 'failed');
      telemetry.reset();
      await pollAndDeliver(bot);
      const spans = telemetry.spans();
      const poll = spans.find((s) => s.name === 'notifications poll')!;
      expect(poll.attributes).toMatchObject({
        'notifications.poll.outcome': 'done',
        'notifications.events': 1,
        'notifications.deliveries': 1,
      });
      // The poll's Graph reads are its children, as a turn's are.
      const reads = spans.filter((s) => s.parentSpanContext?.spanId === poll.spanContext().spanId);
      expect(reads.some((s) => s.name.startsWith('GET '))).toBe(true);
      expect(reads.some((s) => s.name.startsWith('store '))).toBe(true);
      const send = spans.find((s) => s.name === 'notification send')!;
      expect(send.attributes['notifications.send.outcome']).toBe('sent');

      const metrics = await telemetry.metrics();
      expect(points(metrics, 'sds.notifications.readiness_events')).toEqual([
        { attributes: { kind: 'status' }, value: 1 },
      ]);
      expect(points(metrics, 'sds.notifications.sends')).toEqual([
        { attributes: { outcome: 'sent' }, value: 1 },
      ]);
      expect(points(metrics, 'sds.notifications.outbox.depth')).toEqual([
        { attributes: {}, value: 0 },
      ]);
      expect(points(metrics, 'sds.notifications.poll.duration').length).toBeGreaterThan(0);
    } finally {
      await bot.stop();
      await telemetry.uninstall();
    }
  });

  it('when no exporter is configured, then no provider is registered, spans do not record and attributes are never built', async () => {
    const bot = await startTestBot();
    try {
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
      let built = 0;
      let recording: boolean | undefined;
      await inSpan('probe', { attributes: () => ({ built: ++built }) }, async (span) => {
        recording = span.isRecording();
      });
      expect([recording, built]).toEqual([false, 0]);
      const activity = bot.activity('message-personal', { text: 'list' });
      expect((await bot.send(activity)).status).toBe(200);
      expect(bot.logLines.some((l) => l.includes('trace_id'))).toBe(false);
    } finally {
      await bot.stop();
    }
  });
});
