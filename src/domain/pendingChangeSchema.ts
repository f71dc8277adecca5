/**
 * A proposed change, stored between its preview card and Apply ("what you approve
 * is what runs"): the exact request body, the version of the object it was computed from, who
 * asked, when it expires and where its card is. Zod-validated on every read and write (stored
 * data is a boundary, recordStore.ts).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';
import {
  FlowCreateInput,
  FlowPatchInput,
  FlowSetCreateInput,
  FlowSetPatchInput,
} from './flowInputs';
import { FLOW_KINDS } from './flowSchemas';

export const CHANGE_KINDS = [
  'createFlowSet',
  'updateFlowSet',
  'deleteFlowSet',
  'createFlow',
  'updateFlow',
  'deleteFlow',
  'resetFlow',
  /** An on-demand School Data Sync run (POST /external/industryData/runs/start). */
  'startRun',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** `approved` and `rejected` belong to peer approval (next step); nothing enters them yet. */
export const CHANGE_STATES = [
  'pending',
  'approved',
  'rejected',
  'applying',
  /** The write was sent but no answer came back: the sweep reads Graph and settles it. */
  'unknown',
  'applied',
  'failed',
  'cancelled',
  'expired',
  'stale',
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

/** Previews expire; 15 minutes unless configured otherwise. */
export const DEFAULT_PREVIEW_TTL_MS = 15 * 60 * 1000;

export const Person = z.object({ aadObjectId: z.string().min(1), name: z.string() });
export type Person = z.infer<typeof Person>;

const id = z.string().min(1);
const setTarget = z.object({ setId: id });
const flowTarget = z.object({ setId: id, flowId: id, flowKind: z.enum(FLOW_KINDS) });

const common = {
  id: z.uuid(),
  /** The object's lastModifiedDateTime when previewed; Apply refuses if it moved (stale). */
  baseVersion: z.string().nullable(),
  requester: Person,
  /** Set by peer approval (requester and approver are both recorded). */
  approver: Person.optional(),
  /** Where the preview card is, so every outcome can update it in place. */
  card: z.object({ conversationId: z.string(), activityId: z.string().optional() }).optional(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  state: z.enum(CHANGE_STATES),
  result: z
    .object({
      requestId: z.string().optional(),
      error: z.string().optional(),
      appliedAt: z.iso.datetime().optional(),
    })
    .default({}),
  /** Every state this change entered, who moved it and when (audit). */
  history: z
    .array(z.object({ state: z.enum(CHANGE_STATES), at: z.iso.datetime(), by: Person.optional() }))
    .default([]),
};

/**
 * `body` is the exact request body Apply will send, including any initial password
 * (userConfiguration.defaultPassword): Graph never returns passwords (docs/graph-notes.md#password-masking),
 * so the one the admin typed exists only here until it is sent. It must never be rendered or
 * logged: views and logs use redactChange().
 */
export const PendingChange = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('createFlowSet'),
    target: z.object({}),
    body: FlowSetCreateInput,
  }),
  z.object({
    ...common,
    kind: z.literal('updateFlowSet'),
    target: setTarget,
    body: FlowSetPatchInput,
  }),
  z.object({ ...common, kind: z.literal('deleteFlowSet'), target: setTarget, body: z.null() }),
  z.object({
    ...common,
    kind: z.literal('createFlow'),
    target: setTarget.extend({ flowKind: z.enum(FLOW_KINDS) }),
    body: FlowCreateInput,
  }),
  z.object({ ...common, kind: z.literal('updateFlow'), target: flowTarget, body: FlowPatchInput }),
  z.object({ ...common, kind: z.literal('deleteFlow'), target: flowTarget, body: z.null() }),
  z.object({ ...common, kind: z.literal('resetFlow'), target: flowTarget, body: z.null() }),
  z.object({ ...common, kind: z.literal('startRun'), target: z.object({}), body: z.null() }),
]);
export type PendingChange = z.infer<typeof PendingChange>;

export interface NewChange {
  kind: ChangeKind;
  target: { setId?: string; flowId?: string; flowKind?: (typeof FLOW_KINDS)[number] };
  body: unknown;
  baseVersion: string | null;
  requester: Person;
  now: Date;
  ttlMs?: number;
  id?: string;
}

/** A new `pending` change, validated; AppError 'bad_input' when the pieces do not fit. */
export function newPendingChange(input: NewChange): PendingChange {
  const at = input.now.toISOString();
  const parsed = PendingChange.safeParse({
    ...input,
    id: input.id ?? randomUUID(),
    createdAt: at,
    expiresAt: new Date(
      input.now.getTime() + (input.ttlMs ?? DEFAULT_PREVIEW_TTL_MS),
    ).toISOString(),
    state: 'pending',
    result: {},
    history: [{ state: 'pending', at, by: input.requester }],
  });
  if (!parsed.success)
    throw invalid(
      redactIssues(parsed.error.issues.map((i) => i.path.join('.') + ': ' + i.message)),
    );
  const change = parsed.data;
  const bodyKind = change.body && 'kind' in change.body ? change.body.kind : undefined;
  if (bodyKind && 'flowKind' in change.target && bodyKind !== change.target.flowKind)
    throw invalid([
      `body is a ${bodyKind} flow but the target is a ${change.target.flowKind} flow`,
    ]);
  return change;
}

const invalid = (problems: string[]) =>
  new AppError('bad_input', 'This change cannot be prepared: ' + problems.join('; '), {
    cause: new Error(problems.join('; ')),
  });
const redactIssues = (problems: string[]) =>
  problems.map((p) => (/password/i.test(p) ? 'a password is invalid' : p));

/** Attaches the preview card's location once it has been posted. */
export function withPreviewCard(
  change: PendingChange,
  card: { conversationId: string; activityId?: string },
): PendingChange {
  return { ...change, card };
}

/** A copy safe to log or show: every value under a key containing "password" is replaced. */
export function redactChange(change: PendingChange): unknown {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        /password/i.test(k) && v != null ? '(hidden)' : redact(v),
      ]),
    );
  };
  return redact(change);
}

/** The key prefix of pending changes in the durable store. */
export const PENDING_CHANGE_PREFIX = 'pending-change';

/** How long the preview of `change` was open for Apply, in minutes. */
export const ttlMinutesOf = (change: PendingChange): number =>
  (Date.parse(change.expiresAt) - Date.parse(change.createdAt)) / 60_000;
