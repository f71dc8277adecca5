/**
 * The audit record: one entry per event of a change,
 * with both identities, the exact body sent (passwords masked, mask.ts), before/after snapshots
 * and Graph's request-id. Zod on the way in and out: stored data is a boundary (recordStore.ts).
 */
import { z } from 'zod';
import { CHANGE_KINDS, Person } from './pendingChange';
import { changeTitle } from './changeDescription';
import { FLOW_KINDS, type FlowKind } from './flowSchemas';

export const AUDIT_EVENTS = [
  'requested',
  'approved',
  'rejected',
  'applied',
  'failed',
  /** The write was sent, no answer came back: being checked; an `applied` or `failed` follows. */
  'unknown',
  'stale',
  'expired',
  'cancelled',
  /** Changed outside the bot (portal, script), noticed by the poller (src/notifications/drift.ts). */
  'drifted',
  /** Someone acknowledged a change made outside the bot. */
  'accepted',
  /** Someone asked to put back what was changed outside the bot (a new change's preview). */
  'revertProposed',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export const AuditEntry = z.object({
  changeId: z.string().min(1),
  setId: z.string().min(1).optional(),
  /** The set's name when the event happened (the set may be renamed or deleted later). */
  setName: z.string().optional(),
  kind: z.enum(CHANGE_KINDS),
  /** For flow changes: which flow type (a set holds one of each, docs/graph-notes.md#one-flow-per-type). */
  flowKind: z.enum(FLOW_KINDS).optional(),
  flowId: z.string().min(1).optional(),
  event: z.enum(AUDIT_EVENTS),
  /** Who caused this event (the requester, the approver, or SYSTEM_ACTOR for expiry). */
  actor: Person,
  requester: Person,
  approver: Person.optional(),
  at: z.iso.datetime({ offset: true }),
  /** The exact request body sent (or to be sent), passwords masked. */
  body: z.unknown().optional(),
  /** The object before the change, in request-body shape (previewDiff.ts); null for creates. */
  before: z.unknown().optional(),
  /** The object after the change, in the same shape; null for deletes. */
  after: z.unknown().optional(),
  /** Graph's request-id of the write. */
  requestId: z.string().optional(),
  outcome: z.string().optional(),
  reason: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const StoredAuditEntry = AuditEntry.extend({ id: z.string().min(1) });
export type StoredAuditEntry = z.infer<typeof StoredAuditEntry>;

/** The actor of events nobody clicked (a preview expiring on the timer). */
export const SYSTEM_ACTOR: Person = { aadObjectId: 'system', name: 'SDS Flow Admin (automatic)' };

/** Who made a change noticed outside the bot: not known to us (Graph does not say). */
export const OUTSIDE_ACTOR: Person = { aadObjectId: 'outside', name: 'someone outside the bot' };

export type Shape = Record<string, unknown>;
export const isShape = (v: unknown): v is Shape =>
  !!v && typeof v === 'object' && !Array.isArray(v);

export const shortId = (changeId: string): string => changeId.slice(0, 8);

const kindIn = (value: unknown): FlowKind | undefined => {
  const kind = isShape(value) ? value.kind : undefined;
  return FLOW_KINDS.find((k) => k === kind);
};

/** The flow type of a flow change: recorded, or read from the body or the snapshot. */
export const flowKindOfEntry = (entry: StoredAuditEntry): FlowKind | undefined =>
  entry.flowKind ?? kindIn(entry.body) ?? kindIn(entry.before);

export const entryTitle = (entry: StoredAuditEntry): string =>
  changeTitle(entry.kind, { setName: entry.setName, flowKind: flowKindOfEntry(entry) });
