/**
 * Which differences a change applied through the bot explains, as a pure function over the audit
 * log (src/history): same target, applied since the last poll, same resulting values. A field
 * row is explained when an applied change of that object set that field to that value (the rows
 * of both come from diff.ts with the same labels, so "same value" is the same display text). What
 * is left is drift: a set renamed by the bot and then given other schools in the portal is drift
 * for the schools only.
 */
import { afterPatch, diffFields, type FieldChange, type FieldLabels } from './diff';
import { FLOW_LABELS, FLOW_SET_LABELS } from './fieldLabels';
import { flowKindOfEntry, type StoredAuditEntry } from './auditEntry';
import type { DriftItem } from './driftRecords';

/**
 * How much earlier than the last poll an applied change still counts: a poll lists the sets
 * before it stamps its time, so a change applied in between is only seen by the next poll.
 */
export const MATCH_SLACK_MS = 10 * 60 * 1000;

const rowKey = (r: Pick<FieldChange, 'path' | 'after'>) => `${r.path}\n${r.after}`;

/** The rows an applied edit produced, as its preview showed them (PATCH merge, diff.ts). */
function appliedRows(entry: StoredAuditEntry, labels: FieldLabels): FieldChange[] {
  const before = entry.before ?? null;
  // Not entry.after: that lays the body over the snapshot member by member only (changeEntry.ts).
  return diffFields(before, afterPatch(before, entry.body), labels);
}

const sameFlow = (e: StoredAuditEntry, flowId: string | undefined, kind: unknown) =>
  e.flowId ? e.flowId === flowId : flowKindOfEntry(e) === kind;

/** What is left of `item` after the applied changes `entries` (all of the same set). */
function remainder(item: DriftItem, entries: readonly StoredAuditEntry[]): DriftItem | undefined {
  const of = (kind: StoredAuditEntry['kind']) => entries.filter((e) => e.kind === kind);
  const rowsLeft = (edits: StoredAuditEntry[], labels: FieldLabels) => {
    const explained = new Set(edits.flatMap((e) => appliedRows(e, labels).map(rowKey)));
    const rows = item.rows.filter((r) => !explained.has(rowKey(r)));
    return rows.length ? { ...item, rows } : undefined;
  };
  const created = of('createFlow').some(
    (e) => flowKindOfEntry(e) === item.flowKind && (!e.flowId || e.flowId === item.flowId),
  );
  const deleted = (id: string | undefined) => of('deleteFlow').some((e) => e.flowId === id);
  switch (item.change) {
    case 'setChanged':
      return rowsLeft(of('updateFlowSet'), FLOW_SET_LABELS);
    case 'flowChanged':
      return item.flowKind
        ? rowsLeft(
            of('updateFlow').filter((e) => sameFlow(e, item.flowId, item.flowKind)),
            FLOW_LABELS[item.flowKind],
          )
        : item;
    case 'flowAdded':
      return created ? undefined : item;
    case 'flowRemoved':
      return deleted(item.flowId) ? undefined : item;
    case 'flowReplaced':
      return created && deleted(item.replacedFlowId) ? undefined : item;
    case 'setCreated':
      return of('createFlowSet').length ? undefined : item;
    case 'setDeleted':
      return of('deleteFlowSet').length ? undefined : item;
  }
}

/** The items no change applied through the bot since `since` (the last poll) explains. */
export function unexplained(
  items: readonly DriftItem[],
  audit: readonly StoredAuditEntry[],
  since: string | undefined,
): DriftItem[] {
  const from = since ? Date.parse(since) - MATCH_SLACK_MS : -Infinity;
  const applied = audit.filter((e) => e.event === 'applied' && Date.parse(e.at) >= from);
  return items.flatMap((item) => {
    // A created set is known by the id Graph gave it (recorded with the change) or by its name.
    const mine = applied.filter((e) =>
      e.setId
        ? e.setId === item.setId
        : e.kind === 'createFlowSet' && bodyName(e.body) === item.setName,
    );
    const left = mine.length ? remainder(item, mine) : item;
    return left ? [left] : [];
  });
}

const bodyName = (body: unknown): unknown =>
  body && typeof body === 'object' ? (body as { displayName?: unknown }).displayName : undefined;
