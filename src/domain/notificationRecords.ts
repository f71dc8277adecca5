/**
 * The stored records of readiness notifications, validated with zod on every read and write
 * (stored data is a boundary, recordStore.ts): subscriptions per conversation, the last known
 * readiness of every flow set, the outbox of deliveries, and the single-poller lease.
 */
import { z } from 'zod';
import { FLOW_KINDS } from './flowSchemas';
import { ConversationReferenceSchema } from './conversationReference';
import { DriftItem } from './driftRecords';

export const SUBSCRIPTION_PREFIX = 'notify-sub';
export const SET_STATE_PREFIX = 'notify-state';
export const OUTBOX_PREFIX = 'notify-outbox';
export const LEASE_PREFIX = 'notify-lease';
/** The last known status of every listed sync run (one record), so a run is announced once. */
export const RUN_WATCH_PREFIX = 'notify-runs';
export const RUN_WATCH_ID = 'runs';

const iso = z.iso.datetime();
export const Actor = z.object({ aadObjectId: z.string().min(1), name: z.string() });
export type Actor = z.infer<typeof Actor>;

/** What a conversation can ask for (`notify here … only drift`); all of them by default. */
export const TOPICS = ['readiness', 'drift', 'runs'] as const;
export type Topic = (typeof TOPICS)[number];

/** What one conversation receives: every set (setId null) or one set, optionally only some statuses. */
export const SubscriptionScope = z.object({
  setId: z.string().nullable(),
  setName: z.string().optional(),
  /** New readiness statuses that notify; null = any change. */
  statuses: z.array(z.string()).nullable(),
  /** What this rule notifies about; absent (older records) = every topic. */
  topics: z.array(z.enum(TOPICS)).optional(),
});
export type SubscriptionScope = z.infer<typeof SubscriptionScope>;

/**
 * The one rule that applies to a set in a conversation: the set's own rule when it has one (a
 * narrower rule replaces the all-sets rule for that set), otherwise the all-sets rule.
 */
export function ruleForSet(
  scopes: readonly SubscriptionScope[],
  setId: string,
): SubscriptionScope | undefined {
  return scopes.find((s) => s.setId === setId) ?? scopes.find((s) => s.setId === null);
}

export const INACTIVE_REASONS = ['uninstalled', 'removed', 'teamDeleted', 'gone'] as const;
export type InactiveReason = (typeof INACTIVE_REASONS)[number];

export const Subscription = z.object({
  /** The conversation notifications go to: for channels the channel id, without `;messageid=`. */
  conversationKey: z.string().min(1),
  conversationType: z.string(),
  teamId: z.string().optional(),
  /** Refreshed on every inbound activity there (docs/teams-notes.md#proactive-messages). */
  reference: ConversationReferenceSchema,
  scopes: z.array(SubscriptionScope),
  muted: z.array(z.object({ setId: z.string(), setName: z.string(), by: Actor, at: iso })),
  active: z.boolean(),
  inactive: z.object({ reason: z.enum(INACTIVE_REASONS), detail: z.string(), at: iso }).optional(),
  createdBy: Actor,
  createdAt: iso,
  updatedAt: iso,
});
export type Subscription = z.infer<typeof Subscription>;

/** Last known readiness of one flow; `version` counts the events seen for it (event ids use it). */
export const KnownFlow = z.object({
  kind: z.enum(FLOW_KINDS).nullable(),
  status: z.string().nullable(),
  version: z.number().int().min(0),
  lastModified: z.string().nullable(),
});
export type KnownFlow = z.infer<typeof KnownFlow>;

export const SetState = z.object({
  setId: z.string(),
  name: z.string(),
  deleted: z.boolean(),
  flows: z.record(z.string(), KnownFlow),
  checkedAt: iso,
});
export type SetState = z.infer<typeof SetState>;

export const EVENT_KINDS = [
  'status',
  'flowAdded',
  'flowRemoved',
  'setDeleted',
  'drift',
  'runEnded',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const Attribution = z.object({
  changeKind: z.string(),
  requester: z.string(),
  approver: z.string().optional(),
  appliedAt: iso,
});
export type Attribution = z.infer<typeof Attribution>;

/** Last known status per sync run id (runs Graph still lists), and when it was read. */
export const RunWatch = z.object({
  runs: z.record(z.string(), z.string()),
  checkedAt: iso,
});
export type RunWatch = z.infer<typeof RunWatch>;

/** A sync run that ended failed / with errors / with warnings, as its notice shows it. */
export const RunNotice = z.object({
  runId: z.string(),
  name: z.string(),
  status: z.string(),
  startDateTime: z.string().nullable(),
  endDateTime: z.string().nullable(),
  /** The blocking error in plain words; '' when there is none. */
  blockingError: z.string(),
  errors: z.number().int().nullable(),
  warnings: z.number().int().nullable(),
  /** The previous finished run's name, when there is one to compare with. */
  previousName: z.string().optional(),
  /** "unmatched students up by 212 (10 → 222)", …; empty when nothing moved or unknown. */
  deltas: z.array(z.string()),
});
export type RunNotice = z.infer<typeof RunNotice>;

export const NotificationEvent = z.object({
  /**
   * Deterministic: `{setId}:{flowId}:{version}`, `{setId}:deleted` or `run:{runId}`, so a
   * re-detection is a no-op. Run events belong to no set (setId '').
   */
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  setId: z.string(),
  setName: z.string(),
  flowId: z.string().optional(),
  flowKind: z.enum(FLOW_KINDS).nullable().optional(),
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  /** The flow's lastModifiedDateTime when detected. */
  flowVersion: z.string().nullable().optional(),
  /** The set's lastModifiedDateTime when detected: the `version` its buttons carry (Reset flow). */
  setVersion: z.string().optional(),
  detectedAt: iso,
  attribution: Attribution.optional(),
  /** For `drift`: what changed outside the bot (src/notifications/drift.ts). */
  drift: DriftItem.optional(),
  /** For `runEnded`: the sync run (src/notifications/runWatch.ts). */
  run: RunNotice.optional(),
});
export type NotificationEvent = z.infer<typeof NotificationEvent>;

export const DELIVERY_STATES = [
  'pending',
  'sending',
  'sent',
  'uncertain',
  'failed',
  'skipped',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One outbox item: what goes to one conversation (one event, or a digest of several). */
export const Delivery = z.object({
  id: z.string(),
  conversationKey: z.string(),
  events: z.array(NotificationEvent).min(1),
  state: z.enum(DELIVERY_STATES),
  /** Order within the poll that created it: one conversation's items go out in this order. */
  seq: z.number().int().min(0),
  attempts: z.number().int().min(0),
  nextAttemptAt: iso,
  createdAt: iso,
  updatedAt: iso,
  /** Set while `sending`: which instance sent it and when its outcome is due. */
  claim: z.object({ by: z.string(), at: iso, deadline: iso }).optional(),
  sentAt: iso.optional(),
  activityId: z.string().optional(),
  /** Why it is uncertain, failed or skipped, or what the last retry was about. */
  note: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

export const Lease = z.object({ holder: z.string(), expiresAt: iso, acquiredAt: iso });
export type Lease = z.infer<typeof Lease>;
