/**
 * Traces and metrics of readiness notifications: a span and a duration per poll with the
 * readiness events it found, a span and an outcome count per send, and the outbox depth and the
 * age of its oldest waiting item as gauges read from the store when metrics are collected.
 * Everything is a no-op while telemetry is off (src/telemetry).
 */
import { SpanKind, inSpan, instruments, observeGauge, telemetryOn } from '../telemetry';
import type { DurableStorage } from '../store/storage';
import { createOutbox } from './outbox';
import type { PollResult } from './poller';
import type { NotificationSender } from './sender';

/** States of an item still to be sent (or whose outcome is still open). */
const WAITING = new Set(['pending', 'sending', 'uncertain']);

export function tracedPoll(poll: () => Promise<PollResult>): () => Promise<PollResult> {
  return () => {
    if (!telemetryOn()) return poll();
    const started = performance.now();
    return inSpan('notifications poll', {}, async (span) => {
      const result = await poll();
      const m = instruments();
      m.pollDuration.record(performance.now() - started, { outcome: result.kind });
      if (result.kind === 'done' || result.kind === 'partial') {
        for (const event of result.events) m.readinessEvents.add(1, { kind: event.kind });
        if (span.isRecording())
          span.setAttributes({
            'notifications.sets': result.sets,
            'notifications.events': result.events.length,
            'notifications.deliveries': result.deliveries,
          });
      }
      if (span.isRecording()) span.setAttribute('notifications.poll.outcome', result.kind);
      return result;
    });
  };
}

export function tracedSender(sender: NotificationSender): NotificationSender {
  return {
    send(reference, card) {
      if (!telemetryOn()) return sender.send(reference, card);
      return inSpan('notification send', { kind: SpanKind.CLIENT }, async (span) => {
        const outcome = await sender.send(reference, card);
        instruments().notificationSends.add(1, { outcome: outcome.kind });
        if (span.isRecording()) {
          span.setAttribute('notifications.send.outcome', outcome.kind);
          if ('status' in outcome && outcome.status !== undefined)
            span.setAttribute('http.response.status_code', outcome.status);
        }
        return outcome;
      });
    },
  };
}

/** Registers the outbox gauges; returns the function that removes them (on stop). */
export function observeOutbox(storage: DurableStorage, now = () => Date.now()): () => void {
  const outbox = createOutbox(storage);
  let last: Promise<{ depth: number; oldestAgeS: number }> | undefined;
  // One read of the outbox serves both gauges of one collection.
  const read = () => {
    last ??= outbox.list().then((items) => {
      const waiting = items.filter((i) => WAITING.has(i.value.state));
      const oldest = Math.min(now(), ...waiting.map((i) => Date.parse(i.value.createdAt)));
      setTimeout(() => (last = undefined), 1_000).unref();
      return { depth: waiting.length, oldestAgeS: (now() - oldest) / 1000 };
    });
    return last;
  };
  const stops = [
    observeGauge({
      name: 'sds.notifications.outbox.depth',
      description: 'Notifications waiting in the outbox (pending, sending or uncertain)',
      observe: async (result) => result.observe((await read()).depth),
    }),
    observeGauge({
      name: 'sds.notifications.outbox.oldest_age',
      description: 'Age of the oldest notification waiting in the outbox (0 when none waits)',
      unit: 's',
      observe: async (result) => result.observe((await read()).oldestAgeS),
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
