/**
 * "Which type of flow?" for the set card's Add flow button: one button per type the set does not
 * have yet (Graph allows one flow of each type per set, docs/graph-notes.md#one-flow-per-type). Each button carries
 * the set id, its version and the kind; the handler re-reads the set before showing a form.
 */
import type { FlowSet, FlowKind } from '../domain/flowSchemas';
import { FLOW_KIND_LABELS } from '../domain/flowSummary';
import { flowSetRef } from './flowSetCard';
import { AdaptiveCard, renderCard } from './render';

const WHAT_IT_DOES: Record<FlowKind, string> = {
  user: 'Creates and updates Microsoft 365 users, with licences per role group.',
  classGroup: 'Creates a Microsoft 365 group (and optionally a Team) for each class.',
  securityGroup: 'Security groups per role group, or per school and role group.',
  administrativeUnit: 'Administrative units per school, or per school and role group.',
};

export function flowKindChoiceCard(set: FlowSet, kinds: readonly FlowKind[]): AdaptiveCard {
  return renderCard('flow-kind-choice', {
    message: `Which type of flow do you want to add to "${set.displayName}"?`,
    // Cancel closes the chooser (form.cancel): back to the set card, nothing saved (item 21).
    setId: set.id,
    hint: 'A flow set holds at most one flow of each type; only the types it does not have yet are offered.',
    choices: kinds.map((kind) => ({
      title: FLOW_KIND_LABELS[kind],
      detail: WHAT_IT_DOES[kind],
      ref: { ...flowSetRef(set), kind },
    })),
  });
}
