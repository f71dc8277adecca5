/**
 * How a claimed change ended, as data: what the change pipeline (src/changes) returns and what the
 * result card (views/changeCards.ts finishedCard) is drawn from. No presentation here.
 */
import type { ChangeView } from './changeView';
import type { FieldChange } from './diff';
import type { FlowSet, ProvisioningFlow } from './flowSchemas';
import type { PendingChange } from './pendingChangeSchema';

/** What Graph stores after an applied change, read back for the result card. */
export type StoredData =
  | { kind: 'set'; set: FlowSet; flows: ProvisioningFlow[] }
  | { kind: 'flow'; setName: string; flow: ProvisioningFlow };

export type FinishedResult =
  | { kind: 'applied'; stored?: StoredData; note?: string }
  | { kind: 'failed' }
  /** Sent, but Graph did not answer: the sweep settles it by reading Graph (approvals/sweep.ts). */
  | { kind: 'unknown' }
  | { kind: 'stale'; reason: string; rows: FieldChange[] };

/** What proposing a change gives (changes/propose.ts), drawn by views/changeCards.ts proposalCard. */
export type ProposeOutcome =
  /** An edit that changes nothing: `change` is the draft, never stored. */
  | { kind: 'unchanged'; change: PendingChange; view: ChangeView }
  /** Stored and waiting for Apply; `approval` when it needs peer approval (src/approvals). */
  | {
      kind: 'proposed';
      change: PendingChange;
      view: ChangeView;
      note?: string;
      approval?: { notice?: string };
    };

/**
 * What replaces an expired preview (changes/expire.ts): the same change proposed again, or, when
 * that is not possible (`reason`), the expired change itself.
 */
export type FreshPreview =
  | ProposeOutcome
  | { kind: 'gone'; change: PendingChange; view: ChangeView; reason: string };
