/**
 * Traces and metrics of real turns (app + Graph emulator over loopback HTTP), read from an
 * in-memory span exporter and an on-demand metric reader installed before the bot starts.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { installTestTelemetry, type TestTelemetry } from '../../src/telemetry/testing';
import { cardFor, cardOf, press } from '../changes/support';
import { cardText, useTestBot } from '../support/testBot';

const SETS = '/external/industryData/outboundProvisioningFlowSets';

let telemetry: TestTelemetry;
beforeAll(() => {
  telemetry = installTestTelemetry();
});
afterAll(() => telemetry.uninstall());

const childrenOf = (parent: ReadableSpan, spans: ReadableSpan[]) =>
  spans.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);
const graphSpans = (spans: ReadableSpan[]) => spans.filter((s) => s.attributes['url.template']);

/** The summed value of a counter's data points whose attributes include `match`. */
function counted(metrics: ResourceMetrics, name: string, match: Record<string, unknown>): number {
  const metric = metrics.scopeMetrics
    .flatMap((s) => s.metrics)
    .find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? [])
    .filter((p) => Object.entries(match).every(([k, v]) => p.attributes[k] === v))
    .reduce((sum, p) => sum + (typeof p.value === 'number' ? p.value : p.value.count), 0);
}

describe('telemetry of turns (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  beforeEach(() => telemetry.reset());

  it('when a set is shown, then one turn span holds two Graph spans carrying Graph request-ids', async () => {
    await cardFor(bot, 'show contoso');
    const spans = telemetry.spans();
    const turns = spans.filter((s) => s.name === 'turn message');
    expect(turns).toHaveLength(1);
    const turn = turns[0]!;
    expect(turn.attributes).toMatchObject({
      'teams.activity.type': 'message',
      'teams.conversation.type': 'personal',
      'teams.command': 'show',
    });
    expect(turn.attributes['user.id']).toMatch(/^[0-9a-f-]{36}$/);
    const graph = graphSpans(childrenOf(turn, spans));
    expect(graph.map((s) => s.name)).toEqual([`GET ${SETS}`, `GET ${SETS}/{id}/provisioningFlows`]);
    const seen = bot.app.sandbox!.emulator.control.requests().map((r) => r.requestId);
    expect(graph.map((s) => s.attributes['graph.request_id'])).toEqual(seen);
    for (const span of graph)
      expect(span.attributes).toMatchObject({
        'http.response.status_code': 200,
        'graph.attempt': 1,
      });
    // Names, ids typed in chat and tokens stay out of the trace.
    const everything = JSON.stringify(spans.map((s) => [s.name, s.attributes]));
    expect(everything).not.toMatch(/contoso|Avery|Bearer|eyJ/i);

    const metrics = await telemetry.metrics();
    expect(counted(metrics, 'sds.graph.requests', { 'http.request.method': 'GET' })).toBe(2);
    expect(
      counted(metrics, 'sds.turn.duration', { 'teams.command': 'show' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('when a change is applied, then the Apply turn holds the PATCH span and metrics count it', async () => {
    const form = await cardFor(bot, 'edit northwind');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'Northwind HS' } }),
    );
    const before = counted(await telemetry.metrics(), 'sds.graph.requests', {
      'http.request.method': 'PATCH',
    });
    telemetry.reset();
    cardOf(await press(bot, preview, 'Apply'));
    const spans = telemetry.spans();
    const turn = spans.find((s) => s.name === 'turn invoke');
    expect(turn?.attributes['teams.verb']).toBe('change.apply');
    const patch = spans.filter((s) => s.name === `PATCH ${SETS}/{id}`);
    expect(patch).toHaveLength(1);
    expect(patch[0]!.spanContext().traceId).toBe(turn!.spanContext().traceId);
    expect(patch[0]!.attributes['graph.request_id']).toEqual(expect.any(String));
    expect(patch[0]!.attributes['http.response.status_code']).toBe(204);
    const after = counted(await telemetry.metrics(), 'sds.graph.requests', {
      'http.request.method': 'PATCH',
    });
    expect(after - before).toBe(1);
  });

  it('when a turn logs, then its lines carry the turn’s trace and span ids', async () => {
    const before = bot.logLines.length;
    await cardFor(bot, 'list');
    const turn = telemetry.spans().find((s) => s.name === 'turn message')!;
    const command = bot.logLines
      .slice(before)
      .map((l) => JSON.parse(l))
      .find((e) => e.msg === 'command');
    expect(command).toMatchObject({ command: 'list', trace_id: turn.spanContext().traceId });
    expect(command.span_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('when Graph throttles a turn past its deadline, then the 429 is on the span, counted, and the error card quotes the trace', async () => {
    bot.app.sandbox!.emulator.control.addFault({ status: 429, retryAfterSeconds: 60, count: 1 });
    const card = await cardFor(bot, 'show contoso');
    const turn = telemetry.spans().find((s) => s.name === 'turn message')!;
    expect(cardText(card)).toContain(`trace ${turn.spanContext().traceId}`);
    expect(turn.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(turn.attributes['error.type']).toBe('throttled');
    const throttled = graphSpans(childrenOf(turn, telemetry.spans()));
    expect(throttled.map((s) => s.attributes['http.response.status_code'])).toEqual([429]);
    expect(throttled[0]!.attributes['graph.retry_after']).toBe('60');
    const metrics = await telemetry.metrics();
    expect(counted(metrics, 'sds.graph.throttled', {})).toBe(1);
    expect(counted(metrics, 'sds.turn.duration', { outcome: 'throttled' })).toBe(1);
  });
});
