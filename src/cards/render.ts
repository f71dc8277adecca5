/**
 * Binds a JSON template from cards/ with adaptivecards-templating. Templates hold no logic beyond
 * `$data`/`$when` over the view-model; the view-model (src/cards/*Card.ts) decides what to show.
 */
import * as ACData from 'adaptivecards-templating';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    const json = JSON.parse(readFileSync(join(projectRoot(), 'cards', `${name}.json`), 'utf8'));
    t = new ACData.Template(json);
    templates.set(name, t);
  }
  return t;
}

/** Expands cards/<name>.json with the view-model as $root. */
export function renderCard(name: string, viewModel: object): AdaptiveCard {
  const card = template(name).expand({ $root: viewModel }) as AdaptiveCard;
  if (card?.type !== 'AdaptiveCard')
    throw new Error(`cards/${name}.json did not expand to an AdaptiveCard`);
  return card;
}

/** Names of every template in cards/, for tests that validate them all. */
export function cardTemplateNames(): string[] {
  return readdirSync(join(projectRoot(), 'cards'))
    .filter((f: string) => f.endsWith('.json'))
    .map((f: string) => f.replace(/\.json$/, ''));
}
