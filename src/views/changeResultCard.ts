/**
 * View-model of a change after its preview: applied (with what is stored now), not applied
 * (failed, stale, expired, cancelled) or still being applied. It replaces the preview for
 * everyone, so it carries no Apply/Cancel buttons: only read-only
 * command buttons (e.g. "Show flow set", which re-reads Graph) and "Preview again" (a new
 * preview of the same change). Every button answers as a new message: the card stays.
 */
import type { Fact } from '../domain/flowSettings';
import { flowSettingFacts } from '../domain/flowSettings';
import { filterDetail, flowLabel, readinessBadge, sortFlows } from '../domain/flowSummary';
import type { FlowSet, ProvisioningFlow } from '../domain/flowSchemas';
import type { StoredData } from '../domain/changeResult';
import { AdaptiveCard, renderCard } from './render';
import { NEW_MESSAGE_KEY } from '../domain/adaptiveCard';
import { localTime, timeFact, type LocalTime, type TimeFact } from './localTime';

export type ResultTone = 'good' | 'attention' | 'warning' | 'default' | 'emphasis';

export interface FlowView {
  title: string;
  readiness: string;
  color: string;
  facts: Fact[];
}

export interface StoredView {
  heading: string;
  name: string;
  facts: Fact[];
  /** Times in the reader's own zone (TextBlock rows: FactSet values do not render {{DATE()}}). */
  times: TimeFact[];
  flows: FlowView[];
}

export interface ChangeResultModel {
  tone: ResultTone;
  /** e.g. "✓ Applied", "Not applied: changed since the preview". */
  status: string;
  title: string;
  /**
   * A first sentence with a time, shown in the reader's own zone: e.g. "Applied by Avery Admin
   * at {time}." as `{ before: 'Applied by Avery Admin at ', at, after: '.' }` (see appliedAt).
   */
  when?: LocalTime;
  message?: string;
  rowsHeading?: string;
  rows?: Array<{ label: string; value: string }>;
  stored?: StoredView;
  /** Change id, Graph request-id: for the audit trail and support. */
  references?: string[];
  buttons?: ResultButton[];
}

/** A command to run (verb command.run), or a verb of its own with its data. */
export type ResultButton =
  | { title: string; command: string }
  | { title: string; verb: string; data: Record<string, string> };

const actionOf = (b: ResultButton) =>
  'command' in b
    ? { title: b.title, verb: 'command.run', data: { command: b.command, [NEW_MESSAGE_KEY]: true } }
    : { title: b.title, verb: b.verb, data: { ...b.data, [NEW_MESSAGE_KEY]: true } };

export function flowView(flow: ProvisioningFlow): FlowView {
  const badge = readinessBadge(flow.readinessStatus);
  return {
    title: flowLabel(flow),
    readiness: badge.text,
    color: badge.color,
    facts: flowSettingFacts(flow),
  };
}

/** A flow set as stored now, with its flows: the body of the `show` card without buttons. */
export function storedSetView(set: FlowSet, flows: readonly ProvisioningFlow[]): StoredView {
  return {
    heading: 'Now stored in Microsoft Graph',
    name: set.displayName,
    facts: [
      { title: 'Filter', value: filterDetail(set.filter) },
      { title: 'Flows', value: flows.length ? String(flows.length) : 'None yet' },
      { title: 'Id', value: set.id },
    ],
    times: [timeFact('Last changed', '', set.lastModifiedDateTime)],
    flows: sortFlows(flows).map(flowView),
  };
}

/** One flow as stored now: its readiness and settings. */
export function storedFlowView(setName: string, flow: ProvisioningFlow): StoredView {
  return {
    heading: 'Now stored in Microsoft Graph',
    name: `${setName}: ${flowLabel(flow)} flow`,
    facts: [],
    times: [timeFact('Last changed', '', flow.lastModifiedDateTime)],
    flows: [flowView(flow)],
  };
}

/** What a change's read-back found (src/changes/execute.ts), as the card shows it. */
export const storedViewOf = (data: StoredData): StoredView =>
  data.kind === 'set'
    ? storedSetView(data.set, data.flows)
    : storedFlowView(data.setName, data.flow);

const NOTHING: StoredView = { heading: '', name: '', facts: [], times: [], flows: [] };
const NO_TIME: LocalTime = { before: '', at: '', after: '' };

/** "Applied by Avery Admin at {time}.": the applied result's first sentence, in local time. */
export const appliedAt = (by: string, at: string | null | undefined): LocalTime =>
  localTime(`Applied by ${by} at `, at, '.', 'second');

export function changeResultCard(model: ChangeResultModel): AdaptiveCard {
  const rows = model.rows ?? [];
  return renderCard('change-result', {
    tone: model.tone,
    status: model.status,
    title: model.title,
    when: model.when ?? NO_TIME,
    message: model.message ?? '',
    hasRows: rows.length > 0,
    rowsHeading: model.rowsHeading ?? '',
    rows,
    hasStored: !!model.stored,
    stored: model.stored ?? NOTHING,
    reference: (model.references ?? []).filter(Boolean).join(' · '),
    buttons: (model.buttons ?? []).map(actionOf),
  });
}
