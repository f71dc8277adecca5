/**
 * Text shown in an Adaptive Card TextBlock, FactSet fact or checkbox/radio title is markdown in
 * Teams: `**bold**`, `_italic_`, `[text](url)`, lists at the start of a line. Names, reasons,
 * display names and Graph error text come from people, so before they reach such a property they
 * are escaped here and show as the literal characters. src/views/render.ts applies this to every
 * `${…}` in those properties of every template; nothing else needs to call it.
 */

/** Characters that start or end markdown anywhere in a line: escaped everywhere. */
const INLINE = /[\\`*_[\]~<]/g;
/** Characters that start a heading, list, quote or setext rule at the start of a line. */
const LINE_START = /^([ \t]*)([-+#>=|])/gm;
/** "1. " / "1) " at the start of a line would make an ordered list: escape the dot. */
const ORDERED = /^([ \t]*\d+)([.)])/gm;
/** `&amp;` and friends would show as the character they name. */
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
/** `{{DATE(…)}}` / `{{TIME(…)}}` are formatted by Adaptive Card renderers: break the braces. */
const FORMAT = /\{\{/g;

/**
 * `text` as Adaptive Card markdown that renders exactly as `text`: every markdown character is
 * backslash-escaped (CommonMark; Teams and the Adaptive Cards renderers drop the backslash).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(LINE_START, '$1\\$2')
    .replace(ORDERED, '$1\\$2')
    .replace(FORMAT, '{\u200b{');
}
