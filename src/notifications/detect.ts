/**
 * Readiness transitions as a pure function: the last known state of a flow set and what Graph
 * says now → the events and the next state. Rules:
 *  - first sight of a set (no stored state) records it without any event;
 *  - a flow whose status differs from the stored one → one `status` event;
 *  - a flow that appears in a known set → `flowAdded`; one that is gone → `flowRemoved`;
 *  - a known set missing from a complete list of sets → `setDeleted` (kept as a tombstone).
 * Only what was actually read is compared: a set whose flows could not be read is left exactly as
 * it was (a failed read must never look like "all flows removed").
 */
import { flowKindOf, type FlowSet, type ProvisioningFlow } from '../domain/flowSchemas';
import type { KnownFlow, NotificationEvent, SetState } from '../domain/notificationRecords';

export interface SetReading {
  set: FlowSet;
  flows: ProvisioningFlow[];
}

export interface Detection {
  events: NotificationEvent[];
  /** States to store (new, changed, or tombstoned); unchanged sets are not rewritten. */
  states: SetState[];
}

const known = (flow: ProvisioningFlow, version: number): KnownFlow => ({
  kind: flowKindOf(flow) ?? null,
  status: flow.readinessStatus ?? null,
  version,
  lastModified: flow.lastModifiedDateTime ?? null,
});

/** Compares one set that was read completely with its stored state. */
export function detectSet(
  previous: SetState | undefined,
  reading: SetReading,
  now: Date,
): Detection {
  const at = now.toISOString();
  const { set } = reading;
  const flows: Record<string, KnownFlow> = {};
  if (!previous || previous.deleted) {
    for (const f of reading.flows) flows[f.id] = known(f, 0);
    return {
      events: [],
      states: [{ setId: set.id, name: set.displayName, deleted: false, flows, checkedAt: at }],
    };
  }
  const events: NotificationEvent[] = [];
  // The set's version is what its buttons (Reset flow) carry (src/actions/setButtons.ts).
  const base = {
    setId: set.id,
    setName: set.displayName,
    setVersion: set.lastModifiedDateTime ?? '',
    detectedAt: at,
  };
  for (const flow of reading.flows) {
    const before = previous.flows[flow.id];
    const current = known(flow, before ? before.version : 0);
    if (!before) {
      current.version = 1;
      events.push({
        ...base,
        ...flowPart(flow, current),
        id: `${set.id}:${flow.id}:1`,
        kind: 'flowAdded',
        from: null,
        to: current.status,
      });
    } else if (before.status !== current.status) {
      current.version = before.version + 1;
      events.push({
        ...base,
        ...flowPart(flow, current),
        id: `${set.id}:${flow.id}:${current.version}`,
        kind: 'status',
        from: before.status,
        to: current.status,
      });
    }
    flows[flow.id] = current;
  }
  const present = new Set(reading.flows.map((f) => f.id));
  for (const [flowId, before] of Object.entries(previous.flows)) {
    if (present.has(flowId)) continue;
    events.push({
      ...base,
      id: `${set.id}:${flowId}:${before.version + 1}`,
      kind: 'flowRemoved',
      flowId,
      flowKind: before.kind,
      from: before.status,
      to: null,
      flowVersion: before.lastModified,
    });
  }
  const changed = events.length > 0 || previous.name !== set.displayName;
  const next: SetState = {
    setId: set.id,
    name: set.displayName,
    deleted: false,
    flows,
    checkedAt: at,
  };
  return { events, states: changed ? [next] : [] };
}

function flowPart(flow: ProvisioningFlow, k: KnownFlow) {
  return { flowId: flow.id, flowKind: k.kind, flowVersion: k.lastModified };
}

/** Sets that were known and are missing from a *complete* list of sets. */
export function detectDeletedSets(
  previous: readonly SetState[],
  listedIds: ReadonlySet<string>,
  now: Date,
): Detection {
  const at = now.toISOString();
  const gone = previous.filter((s) => !s.deleted && !listedIds.has(s.setId));
  return {
    events: gone.map((s) => ({
      id: `${s.setId}:deleted`,
      kind: 'setDeleted' as const,
      setId: s.setId,
      setName: s.name,
      detectedAt: at,
    })),
    states: gone.map((s) => ({ ...s, deleted: true, flows: {}, checkedAt: at })),
  };
}
