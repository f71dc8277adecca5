/**
 * Validates an expanded Adaptive Card the way Teams will see it: the `adaptivecards` parser at
 * target version 1.5 (Teams supports card features up to 1.5, docs/teams-notes.md#adaptive-card-versions, so 1.6
 * properties and elements are problems), plus what its parser does not check (unknown property
 * names, required properties of the 1.5 schema) and this project's own rules: version "1.5",
 * Action.Execute only, every Action.Execute has a verb, nothing left unbound, ≤ 28 KB.
 * Teams-only elements (charts, Icon, Badge; teamsElements.ts) are accepted only with a 1.5
 * fallback element, and the 1.5 checks read the card with each of them replaced by its fallback.
 */
import { isTeamsElement, teamsElementProblems, withFallbacks } from './teamsElements';

type JsonObject = Record<string, unknown>;

interface Visited {
  path: string;
  obj: JsonObject;
  /** The property that held this object (or its array), e.g. "facts". */
  parentKey: string;
}

/** Every JSON object in the card, depth first, except inside actions' free-form `data`. */
function cardObjects(value: unknown, path = '$', parentKey = ''): Visited[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => cardObjects(v, `${path}[${i}]`, parentKey));
  if (!value || typeof value !== 'object') return [];
  const obj = value as JsonObject;
  const children = Object.entries(obj).filter(([key]) => key !== 'data');
  return [
    { path, obj, parentKey },
    ...children.flatMap(([key, v]) => cardObjects(v, `${path}.${key}`, key)),
  ];
}

const where = (path: string, obj: JsonObject) =>
  typeof obj.type === 'string' ? `${path} (${obj.type})` : path;

/** The slice of the `adaptivecards` bundle used here (its typings describe the ESM lib/ build). */
interface AcObject {
  getSchema(): { getCount(): number; getItemAt(i: number): { name: string } };
}
interface AcValidationEvent {
  event: number;
  message: string;
}
interface AcModule {
  AdaptiveCard: new () => AcObject & {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: AcValidationEvent[] };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): AcValidationEvent;
  };
  Versions: { v1_5: unknown };
  ValidationEvent: Record<number, string>;
  GlobalRegistry: {
    elements: AcRegistry;
    actions: AcRegistry;
  };
  [className: string]: unknown;
}
interface AcRegistry {
  getItemCount(): number;
  getItemAt(i: number): { typeName: string };
  createInstance(typeName: string, version: unknown): AcObject | undefined;
}

// The package's main entry is an ES module build; the UMD bundle loads under CommonJS jest.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AcModule;

/** Teams rejects bot messages over about 28 KB (docs/teams-notes.md#message-size). */
export const MAX_CARD_BYTES = 28 * 1024;

const HINT = 0; // ValidationEvent.Hint: advice, not a problem

function parserProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: AcValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events
    .filter((e) => e.event !== HINT)
    .map((e) => `adaptivecards 1.5: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
}

// Properties the parser reads outside its property schemas (collections and fallback).
const STRUCTURAL = new Set(['fallback', 'body', 'actions', 'items', 'columns', 'rows', 'cells']);
STRUCTURAL.add('inlines').add('card').add('$schema');

/** Property names each type accepts at 1.5 (from the library's own property schemas). */
function knownProperties(): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>();
  const add = (type: string, obj: AcObject | undefined) => {
    if (!obj) return; // not available at 1.5 (e.g. Carousel): the parser reports the type
    const schema = obj.getSchema();
    const names = new Set(STRUCTURAL);
    for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
    known.set(type, names);
  };
  for (const registry of [AC.GlobalRegistry.elements, AC.GlobalRegistry.actions]) {
    for (let i = 0; i < registry.getItemCount(); i++) {
      const { typeName } = registry.getItemAt(i);
      add(typeName, registry.createInstance(typeName, AC.Versions.v1_5));
    }
  }
  for (const [type, className] of [
    ['AdaptiveCard', 'AdaptiveCard'],
    ['Column', 'Column'],
    ['TableRow', 'TableRow'],
    ['TableCell', 'TableCell'],
  ]) {
    add(type, new (AC[className] as new () => AcObject)());
  }
  return known;
}
const KNOWN = knownProperties();

/** Required by the Adaptive Card 1.5 JSON schema, but not reported by the parser when missing. */
const REQUIRED: Record<string, string[]> = {
  AdaptiveCard: ['version'],
  TextBlock: ['text'],
  TextRun: ['text'],
  Image: ['url'],
  ImageSet: ['images'],
  FactSet: ['facts'],
  RichTextBlock: ['inlines'],
  Media: ['sources'],
  'Input.Text': ['id'],
  'Input.Number': ['id'],
  'Input.Date': ['id'],
  'Input.Time': ['id'],
  'Input.Toggle': ['id', 'title'],
  'Input.ChoiceSet': ['id'],
  'Action.OpenUrl': ['url'],
  'Action.ToggleVisibility': ['targetElements'],
  'Action.ShowCard': ['card'],
};

function schemaProblems(card: JsonObject): string[] {
  const problems: string[] = [];
  for (const { path, obj, parentKey } of cardObjects(card)) {
    const type = typeof obj.type === 'string' ? obj.type : undefined;
    if (parentKey === 'facts') {
      for (const key of ['title', 'value'])
        if (obj[key] === undefined) problems.push(`${path}: a Fact needs "${key}"`);
    }
    if (!type) continue;
    for (const key of REQUIRED[type] ?? [])
      if (obj[key] === undefined) problems.push(`${where(path, obj)}: "${key}" is required`);
    const known = KNOWN.get(type);
    for (const key of Object.keys(obj))
      if (known && !known.has(key)) problems.push(`${where(path, obj)}: unknown property "${key}"`);
  }
  return problems;
}

function projectRuleProblems(card: JsonObject): string[] {
  const problems: string[] = [];
  if (card.version !== '1.5')
    problems.push(
      `version must be "1.5" (Teams supports up to 1.5), got ${JSON.stringify(card.version)}`,
    );
  for (const { path, obj } of cardObjects(card)) {
    if (obj.type === 'Action.Submit')
      problems.push(`${where(path, obj)}: Action.Submit is not allowed, use Action.Execute`);
    if (obj.type === 'Action.Execute' && (typeof obj.verb !== 'string' || !obj.verb))
      problems.push(`${where(path, obj)}: Action.Execute needs a verb`);
  }
  const json = JSON.stringify(card);
  const unbound = json.match(/\$\{[^}]*\}?/g);
  if (unbound)
    problems.push(`unexpanded template expressions left: ${[...new Set(unbound)].join(', ')}`);
  if (/"\$(data|when)"/.test(json)) problems.push('unexpanded $data/$when left');
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES)
    problems.push(`card is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte limit`);
  return problems;
}

/** Every problem found in an expanded card; an empty list means Teams 1.5 will accept it. */
export function validateAdaptiveCard(card: unknown): string[] {
  if (!card || typeof card !== 'object' || Array.isArray(card))
    return ['card is not a JSON object'];
  const json = card as JsonObject;
  if (json.type !== 'AdaptiveCard')
    return [`type must be "AdaptiveCard", got ${JSON.stringify(json.type)}`];
  const teams = cardObjects(json)
    .filter(({ obj }) => isTeamsElement(obj))
    .flatMap(({ path, obj }) => teamsElementProblems(where(path, obj), obj));
  const asSeenBy15 = withFallbacks(json) as JsonObject;
  return [
    ...teams,
    ...parserProblems(asSeenBy15),
    ...schemaProblems(asSeenBy15),
    ...projectRuleProblems(json),
  ];
}
