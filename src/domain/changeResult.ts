/**
 * How a claimed change ended, as data: what the change pipeline (src/changes) returns and what the
 * result card (views/changeCards.ts finishedCard) is drawn from. No presentation here.
 */
import type { FieldChange } from './diff';
import type { FlowSet, ProvisioningFlow } from './flowSchemas';

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
