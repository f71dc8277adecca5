/**
 * View-model of `show`: one flow set, its filter and timestamps, and each flow with readiness and
 * key settings. Buttons carry ids and the set's lastModifiedDateTime as `version` only; the
 * handlers re-read the truth from Graph before doing anything (src/actions/flowSetButtons.ts).
 * Flows of a type this version does not know get no buttons: nothing here can edit them.
 */
import { flowSettingFacts } from '../domain/flowSettings';
import {
  filterDetail,
  flowLabel,
  missingFlowKinds,
  readinessBadge,
  sortFlows,
} from '../domain/flowSummary';
import { flowKindOf, type FlowSet, type ProvisioningFlow } from '../domain/flowSchemas';
import { showCommandFor } from './flowSetListCard';
import { AdaptiveCard, renderCard } from './render';
import { NEW_MESSAGE_KEY } from '../domain/adaptiveCard';
import { timeFact } from './localTime';

/** Data of the Edit / Add flow / Delete buttons (verbs flowset.edit, flow.add, flowset.delete). */
export interface FlowSetRef {
  setId: string;
  version: string;
}

/** Data of a flow's Edit / Remove / Reset buttons (verbs flow.edit, flow.remove, flow.reset). */
export interface FlowRef extends FlowSetRef {
  flowId: string;
  kind?: string;
}

export interface FlowSetCardOptions {
  /** Shown above the card, e.g. why this card replaced an out-of-date one. */
  note?: string;
}

export function flowSetRef(set: FlowSet): FlowSetRef {
  return { setId: set.id, version: set.lastModifiedDateTime ?? '' };
}

function flowSection(set: FlowSet, flow: ProvisioningFlow) {
  const badge = readinessBadge(flow.readinessStatus);
  const kind = flowKindOf(flow);
  const ref: FlowRef = { ...flowSetRef(set), flowId: flow.id, ...(kind ? { kind } : {}) };
  return {
    title: flowLabel(flow),
    readiness: badge.text,
    color: badge.color,
    facts: flowSettingFacts(flow),
    known: kind !== undefined,
    ref,
  };
}

export function flowSetCard(
  set: FlowSet,
  flows: readonly ProvisioningFlow[],
  options: FlowSetCardOptions = {},
): AdaptiveCard {
  return renderCard('flowset', {
    note: options.note ?? '',
    name: set.displayName,
    facts: [
      { title: 'Filter', value: filterDetail(set.filter) },
      { title: 'Id', value: set.id },
    ],
    // In the reader's own time zone: TextBlock rows, as FactSet values do not render {{DATE()}}.
    times: [
      timeFact('Created', '', set.createdDateTime),
      timeFact('Last changed', '', set.lastModifiedDateTime),
    ],
    noFlows: flows.length ? '' : 'This flow set has no flows yet: it provisions nothing.',
    flows: sortFlows(flows).map((flow) => flowSection(set, flow)),
    refreshCommand: showCommandFor(set.id),
    setRef: flowSetRef(set),
    // Add flow leaves the set card as it is: the type chooser comes as a new message.
    addFlowRef: { ...flowSetRef(set), [NEW_MESSAGE_KEY]: true },
    // Graph allows one flow of each type per set (docs/graph-notes.md#one-flow-per-type).
    canAddFlow: missingFlowKinds(flows).length > 0,
  });
}
