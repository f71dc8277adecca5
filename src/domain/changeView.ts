/**
 * What the cards of a change need besides the PendingChange itself: the set's name and the
 * object as it was at preview time, in the request-body shape (previewDiff.ts), so every later
 * card (result, stale, expired, a loser's duplicate click) can be drawn from storage alone, and a
 * stale Apply can say *what* changed (keep the GET snapshot the change was computed
 * from). Written once, before the change, and never updated. The snapshot holds no passwords:
 * the shapes leave them out (Graph only returns them masked, docs/graph-notes.md#password-masking).
 */
import { z } from 'zod';

export const ChangeView = z.object({
  setName: z.string(),
  /** The object before the change (flowSetShape / flowShape); null for creates. */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** Blast radius of deletes and resets, in words (changeDescription.ts). */
  effects: z.array(z.string()).default([]),
});
export type ChangeView = z.infer<typeof ChangeView>;
