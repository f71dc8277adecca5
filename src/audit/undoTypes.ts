/** What `undo` decides for one applied change: a reverse change to preview, or why there is none. */
import { exactTime } from '../changes/changeCards';
import type { Proposal } from '../changes/proposals';
import { changeTitle } from '../domain/changeDescription';
import type { FieldChange } from '../domain/diff';
import { FLOW_KINDS, type FlowKind } from '../graph/schemas';
import type { StoredAuditEntry } from './schema';

export interface UndoButton {
  title: string;
  command: string;
}

export type UndoPlan =
  /** Goes through the ordinary preview (proposeChange), so the usual policy applies to it. */
  | { kind: 'propose'; proposal: Proposal; note: string }
  | { kind: 'explain'; status: string; title: string; message: string; buttons: UndoButton[] };

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

/** "change 1a2b3c4d (applied by Avery Admin at 2026-03-01 10:07:33 UTC)" */
export const appliedPhrase = (entry: StoredAuditEntry): string =>
  `change ${shortId(entry.changeId)} (applied by ${entry.actor.name} at ${exactTime(entry.at)})`;

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
