/** Configuration of peer approval (src/approvals): who must approve a change, and for how long. */
import { z } from 'zod';
import type { ChangeKind } from '../domain/pendingChangeSchema';
import { optionalText, type RawOf } from './schemaParts';

/** Change kinds grouped by the chat command that proposes them; each group has its own policy key. */
export const APPROVAL_POLICY_GROUPS = {
  CREATE: ['createFlowSet'],
  EDIT: ['updateFlowSet', 'updateFlow'],
  DELETE: ['deleteFlowSet'],
  ADD: ['createFlow'],
  REMOVE: ['deleteFlow'],
  RESET: ['resetFlow'],
  START_RUN: ['startRun'],
} as const satisfies Record<string, readonly ChangeKind[]>;
type PolicyGroup = keyof typeof APPROVAL_POLICY_GROUPS;
const policyKey = (group: PolicyGroup) => `APPROVAL_POLICY_${group}` as const;
const APPROVAL_POLICY_KEYS = Object.fromEntries(
  (Object.keys(APPROVAL_POLICY_GROUPS) as PolicyGroup[]).map((group) => [
    policyKey(group),
    {
      schema: z.enum(['self', 'peer']).optional(),
      hint: `self or peer for "${group.toLowerCase().replace('_', ' ')}" changes; empty = APPROVAL_POLICY`,
    },
  ]),
) as Record<
  ReturnType<typeof policyKey>,
  { schema: z.ZodOptional<z.ZodEnum<{ self: 'self'; peer: 'peer' }>>; hint: string }
>;

export const approvalKeys = {
  APPROVAL_POLICY: {
    schema: z.enum(['self', 'peer']).default('self'),
    hint: 'self (the requester applies their own change) or peer (another approver must approve it)',
  },
  ...APPROVAL_POLICY_KEYS,
  APPROVERS: {
    schema: optionalText.pipe(
      z
        .string()
        .optional()
        .transform((v) =>
          v
            ? v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        )
        .pipe(z.array(z.uuid())),
    ),
    hint: 'comma-separated Entra object ids (GUIDs) of the people who may approve',
  },
  APPROVER_GROUP_ID: {
    schema: optionalText.pipe(z.uuid().optional()),
    hint: 'the object id (GUID) of an Entra group whose members (nested too) may approve',
  },
  APPROVAL_TTL_HOURS: {
    schema: z.coerce.number().positive().default(24),
    hint: 'hours an approval request waits before it expires (a positive number)',
  },
  APPROVAL_SWEEP_SECONDS: {
    schema: z.coerce.number().min(0).optional(),
    hint: 'seconds between sweeps for expired requests and interrupted changes (default 60; 10 in sandbox mode); 0 turns the timer off',
  },
} as const;

export interface ApprovalsConfig {
  /** Per change kind: does the requester apply it (self) or must another approver (peer)? */
  policy: Record<ChangeKind, 'self' | 'peer'>;
  /** Entra object ids allowed to approve (besides the group's members). */
  approvers: string[];
  approverGroupId?: string;
  ttlMs: number;
  /** 0 = no background sweep (tests sweep on demand). */
  sweepMs: number;
}

export function approvalsConfig(r: RawOf<typeof approvalKeys>, sandbox: boolean): ApprovalsConfig {
  const policy = {} as Record<ChangeKind, 'self' | 'peer'>;
  for (const group of Object.keys(APPROVAL_POLICY_GROUPS) as PolicyGroup[]) {
    for (const kind of APPROVAL_POLICY_GROUPS[group])
      policy[kind] = r[policyKey(group)] ?? r.APPROVAL_POLICY;
  }
  return {
    policy,
    approvers: [...new Set(r.APPROVERS.map((id) => id.toLowerCase()))],
    approverGroupId: r.APPROVER_GROUP_ID,
    ttlMs: Math.round(r.APPROVAL_TTL_HOURS * 3_600_000),
    sweepMs: Math.round((r.APPROVAL_SWEEP_SECONDS ?? (sandbox ? 10 : 60)) * 1000),
  };
}
