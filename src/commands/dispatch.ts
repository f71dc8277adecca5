/**
 * Finds the command for a line of text: the longest name or alias that the text starts with,
 * word by word, case-insensitive. Unknown input gets the closest commands as suggestions.
 */
import type { Command } from './types';

export type Match =
  | { kind: 'command'; command: Command; rest: string }
  | { kind: 'unknown'; input: string; suggestions: Command[] }
  | { kind: 'empty' };

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

export function matchCommand(text: string, table: readonly Command[]): Match {
  const input = text.trim();
  if (!input) return { kind: 'empty' };
  const inputWords = words(input);
  let best: { command: Command; length: number } | undefined;
  for (const command of table) {
    for (const spelling of [command.name, ...command.aliases]) {
      const sw = words(spelling.toLowerCase());
      const matches = sw.every((w, i) => inputWords[i]?.toLowerCase() === w);
      if (matches && (!best || sw.length > best.length)) best = { command, length: sw.length };
    }
  }
  if (best)
    return {
      kind: 'command',
      command: best.command,
      rest: inputWords.slice(best.length).join(' '),
    };
  return { kind: 'unknown', input, suggestions: suggest(inputWords[0] ?? '', table) };
}

/** Commands whose name or an alias is within a small edit distance of what was typed. */
export function suggest(word: string, table: readonly Command[], max = 3): Command[] {
  const typed = word.toLowerCase();
  const scored = table
    .map((command) => {
      const spellings = [command.name, ...command.aliases].map(
        (s) => words(s.toLowerCase())[0] ?? '',
      );
      const distance = Math.min(
        ...spellings.map((s) =>
          s.startsWith(typed) && typed.length >= 2 ? 0 : editDistance(typed, s),
        ),
      );
      return { command, distance };
    })
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(typed.length / 3)))
    .sort((a, b) => a.distance - b.distance);
  return scored.slice(0, max).map((s) => s.command);
}

/** Optimal string alignment distance: typos, including swapped neighbours ("hepl"), cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
