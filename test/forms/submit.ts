/**
 * What Teams sends when the card's Preview button is pressed (docs/teams-notes.md#invoke-responses): the
 * button's `data` with every input's value merged in by input id. Inputs keep the value the
 * card was rendered with unless `typed` overrides it (a Toggle without value sends valueOff).
 */
import type { AdaptiveCard } from '../../src/views/render';

type Json = Record<string, unknown>;

function walk(value: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (!value || typeof value !== 'object') return;
  visit(value as Json);
  for (const [key, child] of Object.entries(value)) if (key !== 'data') walk(child, visit);
}

/** Every input of the card with the value it shows, by id. */
export function cardInputs(card: AdaptiveCard): Record<string, string> {
  const inputs: Record<string, string> = {};
  walk(card, (obj) => {
    if (typeof obj.type !== 'string' || !obj.type.startsWith('Input.')) return;
    const fallback = obj.type === 'Input.Toggle' ? String(obj.valueOff ?? 'false') : '';
    inputs[String(obj.id)] = obj.value === undefined ? fallback : String(obj.value);
  });
  return inputs;
}

/** The data of the Action.Execute with this verb. */
export function actionData(card: AdaptiveCard, verb: string): Json {
  let data: Json | undefined;
  walk(card, (obj) => {
    if (obj.type === 'Action.Execute' && obj.verb === verb) data = obj.data as Json;
  });
  if (!data) throw new Error(`no Action.Execute with verb ${verb}`);
  return data;
}

export function submit(card: AdaptiveCard, verb: string, typed: Record<string, string> = {}): Json {
  return { ...actionData(card, verb), ...cardInputs(card), ...typed };
}

/**
 * The error text shown right after an input (before the next input), or undefined. Errors are
 * TextBlocks in the Attention colour placed after the input they belong to.
 */
export function errorBeside(card: AdaptiveCard, inputId: string): string | undefined {
  let found: string | undefined;
  const scan = (list: unknown[]) => {
    const at = list.findIndex((el) => (el as Json)?.id === inputId);
    if (at < 0) return;
    for (const el of list.slice(at + 1) as Json[]) {
      if (typeof el.type === 'string' && el.type.startsWith('Input.')) return;
      if (el.type === 'TextBlock' && el.color === 'Attention')
        return void (found = String(el.text));
    }
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      scan(value);
      value.forEach(visit);
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(card.body);
  return found;
}

/** The summary line at the top of a form: an Attention TextBlock before the first input. */
export function summaryOf(card: AdaptiveCard): string | undefined {
  for (const el of card.body as Json[]) {
    if (typeof el.type === 'string' && el.type.startsWith('Input.')) return undefined;
    if (el.type === 'TextBlock' && el.color === 'Attention') return String(el.text);
  }
  return undefined;
}
