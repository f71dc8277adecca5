/**
 * View-model of `history`: one page of audit entries, latest first. Each says when, what (the
 * change and its set or flow), what happened (event and outcome), who asked and who approved,
 * the fields it touched, and the change id and Graph request-id for support. Applied edits and
 * creates get an Undo button that runs `undo {change}` (a reverse preview, never a direct write).
 */
import type { StoredAuditEntry } from '../domain/auditEntry';
import { entryTitle, flowKindOfEntry } from '../domain/auditEntry';
import { afterPatch, diffFields, type FieldLabels } from '../domain/diff';
import { FLOW_LABELS, FLOW_SET_LABELS } from '../domain/fieldLabels';
import { pageButtons } from '../domain/paging';
import { samePerson, type ChangeKind } from '../domain/pendingChange';
import { AdaptiveCard, renderCard } from './render';
import { formatTime } from '../domain/time';

export const HISTORY_PAGE_SIZE = 10;
/** Field rows shown per entry; the rest are counted ("and 2 more"). */
export const SHOWN_FIELDS = 3;
const MAX_TEXT = 200;

export interface HistoryPageModel {
  entries: readonly StoredAuditEntry[];
  page: number;
  /** Whether older entries exist beyond this page. */
  hasNext: boolean;
  /** The set this history is limited to, if any. */
  set?: { id: string; name: string };
}

const UNDOABLE: ReadonlySet<ChangeKind> = new Set([
  'updateFlowSet',
  'updateFlow',
  'createFlowSet',
  'createFlow',
]);

const EVENTS: Record<StoredAuditEntry['event'], { text: string; color: string }> = {
  requested: { text: 'Requested', color: 'Default' },
  approved: { text: 'Approved', color: 'Good' },
  rejected: { text: 'Rejected', color: 'Attention' },
  applied: { text: '✓ Applied', color: 'Good' },
  failed: { text: '✗ Failed', color: 'Attention' },
  unknown: { text: 'Outcome unknown — checking', color: 'Warning' },
  stale: { text: 'Not applied (changed since the preview)', color: 'Warning' },
  expired: { text: 'Expired without being applied', color: 'Default' },
  cancelled: { text: 'Cancelled', color: 'Default' },
};

export const historyCommandFor = (setId?: string): string =>
  setId ? `history ${setId}` : 'history';

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

function status(entry: StoredAuditEntry): string {
  const said = entry.reason ?? entry.outcome;
  return said ? `${EVENTS[entry.event].text}: ${clip(said)}` : EVENTS[entry.event].text;
}

function who(entry: StoredAuditEntry): string {
  const { requester, approver, actor } = entry;
  const parts = [formatTime(entry.at, 'second'), `asked by ${requester.name}`];
  if (entry.event === 'rejected') return [...parts, `rejected by ${actor.name}`].join(' · ');
  if (approver) parts.push(`approved by ${approver.name}`);
  const isKnown = [requester, approver].some((p) => samePerson(p, actor));
  if (!isKnown) parts.push(`by ${actor.name}`);
  return parts.join(' · ');
}

function labelsOf(entry: StoredAuditEntry): FieldLabels | undefined {
  if (entry.kind === 'createFlowSet' || entry.kind === 'updateFlowSet') return FLOW_SET_LABELS;
  const kind = flowKindOfEntry(entry);
  return kind && (entry.kind === 'createFlow' || entry.kind === 'updateFlow')
    ? FLOW_LABELS[kind]
    : undefined;
}

/** "Flow set name: A → B · Schools: …", for what was asked and what was applied. */
function details(entry: StoredAuditEntry): string {
  const labels = labelsOf(entry);
  if (!labels || !['requested', 'approved', 'applied'].includes(entry.event)) return '';
  const creating = entry.kind === 'createFlowSet' || entry.kind === 'createFlow';
  const before = creating ? null : entry.before;
  // Edits are PATCHes: members left out of the body kept their values (afterPatch).
  const rows = diffFields(before, afterPatch(before, entry.body), labels);
  const shown = rows
    .slice(0, SHOWN_FIELDS)
    .map((r) => (creating ? `${r.label}: ${r.after}` : `${r.label}: ${r.before} → ${r.after}`));
  const more = rows.length - shown.length;
  return clip([...shown, ...(more > 0 ? [`and ${more} more`] : [])].join(' · '));
}

function row(entry: StoredAuditEntry) {
  return {
    what: entryTitle(entry),
    status: status(entry),
    color: EVENTS[entry.event].color,
    who: who(entry),
    details: details(entry),
    reference: [
      `Change ${entry.changeId}`,
      entry.requestId ? `Graph request-id ${entry.requestId}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    undo: entry.event === 'applied' && UNDOABLE.has(entry.kind) ? `undo ${entry.changeId}` : '',
  };
}

export function historyCard(model: HistoryPageModel): AdaptiveCard {
  const { page, set } = model;
  const pageCount = model.hasNext ? page + 1 : page;
  return renderCard('history', {
    title: set ? `Change history of "${set.name}"` : 'Change history',
    subtitle: `Latest first${page > 1 || model.hasNext ? ` · page ${page}` : ''}`,
    empty: model.entries.length
      ? ''
      : set
        ? `No changes to "${set.name}" have been recorded${page > 1 ? ' on this page' : ''}.`
        : `No changes have been recorded${page > 1 ? ' on this page' : ''}.`,
    entries: model.entries.map(row),
    buttons: pageButtons({ page, pageCount }, historyCommandFor(set?.id)),
  });
}
