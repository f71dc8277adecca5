/**
 * Which flow set the user means by what they typed after a command ("show northwind"). Pure:
 * given the sets and the text, it answers found / ambiguous / none. Tried in order, first hit
 * wins: id, exact name, quoted exact name, unique prefix, unique substring. Names compare
 * case-insensitively with collapsed spaces and typographic dashes read as "-", because Graph
 * names like "Contoso District – All schools" are typed with a plain hyphen.
 */
import { MAX_FUZZY_LENGTH, editDistance, editDistanceToPrefix } from './editDistance';
import { compareByName } from './flowSummary';

export interface NamedFlowSet {
  id: string;
  displayName: string;
}

export type FlowSetResolution<S> =
  | { kind: 'found'; set: S }
  | { kind: 'ambiguous'; candidates: S[] }
  | { kind: 'none'; suggestions: S[] };

/** Straight and typographic quotes (Teams clients may "smarten" what users type). */
const QUOTED = /^["'\u201c\u201d\u2018\u2019](.*)["'\u201c\u201d\u2018\u2019]$/s;

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function unquote(typed: string): { text: string; quoted: boolean } {
  const match = QUOTED.exec(typed.trim());
  return match ? { text: match[1]!.trim(), quoted: true } : { text: typed.trim(), quoted: false };
}

function decide<S extends NamedFlowSet>(matches: S[]): FlowSetResolution<S> | undefined {
  if (matches.length === 1) return { kind: 'found', set: matches[0]! };
  if (matches.length > 1)
    return { kind: 'ambiguous', candidates: [...matches].sort(compareByName) };
  return undefined;
}

export function resolveFlowSet<S extends NamedFlowSet>(
  sets: readonly S[],
  typed: string,
): FlowSetResolution<S> {
  const raw = typed.trim();
  if (!raw) return { kind: 'none', suggestions: [] };
  const named = sets.map((set) => ({ set, name: normaliseName(set.displayName) }));
  const where = (test: (name: string) => boolean) =>
    named.filter(({ name }) => test(name)).map(({ set }) => set);

  const wanted = normaliseName(raw);
  const { text, quoted } = unquote(raw);
  const unquoted = normaliseName(text);
  const steps: Array<() => S[]> = [
    () => sets.filter((s) => [raw, text].some((t) => s.id.toLowerCase() === t.toLowerCase())),
    () => where((name) => name === wanted),
    () => (quoted ? where((name) => name === unquoted) : []),
  ];
  // A quoted name asks for exactly that name: no prefix or substring guessing.
  if (!quoted) {
    steps.push(() => where((name) => name.startsWith(wanted)));
    steps.push(() => where((name) => name.includes(wanted)));
  }
  for (const step of steps) {
    const result = decide(step());
    if (result) return result;
  }
  return { kind: 'none', suggestions: closestFlowSets(sets, unquoted) };
}

/** Fuzzy matching compares at most this many sets, and this many word starts of each name. */
export const MAX_FUZZY_CANDIDATES = 500;
export const MAX_FUZZY_WORDS = 32;

/**
 * How far the typed text is from a name: the smallest edit distance to the whole name, or to a
 * stretch of it that starts at a word and is about as long as the text ("northwnd" → "Northwind
 * High School", "hihg school" → "…High School"). With `max`, exact up to `max`, and above it
 * for anything further (see editDistance). Only the first MAX_FUZZY_WORDS words start a stretch.
 */
export function nameDistance(typed: string, name: string, max = Number.POSITIVE_INFINITY): number {
  let best = editDistance(typed, name, max);
  const shortest = Math.max(1, typed.length - 2);
  for (let start = 0, count = 0; start !== -1 && count < MAX_FUZZY_WORDS; count++) {
    const stretch = name.slice(start, start + typed.length + 2);
    best = Math.min(best, editDistanceToPrefix(typed, stretch, shortest, max));
    const space = name.indexOf(' ', start);
    start = space === -1 ? -1 : space + 1;
  }
  return best;
}

/** Up to `max` sets whose name is within a typo or two of what was typed, closest first. */
export function closestFlowSets<S extends NamedFlowSet>(
  sets: readonly S[],
  typed: string,
  max = 3,
): S[] {
  const wanted = normaliseName(typed);
  // Too short to mean anything, or too long to be a name typed with a typo or two.
  if (wanted.length < 2 || wanted.length > MAX_FUZZY_LENGTH) return [];
  // About one typo per three letters, but never more than three: long names are not all alike.
  const allowed = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  return sets
    .slice(0, MAX_FUZZY_CANDIDATES)
    .map((set) => ({
      set,
      distance: nameDistance(wanted, normaliseName(set.displayName), allowed),
    }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance || compareByName(a.set, b.set))
    .slice(0, max)
    .map(({ set }) => set);
}
