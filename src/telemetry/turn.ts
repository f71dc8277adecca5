/**
 * The span of one Teams turn, and its label (the command or card verb it ran) for the turn
 * duration metric. The label is found deep below the turn (bot/ matches the command, actions/ the
 * verb) and read when the turn ends, so it travels in the active context as a small mutable slot.
 */
import { SpanKind, context, createContextKey, trace, type Attributes } from '@opentelemetry/api';
import { annotateActiveSpan, inSpan, markFailed } from './spans';
import { instruments, telemetryOn } from './instruments';

const LABEL = createContextKey('sds-flow-admin turn label');
interface Label {
  kind?: 'command' | 'verb';
  name?: string;
  failed?: string;
}

/**
 * Runs one turn inside its span. `attributes` (built only when telemetry is on) must hold ids,
 * never names or tokens.
 */
export function inTurn(
  activityType: string,
  attributes: () => Attributes,
  run: () => Promise<void>,
): Promise<void> {
  if (!telemetryOn()) return run();
  const label: Label = {};
  const started = performance.now();
  const withLabel = context.active().setValue(LABEL, label);
  return context.with(withLabel, () =>
    inSpan(`turn ${activityType}`, { kind: SpanKind.SERVER, attributes }, async () => {
      let outcome = 'ok';
      try {
        await run();
        if (label.failed) outcome = label.failed;
      } catch (err) {
        outcome = 'error';
        throw err;
      } finally {
        instruments().turnDuration.record(performance.now() - started, {
          'teams.activity.type': activityType,
          ...(label.kind && { [`teams.${label.kind}`]: label.name }),
          outcome,
        });
      }
    }),
  );
}

/** Names the current turn after the command or verb it runs (only names from our own tables). */
export function nameTurn(kind: 'command' | 'verb', name: string): void {
  if (!telemetryOn()) return;
  const label = context.active().getValue(LABEL) as Label | undefined;
  if (label) Object.assign(label, { kind, name });
  annotateActiveSpan(() => ({ [`teams.${kind}`]: name }));
}

/** Marks the current turn failed with the error's code (the error card was still shown). */
export function failTurn(err: unknown): void {
  if (!telemetryOn()) return;
  const label = context.active().getValue(LABEL) as Label | undefined;
  const code = (err as { code?: unknown })?.code;
  if (label) label.failed = typeof code === 'string' ? code : 'error';
  const span = trace.getActiveSpan();
  if (span?.isRecording()) markFailed(span, err);
}
