/**
 * Cleans the text of a Teams message. In channels the bot only receives messages that
 * @mention it, and the text then carries `<at>Bot name</at>`; some clients also send HTML.
 */
const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

export function commandTextOf(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/<at[^>]*>.*?<\/at>/gis, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (e) => ENTITIES[e] ?? e)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
