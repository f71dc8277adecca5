/**
 * Drift as a pure function: the last known configuration of a flow set and what Graph says now →
 * the differences, each with the same field rows (diff.ts, fieldLabels.ts) a preview shows.
 * Settings are compared in request-body shape (previewDiff.ts), so a value Graph formats
 * differently but means the same is no difference, and passwords (always masked by Graph,
 * docs/graph-notes.md#password-masking) never are one. Whether a change made through the bot
 * explains a difference is decided afterwards (driftMatch.ts).
 */
import { createHash } from 'node:crypto';
import { diffFields } from './diff';
import { FLOW_LABELS, FLOW_SET_LABELS } from './fieldLabels';
import {
  flowKindOf,
  KnownProvisioningFlow,
  type FlowSet,
  type ProvisioningFlow,
} from './flowSchemas';
import { flowSetShape, flowShape } from './previewDiff';
import type { ConfigFlow, DriftChange, DriftItem, SetConfig, Shape } from './driftRecords';

/** The configuration of one set that was read completely (the set and all of its flows). */
export function configOf(set: FlowSet, flows: readonly ProvisioningFlow[], at: Date): SetConfig {
  const known = (flow: ProvisioningFlow): ConfigFlow => {
    const parsed = KnownProvisioningFlow.safeParse(flow);
    return {
      kind: flowKindOf(flow) ?? null,
      shape: parsed.success ? flowShape(parsed.data) : null,
      lastModified: flow.lastModifiedDateTime ?? null,
    };
  };
  return {
    setId: set.id,
    name: set.displayName,
    shape: flowSetShape(set),
    lastModified: set.lastModifiedDateTime ?? null,
    deleted: false,
    flows: Object.fromEntries(flows.map((f) => [f.id, known(f)])),
    checkedAt: at.toISOString(),
  };
}

type Draft = Omit<DriftItem, 'id' | 'detectedAt' | 'setId' | 'setName'>;

/** Deterministic: the same difference detected again has the same id. */
export function driftIdOf(setId: string, draft: Draft): string {
  const { change, flowId, replacedFlowId, before, after, lastModified } = draft;
  return createHash('sha256')
    .update(JSON.stringify([change, setId, flowId, replacedFlowId, before, after, lastModified]))
    .digest('hex')
    .slice(0, 32);
}

const item = (set: { setId: string; name: string }, draft: Draft, at: string): DriftItem => ({
  id: driftIdOf(set.setId, draft),
  setId: set.setId,
  setName: set.name,
  ...draft,
  detectedAt: at,
});

const flowRows = (kind: ConfigFlow['kind'], before: Shape | null, after: Shape | null) =>
  kind ? diffFields(before, after, FLOW_LABELS[kind]) : [];

function flowDraft(change: DriftChange, id: string, flow: ConfigFlow, was?: ConfigFlow): Draft {
  const rows = change === 'flowRemoved' ? [] : flowRows(flow.kind, was?.shape ?? null, flow.shape);
  return {
    change,
    flowId: id,
    flowKind: flow.kind,
    rows,
    before: change === 'flowAdded' ? null : (was?.shape ?? flow.shape),
    after: change === 'flowRemoved' ? null : flow.shape,
    lastModified: flow.lastModified,
  };
}

/** The flows that differ: changed, added, removed, and replaced (gone + new of the same type). */
function flowDrafts(previous: SetConfig, current: SetConfig): Draft[] {
  const drafts: Draft[] = [];
  const removed = Object.entries(previous.flows).filter(([id]) => !current.flows[id]);
  const added = Object.entries(current.flows).filter(([id]) => !previous.flows[id]);
  for (const [id, now] of Object.entries(current.flows)) {
    const was = previous.flows[id];
    if (!was || !was.shape || !now.shape) continue;
    const rows = flowRows(now.kind, was.shape, now.shape);
    if (rows.length)
      drafts.push({ ...flowDraft('flowChanged', id, now, was), rows, before: was.shape });
  }
  for (const [id, now] of added) {
    const gone = removed.findIndex(([, was]) => was.kind !== null && was.kind === now.kind);
    if (gone < 0) {
      drafts.push(flowDraft('flowAdded', id, now));
      continue;
    }
    const [oldId, was] = removed.splice(gone, 1)[0]!;
    drafts.push({ ...flowDraft('flowReplaced', id, now, was), replacedFlowId: oldId });
  }
  for (const [id, was] of removed) drafts.push(flowDraft('flowRemoved', id, was));
  return drafts;
}

/**
 * Every difference between the stored configuration of a set and a complete reading of it.
 * `previous` undefined or a tombstone: the set is new (`setCreated`); the caller decides whether
 * a new set is drift at all (not on the very first poll, when nothing is known yet).
 */
export function compareConfig(
  previous: SetConfig | undefined,
  current: SetConfig,
  now: Date,
): DriftItem[] {
  const at = now.toISOString();
  if (!previous || previous.deleted) {
    const rows = diffFields(null, current.shape, FLOW_SET_LABELS);
    const draft: Draft = {
      change: 'setCreated',
      rows,
      before: null,
      after: current.shape,
      lastModified: current.lastModified,
    };
    return [item(current, draft, at)];
  }
  const items: DriftItem[] = [];
  const rows = diffFields(previous.shape, current.shape, FLOW_SET_LABELS);
  if (rows.length)
    items.push(
      item(
        current,
        {
          change: 'setChanged',
          rows,
          before: previous.shape,
          after: current.shape,
          lastModified: current.lastModified,
        },
        at,
      ),
    );
  for (const draft of flowDrafts(previous, current)) items.push(item(current, draft, at));
  return items;
}

/** Known sets missing from a *complete* list of sets: deleted, kept as tombstones. */
export function deletedSets(
  previous: readonly SetConfig[],
  listedIds: ReadonlySet<string>,
  now: Date,
): { items: DriftItem[]; configs: SetConfig[] } {
  const at = now.toISOString();
  const gone = previous.filter((c) => !c.deleted && !listedIds.has(c.setId));
  return {
    items: gone.map((c) =>
      item(
        c,
        {
          change: 'setDeleted',
          rows: [],
          before: c.shape,
          after: null,
          lastModified: c.lastModified,
        },
        at,
      ),
    ),
    configs: gone.map((c) => ({ ...c, deleted: true, flows: {}, checkedAt: at })),
  };
}
