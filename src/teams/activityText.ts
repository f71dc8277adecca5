/**
 * Cleans the text of a Teams message. In channels the bot only receives messages that
 * @mention it, and the text then carries `<at>Bot name</at>`; some clients also send HTML.
 *
 * One pass, left to right, no backtracking: whatever a message holds (a megabyte of `<`, a
 * thousand unclosed `<at>`), cleaning costs time in proportion to its length. In order:
 * `<at …>…</at>` mentions and then any other `<…>` tag become a space (an unclosed `<at>`
 * is just a tag; a `<` with no `>` after it stays), the entities below are decoded (what they
 * decode to is text, never read again as a tag), zero-width characters are dropped, runs of
 * whitespace become one space, and the ends are trimmed.
 *
 * A text longer than MAX_MESSAGE_LENGTH is not cleaned at all: no command comes near that
 * length, mention and HTML included. It is returned as it is, and the command runner, which
 * reads nothing longer than MAX_COMMAND_LENGTH, answers that the message is too long.
 */
import { MAX_COMMAND_LENGTH } from '../bot/runCommand';

/**
 * Longest raw message text worth cleaning: far above MAX_COMMAND_LENGTH, and room for a pasted
 * `import` document (up to 20,000 characters, docs/configuration-as-code.md) in Teams' HTML.
 */
export const MAX_MESSAGE_LENGTH = 48 * MAX_COMMAND_LENGTH;

const ENTITIES: ReadonlyArray<readonly [string, string]> = [
  ['&nbsp;', ' '],
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
  ['&apos;', "'"],
];

/**
 * The first match of `find` at or after `from`, remembered: callers only ask about later and
 * later positions, so across a whole message every character is searched at most once.
 */
function forwardSearch(find: (from: number) => number): (from: number) => number {
  let found = -2; // -2: not searched yet; -1: none left
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = find(from);
    return found;
  };
}

/** `</at>` in any case, at or after `from`; -1 if none. */
function indexOfAtClose(text: string, from: number): number {
  for (let i = text.indexOf('</', from); i !== -1; i = text.indexOf('</', i + 2)) {
    if (text.slice(i + 2, i + 5).toLowerCase() === 'at>') return i;
  }
  return -1;
}

/** `<at>` or `<at …>`, in any case, at `i` (a `<`). */
function isAtOpen(text: string, i: number): boolean {
  if (text.slice(i + 1, i + 3).toLowerCase() !== 'at') return false;
  return /^[\s>/]/.test(text.charAt(i + 3));
}

/**
 * Where the next thing to clean may start: a `<`, a known entity, or a run of whitespace and
 * zero-width characters. Character classes and fixed words only, so searching is linear; the
 * second form is for the rest of a message once no `>` is left (no `<` can open a tag then).
 */
const SPECIAL = /<|&(?:nbsp|amp|lt|gt|quot|#39|apos);|[\s\u200B-\u200D\uFEFF]+/g;
const SPECIAL_NO_TAGS = /&(?:nbsp|amp|lt|gt|quot|#39|apos);|[\s\u200B-\u200D\uFEFF]+/g;
const NOT_ZERO_WIDTH = /[^\u200B-\u200D\uFEFF]/;

export function commandTextOf(text: string | undefined): string {
  if (!text) return '';
  if (text.length > MAX_MESSAGE_LENGTH) return text;
  const nextGt = forwardSearch((from) => text.indexOf('>', from));
  const nextAtClose = forwardSearch((from) => indexOfAtClose(text, from));

  let out = '';
  let spacePending = false;
  const emit = (s: string) => {
    if (!s) return;
    if (spacePending && out) out += ' ';
    spacePending = false;
    out += s;
  };

  let special = SPECIAL;
  let i = 0; // everything before i has been emitted or skipped
  let from = 0; // where to look for the next special thing
  for (;;) {
    special.lastIndex = from;
    const match = special.exec(text);
    if (!match) break;
    const at = match.index;
    const found = match[0];
    if (found === '<') {
      const gt = nextGt(at + 1);
      if (gt === -1) {
        special = SPECIAL_NO_TAGS;
        from = at + 1;
      } else if (gt === at + 1) {
        from = at + 1; // "<>" is text
      } else {
        emit(text.slice(i, at));
        const close = isAtOpen(text, at) ? nextAtClose(gt + 1) : -1;
        i = from = close === -1 ? gt + 1 : close + '</at>'.length;
        spacePending = true;
      }
      continue;
    }
    emit(text.slice(i, at));
    i = from = at + found.length;
    if (found.startsWith('&')) {
      const decoded = ENTITIES.find(([name]) => name === found)![1];
      if (decoded === ' ') spacePending = true;
      else emit(decoded);
    } else if (NOT_ZERO_WIDTH.test(found)) {
      spacePending = true;
    }
  }
  emit(text.slice(i));
  return out;
}
