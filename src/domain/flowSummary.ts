/**
 * Short, human wording for flow sets and flows: filter summaries, readiness badges, the flow
 * types of a set on one line, timestamps. Pure functions over the Graph types, shared by the
 * list, show and status cards.
 */
import {
  FLOW_KINDS,
  flowKindOf,
  type BasicFilter,
  type FlowKind,
  type FlowSet,
  type ProvisioningFlow,
} from './flowSchemas';

/** A flow set with its flows, as the list, show and status commands read them. */
export interface FlowSetWithFlows {
  set: FlowSet;
  flows: ProvisioningFlow[];
}

export const FLOW_KIND_LABELS: Record<FlowKind, string> = {
  user: 'Users',
  classGroup: 'Classes',
  securityGroup: 'Security groups',
  administrativeUnit: 'Administrative units',
};

/** Adaptive Card TextBlock colours (1.5): Default, Good, Warning, Attention, … */
export type BadgeColor = 'Good' | 'Warning' | 'Attention' | 'Default';

export interface ReadinessBadge {
  /** e.g. "✓ ready" */
  text: string;
  color: BadgeColor;
  /** Lower is worse; used to put what needs attention first. */
  severity: number;
}

// Plain symbols only (✓ ✗ • … ?): emoji such as ⌛ ⏳ show as empty boxes where there is no emoji font.
// readinessStatus values, docs/graph-notes.md#enumerations. Graph may add members (unknownFutureValue and later).
const BADGES: Record<string, ReadinessBadge> = {
  failed: { text: '✗ failed', color: 'Attention', severity: 0 },
  expired: { text: '✗ expired', color: 'Attention', severity: 1 },
  disabled: { text: '• disabled', color: 'Warning', severity: 2 },
  notReady: { text: '… not ready', color: 'Warning', severity: 3 },
  ready: { text: '✓ ready', color: 'Good', severity: 9 },
};

export function readinessBadge(status: string | null | undefined): ReadinessBadge {
  if (status && Object.hasOwn(BADGES, status)) return BADGES[status]!;
  return { text: `? ${status || 'unknown'}`, color: 'Default', severity: 4 };
}

export const isReady = (flow: ProvisioningFlow): boolean => flow.readinessStatus === 'ready';

export function flowLabel(flow: ProvisioningFlow): string {
  const kind = flowKindOf(flow);
  return kind ? FLOW_KIND_LABELS[kind] : 'Other flow';
}

/** Flows in the order the docs list the types (users, classes, security groups, admin units). */
export function sortFlows<F extends ProvisioningFlow>(flows: readonly F[]): F[] {
  const rank = (f: F) => {
    const kind = flowKindOf(f);
    return kind ? FLOW_KINDS.indexOf(kind) : FLOW_KINDS.length;
  };
  return [...flows].sort((a, b) => rank(a) - rank(b));
}

/** "Users ✓ ready · Classes … not ready", or "No flows yet". */
export function flowsSummary(flows: readonly ProvisioningFlow[]): string {
  if (!flows.length) return 'No flows yet';
  return sortFlows(flows)
    .map((f) => `${flowLabel(f)} ${readinessBadge(f.readinessStatus).text}`)
    .join(' · ');
}

/** Flow types the set does not have yet: Graph allows one flow of each type per set (docs/graph-notes.md#one-flow-per-type). */
export function missingFlowKinds(flows: readonly ProvisioningFlow[]): FlowKind[] {
  const present = new Set(flows.map(flowKindOf));
  return FLOW_KINDS.filter((k) => !present.has(k));
}

const ALL_ORGS = 'All organisations';

/** "All organisations", "1 school: NHS-0042", "5 schools: A, B, C…" (basicFilter on orgExternalId, docs/graph-notes.md#types). */
export function filterSummary(filter: BasicFilter | null | undefined, shown = 3): string {
  const orgs = filter?.in ?? [];
  if (!orgs.length) return ALL_ORGS;
  const noun = orgs.length === 1 ? 'school' : 'schools';
  const more = orgs.length > shown ? '…' : '';
  return `${orgs.length} ${noun}: ${orgs.slice(0, shown).join(', ')}${more}`;
}

/** The whole organisation list for the detail card, bounded so the card stays under Teams' size limit. */
export function filterDetail(filter: BasicFilter | null | undefined, max = 60): string {
  const orgs = filter?.in ?? [];
  if (!orgs.length) return `${ALL_ORGS} (no filter)`;
  const more = orgs.length > max ? ` … and ${orgs.length - max} more` : '';
  return `${orgs.slice(0, max).join(', ')}${more}`;
}

/** "courseGradeLevel" → "course grade level": enum members and role codes as words. */
export function humanise(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

/** "a, b, c", or the fallback when there is nothing. */
export function listOrNone(
  values: readonly (string | null | undefined)[] | null | undefined,
  none = 'None',
): string {
  const present = (values ?? []).filter((v): v is string => !!v);
  return present.length ? present.join(', ') : none;
}

type Named = { displayName: string; id: string };

// One collator each, made once: `localeCompare` with options builds a collator per comparison.
const byName = new Intl.Collator('en', { sensitivity: 'base' });
const byId = new Intl.Collator();

/** By name, case- and accent-insensitive; the id breaks ties so paging is stable. */
export const compareByName = (a: Named, b: Named): number =>
  byName.compare(a.displayName, b.displayName) || byId.compare(a.id, b.id);

export function sortByName<S extends Named>(sets: readonly S[]): S[] {
  return [...sets].sort(compareByName);
}
