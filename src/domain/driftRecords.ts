/**
 * The stored records of drift (changes made outside the bot), validated with zod on every read
 * and write (stored data is a boundary, recordStore.ts): the last known configuration of every
 * flow set (`notify-config/{setId}`, next to the readiness state `notify-state/{setId}`) and one
 * record per noticed difference (`notify-drift/{id}`), which Accept and Revert move on.
 */
import { z } from 'zod';
import { FLOW_KINDS } from './flowSchemas';
import { Person, type ChangeKind } from './pendingChange';

export const CONFIG_PREFIX = 'notify-config';
export const DRIFT_PREFIX = 'notify-drift';

const iso = z.iso.datetime();
/** An object in request-body shape (previewDiff.ts flowSetShape / flowShape). */
export const Shape = z.record(z.string(), z.unknown());
export type Shape = z.infer<typeof Shape>;

/** One flow's settings as last read. `shape` is null for a flow type this version does not know. */
export const ConfigFlow = z.object({
  kind: z.enum(FLOW_KINDS).nullable(),
  shape: Shape.nullable(),
  lastModified: z.string().nullable(),
});
export type ConfigFlow = z.infer<typeof ConfigFlow>;

/** A flow set's configuration as last read: its name and filter, and every flow's settings. */
export const SetConfig = z.object({
  setId: z.string(),
  name: z.string(),
  shape: Shape,
  lastModified: z.string().nullable(),
  /** A tombstone: the set was missing from a complete list of sets. */
  deleted: z.boolean(),
  flows: z.record(z.string(), ConfigFlow),
  checkedAt: iso,
});
export type SetConfig = z.infer<typeof SetConfig>;

export const DRIFT_CHANGES = [
  'setChanged',
  'setCreated',
  'setDeleted',
  'flowChanged',
  'flowAdded',
  'flowRemoved',
  /** A flow of one type disappeared and another of the same type appeared with a new id. */
  'flowReplaced',
] as const;
export type DriftChange = (typeof DRIFT_CHANGES)[number];

/** The change kind a drift stands for: its history title and the change `undo` plans to revert it. */
export const DRIFT_KIND: Record<DriftChange, ChangeKind> = {
  setChanged: 'updateFlowSet',
  setCreated: 'createFlowSet',
  setDeleted: 'deleteFlowSet',
  flowChanged: 'updateFlow',
  flowAdded: 'createFlow',
  flowRemoved: 'deleteFlow',
  flowReplaced: 'createFlow',
};

/** One preview-style row (diff.ts FieldChange): label and both values as display text. */
export const DriftRow = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

/** A difference no change applied through the bot explains. */
export const DriftItem = z.object({
  /** Deterministic (a hash of what changed), so detecting the same difference twice is one item. */
  id: z.string().regex(/^[0-9a-f]{32}$/),
  change: z.enum(DRIFT_CHANGES),
  setId: z.string(),
  setName: z.string(),
  flowId: z.string().optional(),
  flowKind: z.enum(FLOW_KINDS).nullable().optional(),
  /** For `flowReplaced`: the id of the flow that disappeared. */
  replacedFlowId: z.string().optional(),
  rows: z.array(DriftRow),
  /** The object before and after, in request-body shape (null where it does not exist). */
  before: Shape.nullable(),
  after: Shape.nullable(),
  /** The object's lastModifiedDateTime as Graph reported it (for a deletion, the last one known). */
  lastModified: z.string().nullable(),
  detectedAt: iso,
});
export type DriftItem = z.infer<typeof DriftItem>;

export const DRIFT_STATES = ['open', 'accepted', 'revertProposed'] as const;

/** The stored drift: the item and what people did about it. */
export const DriftRecord = DriftItem.extend({
  state: z.enum(DRIFT_STATES),
  acceptedBy: Person.optional(),
  acceptedAt: iso.optional(),
  revert: z.object({ by: Person, at: iso, changeId: z.string() }).optional(),
});
export type DriftRecord = z.infer<typeof DriftRecord>;
