/**
 * Binds a JSON template from cards/ with adaptivecards-templating. Templates hold no logic beyond
 * `$data`/`$when` over the view-model; the view-model (src/views/*Card.ts) decides what to show.
 *
 * View-model strings are data, often typed by people (flow set and group names, school ids,
 * reasons, display names, Graph error text). Where a card property renders markdown (TextBlock
 * text, fact titles and values, checkbox and radio titles), every `${…}` of the template is
 * escaped with escapeMarkdown when the template is loaded, so no view-model has to remember it.
 * The template's own wording is not touched; a view-model string that is our own markdown must be
 * written `${trustedMarkdown(expr)}` in the template.
 */
import * as AEL from 'adaptive-expressions';
import * as ACData from 'adaptivecards-templating';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/projectRoot';
import type { AdaptiveCard } from '../domain/adaptiveCard';
import { escapeMarkdown } from './markdown';

export type { AdaptiveCard };

/** Template function that escapes its argument; wraps every `${…}` in a markdown property. */
const ESCAPE = 'markdownText';
/** Template function for a view-model string that is our own, intended markdown: left as it is. */
const TRUSTED = 'trustedMarkdown';

// adaptivecards-templating looks functions up in adaptive-expressions' standard table only.
const functions = AEL.ExpressionFunctions.standardFunctions as Map<string, AEL.ExpressionEvaluator>;
const define = (name: string, f: (value: unknown) => unknown): void => {
  if (functions.has(name)) return;
  functions.set(
    name,
    new AEL.ExpressionEvaluator(
      name,
      AEL.FunctionUtils.apply(([value]) => f(value)),
      AEL.ReturnType.String,
      AEL.FunctionUtils.validateUnary,
    ),
  );
};
define(ESCAPE, (value) => (value == null ? value : escapeMarkdown(String(value))));
define(TRUSTED, (value) => value);

/** Index of the `close` that ends the group opened at `open`, skipping quoted text; -1 if none. */
function matching(text: string, open: number, openChar: string, closeChar: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === openChar) depth++;
    else if (c === closeChar && --depth === 0) return i;
  }
  return -1;
}

const isTrusted = (expression: string): boolean => {
  const e = expression.trim();
  const open = TRUSTED.length;
  return e.startsWith(`${TRUSTED}(`) && matching(e, open, '(', ')') === e.length - 1;
};

/** `Reason: ${reason}` → `Reason: ${markdownText(reason)}`. */
export function escapeExpressions(text: string): string {
  let out = '';
  let from = 0;
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', from)) {
    const end = matching(text, start + 1, '{', '}');
    if (end < 0) break;
    const expression = text.slice(start + 2, end);
    out += text.slice(from, start);
    out += isTrusted(expression) ? `\${${expression}}` : `\${${ESCAPE}(${expression})}`;
    from = end + 1;
  }
  return out + text.slice(from);
}

type Json = unknown;
const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

function escapeKeys(node: Json, keys: readonly string[]): Json {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const key of keys) {
    const v = out[key];
    if (typeof v === 'string') out[key] = escapeExpressions(v);
  }
  return out;
}

/**
 * The template with every `${…}` in a property Teams renders as markdown wrapped in
 * markdownText(…). Choice titles are markdown where the renderer draws checkboxes or radio
 * buttons (multi-select or expanded); a compact single choice is a plain drop-down.
 */
export function escapeMarkdownProperties(node: Json): Json {
  if (Array.isArray(node)) return node.map(escapeMarkdownProperties);
  if (!node || typeof node !== 'object') return node;
  const element = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element)) out[key] = escapeMarkdownProperties(value);
  const list = (key: string, keys: readonly string[]) => {
    if (Array.isArray(out[key])) out[key] = (out[key] as Json[]).map((i) => escapeKeys(i, keys));
  };
  switch (element.type) {
    case 'TextBlock':
      return escapeKeys(out, ['text']);
    case 'Input.Toggle':
      return escapeKeys(out, ['title']);
    case 'FactSet':
      list('facts', ['title', 'value']);
      return out;
    case 'Input.ChoiceSet':
      if (
        element.isMultiSelect === true ||
        element.style === 'expanded' ||
        isExpression(element.isMultiSelect) ||
        isExpression(element.style)
      )
        list('choices', ['title']);
      return out;
    default:
      return out;
  }
}

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    const json = JSON.parse(readFileSync(join(projectRoot(), 'cards', `${name}.json`), 'utf8'));
    t = new ACData.Template(escapeMarkdownProperties(json));
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

/**
 * The cards of the commands people start with (list, show, status, help, whoami) and the replies
 * any command can give (errors, usage, "which one?"): warmed before the server listens.
 */
export const FIRST_TEMPLATES: readonly string[] = [
  'flowset-list',
  'flowset',
  'status',
  'help',
  'help-command',
  'whoami',
  'welcome',
  'error',
  'usage',
  'unknown-command',
  'which-one',
];

function warmUp(name: string): void {
  try {
    template(name).expand({ $root: {} });
  } catch {
    // an empty view-model is not a real card; the template itself is loaded and cached
  }
}

/**
 * Loads and expands templates once (all by default), so the first real card of the process does
 * not pay the templating library's start-up (~50 ms on the first expansion) nor the parse of its
 * template's expressions. Expanding with an empty root may fail for some templates; the load and
 * the library's warm-up have happened by then anyway.
 */
export function warmUpTemplates(names: readonly string[] = cardTemplateNames()): void {
  for (const name of names) warmUp(name);
}

/** Pause between two templates warmed after start: a turn that runs meanwhile meets one at most. */
const LATER_STEP_MS = 10;

/**
 * Warms the templates that are not in FIRST_TEMPLATES after start, one every LATER_STEP_MS and
 * only while `busy()` is false (no turn running: a user's first command does not wait for it).
 * Parsing every template's expressions is about a fifth of the cold start (docs/performance.md),
 * so the rest is not done before /readyz. Returns a function that stops the warm-up (the app's
 * stop calls it); the pending step never keeps the process alive.
 */
export function warmUpOtherTemplatesLater(busy: () => boolean = () => false): () => void {
  const rest = cardTemplateNames().filter((name) => !FIRST_TEMPLATES.includes(name));
  let pending: NodeJS.Timeout | undefined;
  const next = () => {
    const name = busy() ? undefined : rest.shift();
    if (name !== undefined) warmUp(name);
    if (rest.length > 0) pending = setTimeout(next, LATER_STEP_MS).unref();
  };
  if (rest.length > 0) pending = setTimeout(next, LATER_STEP_MS).unref();
  return () => {
    rest.length = 0;
    clearTimeout(pending);
  };
}

/** Names of every template in cards/, for tests that validate them all. */
export function cardTemplateNames(): string[] {
  return readdirSync(join(projectRoot(), 'cards'))
    .filter((f: string) => f.endsWith('.json'))
    .map((f: string) => f.replace(/\.json$/, ''));
}
