/**
 * What peer approval stores besides the pending change itself (whose `state`, `approver` and
 * `history` carry the decision): the request, the one-request-per-set lock, the approvals
 * channel and the in-flight marker of a Graph write. Zod on every read and write (stored data is a
 * boundary, recordStore.ts).
 */
import { z } from 'zod';
import { CHANGE_STATES, Person } from './pendingChange';
import { ConversationReferenceSchema } from './conversationReference';

export const APPROVAL_PREFIX = 'approval';
export const LOCK_PREFIX = 'approval-lock';
export const CHANNEL_PREFIX = 'approval-channel';
export const IN_FLIGHT_PREFIX = 'change-in-flight';
/** The one approvals channel of this bot (a single record). */
export const CHANNEL_KEY = 'current';

/** One copy of a request's card: where it was posted and its message id (for updateActivity). */
export const CardCopy = z.object({
  role: z.enum(['requester', 'channel', 'approver']),
  reference: ConversationReferenceSchema,
  /** Missing when Teams answered a post without an id (docs/teams-notes.md#proactive-messages). */
  activityId: z.string().optional(),
  /** Where it is, in words ("SDS Approvals", "Blake Approver (chat)"). */
  label: z.string().default(''),
  /** For the channel's copy: the approver who chose that channel (`approvals here`). */
  chosenBy: Person.optional(),
});
export type CardCopy = z.infer<typeof CardCopy>;

export const ApprovalRequest = z.object({
  changeId: z.uuid(),
  /** The flow set this request locks (none for a create: there is no set yet). */
  setId: z.string().optional(),
  requester: Person,
  reason: z.string().max(500),
  requestedAt: z.iso.datetime(),
  /** How many approvers there were when it was made (0: nobody can approve, said on the card). */
  approverCount: z.number().int().min(0),
  /** The approver list could not be read when it was made (group read failed). */
  approversUnknown: z.boolean().default(false),
  copies: z.array(CardCopy).default([]),
  /** Approvers we could not post to (no 1:1 chat with the bot yet, or the post failed). */
  unreached: z.array(z.string()).default([]),
  /** `pending` until the request card was posted (the sweep posts it after a crash). */
  delivery: z.enum(['pending', 'done']).default('pending'),
  rejection: z.object({ by: Person, reason: z.string(), at: z.iso.datetime() }).optional(),
  /** The change state every copy of the card was last updated to. */
  cardsShow: z.enum(CHANGE_STATES).optional(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

/** One pending request per flow set: held while its change is open (or being applied). */
export const ApprovalLock = z.object({
  setId: z.string(),
  changeId: z.uuid(),
  holder: Person,
  at: z.iso.datetime(),
});
export type ApprovalLock = z.infer<typeof ApprovalLock>;

export const ApprovalChannel = z.object({
  reference: ConversationReferenceSchema,
  conversationType: z.string(),
  name: z.string().optional(),
  /** The approver who chose it (object id, and their display name at the time). */
  setBy: Person,
  at: z.iso.datetime(),
});
export type ApprovalChannel = z.infer<typeof ApprovalChannel>;

/** Which bot process is sending a change's Graph write (reconcile.ts decides if it died). */
export const InstanceId = z.object({ host: z.string(), pid: z.number().int(), boot: z.string() });
export type InstanceId = z.infer<typeof InstanceId>;

export const InFlight = z.object({
  changeId: z.uuid(),
  instance: InstanceId,
  at: z.iso.datetime(),
});
export type InFlight = z.infer<typeof InFlight>;
