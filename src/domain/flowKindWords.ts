/**
 * How admins name flow types in commands ("class groups", "admin unit", "users") and how the
 * flow-shaped commands read: `{verb} {type} flow {joiner} {set}`. Pure; shared by the add, edit,
 * remove, reset and delete commands so they all accept the same words.
 */
import { FLOW_KINDS, type FlowKind } from './flowSchemas';
import { FLOW_KIND_NAMES } from './fieldLabels';
import type { ParseResult } from './parse';

/** Spellings with spaces, hyphens and underscores removed, lower case. */
const SYNONYMS: Record<string, FlowKind> = {
  user: 'user',
  users: 'user',
  class: 'classGroup',
  classes: 'classGroup',
  classgroup: 'classGroup',
  classgroups: 'classGroup',
  security: 'securityGroup',
  securitygroup: 'securityGroup',
  securitygroups: 'securityGroup',
  adminunit: 'administrativeUnit',
  adminunits: 'administrativeUnit',
  administrativeunit: 'administrativeUnit',
  administrativeunits: 'administrativeUnit',
  au: 'administrativeUnit',
};

/** The word each command example uses for a kind ("add class flow to …"). */
export const FLOW_KIND_WORDS: Record<FlowKind, string> = {
  user: 'user',
  classGroup: 'class',
  securityGroup: 'security',
  administrativeUnit: 'adminunit',
};

export const KNOWN_FLOW_TYPE_WORDS = 'user, class, security or adminunit';

export function parseFlowKind(text: string): FlowKind | undefined {
  const key = text.toLowerCase().replace(/[\s_-]+/g, '');
  return Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : undefined;
}

export interface FlowTarget {
  kind: FlowKind;
  set: string;
}

/**
 * `{type} flow {joiner} {set}` ("flow" may be left out or plural). The type is the shortest
 * leading part followed by a joiner, so set names may contain the joiner words. `saidFlow` tells
 * whether the word "flow" was there: "edit School of Rock" is a set, "edit clas flow in X" a typo.
 */
export function matchFlowTarget(
  rest: string,
  joiners: readonly string[],
): { typeText: string; set: string; saidFlow: boolean } | undefined {
  const pattern = new RegExp(`^(.+?)\\s+(flows?\\s+)?(?:${joiners.join('|')})\\s+(.+)$`, 'is');
  const m = pattern.exec(rest.trim());
  if (!m) return undefined;
  const typeText = m[1]!.trim();
  const flowOnly = /^flows?$/i.test(typeText);
  return {
    typeText: flowOnly ? '' : typeText,
    set: m[3]!.trim(),
    saidFlow: Boolean(m[2]) || flowOnly,
  };
}

export type FlowTargetParse =
  | { shape: 'flow'; kind: FlowKind; set: string }
  /** "add flow to X": a flow, type not given. */
  | { shape: 'anyFlow'; set: string }
  | { shape: 'set'; set: string }
  | { shape: 'error'; error: string };

const unknownType = (typeText: string) =>
  `I don't know the flow type "${typeText.slice(0, 40)}": use ${KNOWN_FLOW_TYPE_WORDS}.`;

/**
 * Reads `{type} flow {joiner} {set}`. Text of another shape is a set name (`set`), unless it
 * said "flow" with an unknown type (an error naming the known types). Quoted text is a set name.
 */
export function parseFlowTarget(rest: string, joiners: readonly string[]): FlowTargetParse {
  const text = rest.trim();
  if (/^["'\u201c\u2018]/.test(text)) return { shape: 'set', set: text };
  const matched = matchFlowTarget(text, joiners);
  if (!matched) return { shape: 'set', set: text };
  if (!matched.typeText) return { shape: 'anyFlow', set: matched.set };
  const kind = parseFlowKind(matched.typeText);
  if (kind) return { shape: 'flow', kind, set: matched.set };
  if (matched.saidFlow) return { shape: 'error', error: unknownType(matched.typeText) };
  return { shape: 'set', set: text };
}

/** For commands that only take a flow: `{type} flow {joiner} {set}` or a usage error. */
export function requireFlowTarget(
  rest: string,
  joiners: readonly string[],
  usage: string,
): ParseResult<FlowTarget> {
  const parsed = parseFlowTarget(rest, joiners);
  if (parsed.shape === 'flow') return { ok: true, args: { kind: parsed.kind, set: parsed.set } };
  if (parsed.shape === 'error') return { ok: false, error: parsed.error };
  // Only the type is missing ("reset flow in contoso"): a type picker that finishes the command.
  const [verb, , , joiner] = usage.split(' ');
  const choices = parsed.set
    ? FLOW_KINDS.map((kind) => ({
        title: FLOW_KIND_NAMES[kind],
        command: `${verb} ${FLOW_KIND_WORDS[kind]} flow ${joiner} ${parsed.set}`,
      }))
    : [];
  return {
    ok: false,
    error: parsed.set
      ? `Which type of flow in "${parsed.set}"? Say it like "${usage}".`
      : `Say which type of flow and which set, like "${usage}".`,
    choices,
  };
}
