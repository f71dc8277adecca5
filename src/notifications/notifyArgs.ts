/**
 * The words after `notify`: `here [for {set}] [only {statuses}]`, `off [for {set}]`, `list`.
 * Statuses are Graph's readinessStatus values (docs/graph-notes.md#enumerations), any case, separated
 * by commas or spaces; "not ready" is accepted for notReady. `only runs` / `only readiness` choose
 * what the conversation hears (sync-run notices, readiness changes; both when neither is said).
 */
import { READINESS_STATUSES } from '../domain/flowSchemas';
import type { ParseResult } from '../domain/parse';
import type { Topics } from '../domain/notificationRecords';

export type NotifyArgs =
  | { action: 'here'; set?: string; statuses: string[] | null; topics?: Exclude<Topics, 'both'> }
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

const TOPIC_WORDS: Record<string, Exclude<Topics, 'both'>> = {
  runs: 'runs',
  run: 'runs',
  'sync runs': 'runs',
  readiness: 'readiness',
};
const topicOf = (only: string) => TOPIC_WORDS[only.trim().toLowerCase().replace(/\s+/g, ' ')];

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
      const topics = topicOf(scope.args.only);
      if (topics === 'runs' && scope.args.set)
        return {
          ok: false,
          error: 'Sync runs cover every flow set: say "notify here only runs", without "for".',
        };
      if (topics)
        return { ok: true, args: { action: 'here', set: scope.args.set, statuses: null, topics } };
      const statuses = parseStatuses(scope.args.only);
      return statuses.ok
        ? { ok: true, args: { action: 'here', set: scope.args.set, statuses: statuses.args } }
        : statuses;
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
