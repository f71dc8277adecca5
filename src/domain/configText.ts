/**
 * From what an admin pasted after `import` to a JSON value, treating it as hostile: bounded
 * length and nesting, one linear scan before JSON.parse, and no key that could reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`) anywhere. The message text has already been
 * cleaned of HTML tags and entities (src/teams/activityText.ts); Teams' code formatting can still
 * leave Markdown fences or backticks around the JSON, which are dropped here.
 */
import type { DocumentError } from './configDocument';

/** Longest document read, in characters: far above an exported set (~2 KB), below a Teams message. */
export const MAX_DOCUMENT_CHARS = 20_000;
/** The format nests 5 deep; anything much deeper is not one of our documents. */
export const MAX_DOCUMENT_DEPTH = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Parsed = { ok: true; value: unknown } | { ok: false; errors: DocumentError[] };
const fail = (message: string, path = '(document)'): Parsed => ({
  ok: false,
  errors: [{ path, message }],
});

/** The JSON between the first `{` and the last `}`, without fences or a language word. */
export function documentTextOf(pasted: string): string | undefined {
  const start = pasted.indexOf('{');
  const end = pasted.lastIndexOf('}');
  return start === -1 || end < start ? undefined : pasted.slice(start, end + 1);
}

/** Deepest nesting of `{`/`[` outside strings, stopping early past `limit`. Linear. */
export function nestingDepth(json: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

/** A key that must not appear in a document, with its path, or undefined. */
function forbiddenKey(value: unknown, path: string): DocumentError | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`${path}[${i}]`, v] as const)
    : Object.keys(value).map((k) => [path ? `${path}.${k}` : k, (value as never)[k]] as const);
  if (!Array.isArray(value))
    for (const key of Object.keys(value))
      if (FORBIDDEN_KEYS.has(key))
        return { path: path ? `${path}.${key}` : key, message: 'This key is not allowed.' };
  for (const [childPath, child] of entries) {
    const found = forbiddenKey(child, childPath);
    if (found) return found;
  }
  return undefined;
}

export function parseDocumentJson(pasted: string): Parsed {
  if (pasted.length > MAX_DOCUMENT_CHARS)
    return fail(
      `The document is too long (${pasted.length} characters; at most ${MAX_DOCUMENT_CHARS}).`,
    );
  const json = documentTextOf(pasted);
  if (!json) return fail('Paste the document after the word import: a JSON object in { }.');
  if (nestingDepth(json, MAX_DOCUMENT_DEPTH) > MAX_DOCUMENT_DEPTH)
    return fail(`The document nests deeper than ${MAX_DOCUMENT_DEPTH} levels.`);
  let value: unknown;
  try {
    // JSON.parse makes `__proto__` an own property (never the prototype); it is refused below.
    value = JSON.parse(json);
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'not JSON';
    return fail(`The document is not valid JSON: ${reason.slice(0, 200)}`);
  }
  const forbidden = forbiddenKey(value, '');
  return forbidden ? { ok: false, errors: [forbidden] } : { ok: true, value };
}
