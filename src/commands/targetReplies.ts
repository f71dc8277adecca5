/**
 * What a change command answers when what was typed does not pick one set or flow
 * (changes/targets.ts): a which-one or did-you-mean card whose buttons re-run the same command
 * for one set id, or the plain "has no such flow" answer.
 */
import type { FlowLookup, SetLookup } from '../changes/targets';
import type { FlowSet, KnownProvisioningFlow } from '../domain/flowSchemas';
import type { Reply } from '../bot/command';
import { noSuchFlowSetCard, whichOneCard } from '../views/whichOneCard';

export type Found<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** The set, or the card whose buttons run `commandFor(set)` for one of the sets meant. */
export function setFound(lookup: SetLookup, commandFor: (set: FlowSet) => string): Found<FlowSet> {
  const options = { commandFor, button: 'Choose' };
  switch (lookup.kind) {
    case 'found':
      return { ok: true, value: lookup.set };
    case 'ambiguous':
      return { ok: false, reply: { card: whichOneCard(lookup.typed, lookup.candidates, options) } };
    case 'none':
      return {
        ok: false,
        reply: { card: noSuchFlowSetCard(lookup.typed, lookup.suggestions, options) },
      };
  }
}

export const flowFound = (lookup: FlowLookup): Found<KnownProvisioningFlow> =>
  lookup.kind === 'found'
    ? { ok: true, value: lookup.flow }
    : { ok: false, reply: { text: lookup.message } };
