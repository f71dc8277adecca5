/**
 * View-model of `history`: one page of changes, latest first, one row per change (not one per
 * event). Each says what (the change and its set or flow), where it stands (applied, failed,
 * waiting…), its lifecycle in a line (requested by, approved by, applied) with the time of the
 * latest event in the reader's own time zone (`{{DATE()}}`/`{{TIME()}}`), and the fields it
 * touched. "Details" expands every event in UTC to the second, with the change id and Graph
 * request-id for support. Applied edits and creates get an Undo button that runs
 * `undo {change}` (a reverse preview, never a direct write).
 */
import type { StoredAuditEntry } from '../domain/auditEntry';
import { entryTitle, flowKindOfEntry } from '../domain/auditEntry';
import { afterPatch, diffFields, type FieldLabels } from '../domain/diff';
import { FLOW_LABELS, FLOW_SET_LABELS } from '../domain/fieldLabels';
import { pageButtons } from '../domain/paging';
import { samePerson, type ChangeKind } from '../domain/pendingChange';
import { AdaptiveCard, renderCard } from './render';
import { cardTimestamp, formatTime } from '../domain/time';

export const HISTORY_PAGE_SIZE = 10;
/** Field rows shown per entry; the rest are counted ("and 2 more"). */
export const SHOWN_FIELDS = 3;
const MAX_TEXT = 200;

export interface HistoryPageModel {
  /** The entries of this page's changes, latest first; the card shows one row per change. */
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

// Words and plain symbols; no yellow text (hard to read on white): the words say what happened.
const EVENTS: Record<StoredAuditEntry['event'], { text: string; color: string }> = {
  requested: { text: 'Requested', color: 'Default' },
  approved: { text: 'Approved', color: 'Good' },
  rejected: { text: '✗ Rejected', color: 'Attention' },
  applied: { text: '✓ Applied', color: 'Good' },
  failed: { text: '✗ Failed', color: 'Attention' },
  unknown: { text: 'Outcome unknown — checking', color: 'Default' },
  stale: { text: 'Not applied (changed since the preview)', color: 'Default' },
  expired: { text: 'Expired without being applied', color: 'Default' },
  cancelled: { text: 'Cancelled', color: 'Default' },
  drifted: { text: 'Changed outside the bot', color: 'Attention' },
  accepted: { text: 'Accepted', color: 'Default' },
  revertProposed: { text: 'Revert proposed', color: 'Default' },
};

/** What a change's latest event means for the change as a whole. */
const STATE_OF_CHANGE: Partial<Record<StoredAuditEntry['event'], string>> = {
  requested: 'Waiting to be applied',
  approved: 'Approved, waiting to be applied',
};

export const historyCommandFor = (setId?: string): string =>
  setId ? `history ${setId}` : 'history';

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

function status(entry: StoredAuditEntry): string {
  const said = entry.reason ?? entry.outcome;
  const text = STATE_OF_CHANGE[entry.event] ?? EVENTS[entry.event].text;
  return said ? `${text}: ${clip(said)}` : text;
}

/** "Requested by Avery · approved by Blake · applied": the lifecycle in one line. */
function lifecycle(entries: readonly StoredAuditEntry[]): string {
  const first = entries[0]!;
  const latest = entries.at(-1)!;
  if (first.event === 'drifted') return driftLifecycle(latest);
  const parts = [`Requested by ${first.requester.name}`];
  const approver =
    entries.find((e) => e.event === 'approved')?.actor ?? entries.find((e) => e.approver)?.approver;
  if (approver) parts.push(`approved by ${approver.name}`);
  if (latest.event === 'rejected') parts.push(`rejected by ${latest.actor.name}`);
  else if (latest.event === 'cancelled') parts.push(`cancelled by ${latest.actor.name}`);
  else if (latest.event !== 'requested' && latest.event !== 'approved') {
    const known = [latest.requester, latest.approver].some((p) => p && samePerson(p, latest.actor));
    const by = known || latest.actor.aadObjectId === 'system' ? '' : ` by ${latest.actor.name}`;
    parts.push(`${EVENTS[latest.event].text.replace(/^[✓✗] /, '').toLowerCase()}${by}`);
  }
  return parts.join(' · ');
}

/** "Changed outside the bot · accepted by Avery Admin": a drift's own line. */
function driftLifecycle(latest: StoredAuditEntry): string {
  const then =
    latest.event === 'drifted'
      ? ''
      : ` · ${EVENTS[latest.event].text.toLowerCase()} by ${latest.actor.name}`;
  return `Changed outside the bot${then}`;
}

/** One line per event for the expanded details, in UTC to the second (the record, not the reader's clock). */
function event(entry: StoredAuditEntry) {
  const said = entry.reason ?? entry.outcome;
  return {
    line: `${formatTime(entry.at, 'second')} · ${EVENTS[entry.event].text} · ${entry.actor.name}`,
    note: said ? clip(said) : '',
  };
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

/** One row per change: its entries, oldest first. */
function row(entries: readonly StoredAuditEntry[]) {
  const latest = entries.at(-1)!;
  // What was asked (or applied) carries the body the field rows are drawn from.
  const withBody =
    [...entries].reverse().find((e) => e.event === 'applied') ??
    entries.find((e) => e.event === 'requested' || e.event === 'drifted') ??
    latest;
  const requestIds = [...new Set(entries.map((e) => e.requestId).filter(Boolean))];
  return {
    what: entryTitle(latest),
    status: status(latest),
    color: EVENTS[latest.event].color,
    who: lifecycle(entries),
    // RFC 3339 for the template's {{DATE()}}/{{TIME()}} (markdown escaping leaves it as it is).
    at: cardTimestamp(latest.at) ?? '',
    details: details({
      ...withBody,
      event: withBody.event === 'applied' ? 'applied' : 'requested',
    }),
    events: entries.map(event),
    reference: [
      `Change ${latest.changeId}`,
      ...requestIds.map((id) => `Graph request-id ${id}`),
    ].join(' · '),
    undo:
      entries.some((e) => e.event === 'applied') && UNDOABLE.has(latest.kind)
        ? `undo ${latest.changeId}`
        : '',
  };
}

/** Entries (latest first) grouped by change: changes in order of their latest entry, each oldest first. */
function byChange(entries: readonly StoredAuditEntry[]): StoredAuditEntry[][] {
  const groups = new Map<string, StoredAuditEntry[]>();
  for (const e of entries) {
    const list = groups.get(e.changeId);
    if (list) list.push(e);
    else groups.set(e.changeId, [e]);
  }
  return [...groups.values()].map((list) => [...list].sort((x, y) => x.id.localeCompare(y.id)));
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
    entries: byChange(model.entries).map(row),
    buttons: pageButtons({ page, pageCount }, historyCommandFor(set?.id)),
  });
}
