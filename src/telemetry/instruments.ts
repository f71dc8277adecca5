/**
 * Every metric instrument of the app, made once per registered meter provider. The metrics API
 * has no proxy meter (unlike the tracer): an instrument made before a provider is registered stays
 * a no-op, so instruments are built on first use and again after setup.ts or the test hook
 * registers a provider (`rebuildInstruments`). Names follow the OpenTelemetry naming guidance
 * (https://opentelemetry.io/docs/specs/semconv/general/metrics/), units in UCUM.
 */
import { metrics, type Meter, type ObservableResult } from '@opentelemetry/api';

const SCOPE = 'sds-flow-admin'; // same as spans.ts SCOPE

function build(meter: Meter) {
  return {
    turnDuration: meter.createHistogram('sds.turn.duration', {
      description: 'Duration of one Teams turn, by activity type and command or card verb',
      unit: 'ms',
    }),
    graphRequests: meter.createCounter('sds.graph.requests', {
      description: 'Graph HTTP attempts, by method, route template and status',
    }),
    graphErrors: meter.createCounter('sds.graph.errors', {
      description: 'Graph HTTP attempts that failed (status 400 or above, timeout, network)',
    }),
    graphThrottled: meter.createCounter('sds.graph.throttled', {
      description: 'Graph answers with status 429 (throttled)',
    }),
    tokenRequests: meter.createCounter('sds.identity.token_requests', {
      description: 'Token requests to Entra ID (on-behalf-of, app-only), by flow and outcome',
    }),
    notificationSends: meter.createCounter('sds.notifications.sends', {
      description: 'Proactive notification sends, by outcome',
    }),
    pollDuration: meter.createHistogram('sds.notifications.poll.duration', {
      description: 'Duration of one readiness poll over every subscribed flow set',
      unit: 'ms',
    }),
    readinessEvents: meter.createCounter('sds.notifications.readiness_events', {
      description: 'Readiness changes the poller detected and queued, by kind',
    }),
  };
}

export type Instruments = ReturnType<typeof build>;

/** A gauge read on collection (e.g. outbox depth from the store): only when metrics export. */
export interface GaugeSpec {
  name: string;
  description: string;
  unit?: string;
  observe(result: ObservableResult): Promise<void> | void;
}

let current: Instruments | undefined;
let on = false;

/**
 * True while a provider is registered. Hot paths (each Graph attempt, each store call) check it
 * first and skip even the span and attribute plumbing when telemetry is off.
 */
export function telemetryOn(): boolean {
  return on;
}
interface Registered {
  spec: GaugeSpec;
  detach?: () => void;
}
const gauges = new Set<Registered>();

/** The instruments on the meter of the registered provider (no-ops when none is). */
export function instruments(): Instruments {
  current ??= rebuildInstruments(on);
  return current;
}

/** Builds the instruments (and gauges) again on the now-registered meter provider (or none). */
export function rebuildInstruments(registered: boolean): Instruments {
  on = registered;
  const meter = metrics.getMeter(SCOPE);
  current = build(meter);
  for (const registered of gauges) attach(meter, registered);
  return current;
}

/**
 * Registers an observable gauge; its callback runs only when a metric reader collects. Returns
 * the function that removes it (a stopped app must not be read by the next one in the process).
 */
export function observeGauge(spec: GaugeSpec): () => void {
  const registered: Registered = { spec };
  gauges.add(registered);
  attach(metrics.getMeter(SCOPE), registered);
  return () => {
    registered.detach?.();
    gauges.delete(registered);
  };
}

function attach(meter: Meter, registered: Registered): void {
  registered.detach?.();
  const { spec } = registered;
  const gauge = meter.createObservableGauge(spec.name, {
    description: spec.description,
    unit: spec.unit,
  });
  const callback = (result: ObservableResult) => spec.observe(result);
  gauge.addCallback(callback);
  registered.detach = () => gauge.removeCallback(callback);
}
