/**
 * Finds the command for a line of text: the longest name or alias that the text starts with,
 * word by word, case-insensitive. Unknown input gets the closest commands as suggestions.
 */
import type { Command } from './command';
import { MAX_FUZZY_LENGTH, editDistance } from '../domain/editDistance';

export type Match =
  | { kind: 'command'; command: Command; rest: string }
  | { kind: 'unknown'; input: string; suggestions: Command[] }
  | { kind: 'empty' };

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

/**
 * What people add to a sentence, not to a command: `list.`, `Help?`, `Show Contoso!` (issue 12
 * item 19). Only trailing punctuation is dropped, never a quote that closes a set name.
 */
const TRAILING_PUNCTUATION = /[.!?,;:…]+$/u;

export function matchCommand(text: string, table: readonly Command[]): Match {
  const input = text.trim().replace(TRAILING_PUNCTUATION, '').trim();
  if (!input) return { kind: 'empty' };
  const inputWords = words(input);
  const lowered: string[] = []; // the input's first words in lower case, each made once
  const lowerWord = (i: number) => (lowered[i] ??= inputWords[i]?.toLowerCase() ?? '');
  let best: { command: Command; length: number } | undefined;
  for (const command of table) {
    for (const spelling of [command.name, ...command.aliases]) {
      const sw = words(spelling.toLowerCase());
      const matches = sw.every((w, i) => i < inputWords.length && lowerWord(i) === w);
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
  if (typed.length > MAX_FUZZY_LENGTH) return [];
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  const scored = table
    .map((command) => {
      const spellings = [command.name, ...command.aliases].map(
        (s) => words(s.toLowerCase())[0] ?? '',
      );
      const distance = Math.min(
        ...spellings.map((s) =>
          s.startsWith(typed) && typed.length >= 2 ? 0 : editDistance(typed, s, allowed),
        ),
      );
      return { command, distance };
    })
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance);
  return scored.slice(0, max).map((s) => s.command);
}
