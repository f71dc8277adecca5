/** What `undo` decides for one applied change: a reverse change to preview, or why there is none. */
import type { Proposal } from '../proposals';
import type { FieldChange } from '../../domain/diff';
import {
  entryTitle,
  flowKindOfEntry,
  isShape,
  OUTSIDE_ACTOR,
  shortId,
  type StoredAuditEntry,
} from '../../domain/auditEntry';
import { formatTime } from '../../domain/time';

export { flowKindOfEntry, isShape, shortId };

export interface UndoButton {
  title: string;
  command: string;
}

export type UndoPlan =
  /** Goes through the ordinary preview (proposeChange), so the usual policy applies to it. */
  | { kind: 'propose'; proposal: Proposal; note: string }
  | { kind: 'explain'; status: string; title: string; message: string; buttons: UndoButton[] };

/** "change 1a2b3c4d (applied by Avery Admin at 2026-03-01 10:07:33 UTC)" */
export const appliedPhrase = (entry: StoredAuditEntry): string =>
  entry.actor.aadObjectId === OUTSIDE_ACTOR.aadObjectId
    ? `the change made outside the bot (noticed at ${formatTime(entry.at, 'second')})`
    : `change ${shortId(entry.changeId)} (applied by ${entry.actor.name} at ${formatTime(entry.at, 'second')})`;

export function explain(
  entry: StoredAuditEntry,
  status: string,
  message: string,
  buttons: UndoButton[] = [],
): UndoPlan {
  return { kind: 'explain', status, title: `Undo: ${entryTitle(entry)}`, message, buttons };
}

/** "Flow set name: Northwind HS → Northwind High School; …" (then → now). */
export const rowsPhrase = (rows: readonly FieldChange[]): string =>
  rows.map((r) => `${r.label}: ${r.before} → ${r.after}`).join('; ');
