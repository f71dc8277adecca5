/**
 * View-model for a flow set name that did not pick exactly one set: "which one?" with the
 * candidates as buttons, or "no flow set named X" with the closest names.
 */
import { unquote } from '../domain/flowSetResolver';
import { filterSummary } from '../domain/flowSummary';
import type { FlowSet } from '../domain/flowSchemas';
import { AdaptiveCard, renderCard } from './render';
import { showCommandFor } from './flowSetListCard';

/** More rows than this would make a card nobody reads (and approach Teams' 28 KB limit). */
export const MAX_CHOICES = 10;

export interface WhichOneOptions {
  /** The command each button runs for a set; default `show <id>`. */
  commandFor?: (set: FlowSet) => string;
  /** Button title; default "Show". */
  button?: string;
}

/** What was typed, in quotes (its own quotes removed), shortened if long. */
function quoteTyped(typed: string): string {
  const { text } = unquote(typed);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

function choices(sets: readonly FlowSet[], options: WhichOneOptions) {
  const commandFor = options.commandFor ?? ((set: FlowSet) => showCommandFor(set.id));
  return sets.slice(0, MAX_CHOICES).map((set) => ({
    name: set.displayName,
    detail: `${filterSummary(set.filter)} · id ${set.id}`,
    button: options.button ?? 'Show',
    command: commandFor(set),
  }));
}

export function whichOneCard(
  typed: string,
  candidates: readonly FlowSet[],
  options: WhichOneOptions = {},
): AdaptiveCard {
  const hidden = candidates.length - MAX_CHOICES;
  return renderCard('which-one', {
    message: `Which flow set do you mean by ${quoteTyped(typed)}?`,
    hint: `${candidates.length} flow sets match. Pick one, or type more of the name (or its id).`,
    choices: choices(candidates, options),
    more: hidden > 0 ? `… and ${hidden} more. Type more of the name to narrow it down.` : '',
  });
}

export function noSuchFlowSetCard(
  typed: string,
  suggestions: readonly FlowSet[],
  options: WhichOneOptions = {},
): AdaptiveCard {
  return renderCard('which-one', {
    message: `There is no flow set named ${quoteTyped(typed)}.`,
    hint: suggestions.length
      ? 'Did you mean one of these?'
      : 'Names can be typed in full, by their start, or in quotes; ids work too.',
    choices: choices(suggestions, options),
    more: '',
  });
}
