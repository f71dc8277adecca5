/**
 * The words after `notify`: `here [for {set}] [only {statuses}]`, `off [for {set}]`, `list`.
 * Statuses are Graph's readinessStatus values (docs/graph-notes.md#enumerations), any case, separated
 * by commas or spaces; "not ready" is accepted for notReady.
 */
import { READINESS_STATUSES } from '../domain/flowSchemas';
import type { ParseResult } from '../domain/parse';
import { TOPICS, type Topic } from '../domain/notificationRecords';

export type NotifyArgs =
  | { action: 'here'; set?: string; statuses: string[] | null; topics?: Topic[] }
  | { action: 'off'; set?: string }
  | { action: 'list' };

const STATUS_BY_WORD = new Map<string, string>(READINESS_STATUSES.map((s) => [s.toLowerCase(), s]));

export function parseStatuses(text: string): ParseResult<string[]> {
  const words = text
    .replace(/not\s+ready/gi, 'notReady')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const unknown = words.filter((w) => !STATUS_BY_WORD.has(w.toLowerCase()));
  if (!words.length || unknown.length) {
    return {
      ok: false,
      error: `${unknown.length ? `"${unknown.join(', ')}" is not a readiness status. ` : ''}Use one or more of: ${READINESS_STATUSES.join(', ')}.`,
    };
  }
  return { ok: true, args: [...new Set(words.map((w) => STATUS_BY_WORD.get(w.toLowerCase())!))] };
}

const TOPIC_BY_WORD = new Map<string, Topic>([
  ...TOPICS.map((t) => [t, t] as const),
  ['run', 'runs'],
  ['sync', 'runs'],
]);

/**
 * `only drift`, `only readiness`, `only runs` (any of them, with commas or spaces): the topics, and
 * what is left (statuses). No topic word: every topic (undefined).
 */
export function topicWords(text: string): { topics?: Topic[]; rest: string } {
  const words = text.split(/[\s,;]+/).filter(Boolean);
  const topics = words
    .map((w) => TOPIC_BY_WORD.get(w.toLowerCase()))
    .filter((t) => t !== undefined);
  const rest = words.filter((w) => !TOPIC_BY_WORD.has(w.toLowerCase())).join(' ');
  return topics.length ? { topics: [...new Set(topics)], rest } : { rest };
}

/** Splits `for {set} only {statuses}`; either part may be missing. */
function scopeWords(rest: string): ParseResult<{ set?: string; only?: string }> {
  const match = /^(?:for\s+(.+?))?\s*(?:(?:^|\s)only\s+(.+))?$/is.exec(rest.trim());
  if (!match)
    return {
      ok: false,
      error: 'After "notify here" say "for" and a flow set, and/or "only" and statuses.',
    };
  const [, set, only] = match;
  return { ok: true, args: { set: set?.trim() || undefined, only: only?.trim() } };
}

export function parseNotifyArgs(rest: string): ParseResult<NotifyArgs> {
  const [verb = 'list', ...more] = rest.trim().split(/\s+/).filter(Boolean);
  const tail = more.join(' ');
  switch (verb.toLowerCase()) {
    case 'list':
    case 'status':
      return tail
        ? { ok: false, error: '"notify list" takes nothing after it.' }
        : { ok: true, args: { action: 'list' } };
    case 'here':
    case 'on': {
      const scope = scopeWords(tail);
      if (!scope.ok) return scope;
      if (scope.args.only === undefined)
        return { ok: true, args: { action: 'here', set: scope.args.set, statuses: null } };
      const { topics, rest } = topicWords(scope.args.only);
      const base = { action: 'here' as const, set: scope.args.set, ...(topics ? { topics } : {}) };
      if (topics && !rest) return { ok: true, args: { ...base, statuses: null } };
      const statuses = parseStatuses(rest);
      if (!statuses.ok) return statuses;
      // Statuses are about readiness: "only drift, failed" is drift and failures.
      const withReadiness =
        topics && !topics.includes('readiness') ? [...topics, 'readiness' as const] : topics;
      return {
        ok: true,
        args: {
          ...base,
          ...(withReadiness ? { topics: withReadiness } : {}),
          statuses: statuses.args,
        },
      };
    }
    case 'off': {
      const scope = scopeWords(tail);
      if (!scope.ok || scope.args.only !== undefined || (tail && !scope.args.set))
        return {
          ok: false,
          error: 'Say "notify off" for everything here, or "notify off for" and a flow set.',
        };
      return { ok: true, args: { action: 'off', set: scope.args.set } };
    }
    default:
      return { ok: false, error: `"${verb}" is not something notify does: use here, off or list.` };
  }
}
