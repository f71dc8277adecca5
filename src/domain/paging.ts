/** Splitting a long list into card pages, and reading "page 2" after a command. Pure. */
import type { ParseResult } from './parse';

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pageCount: number;
  total: number;
}

export function pageOf<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const start = (current - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize),
    page: current,
    pageCount,
    total: all.length,
  };
}

/** "", "2", "page 2", "p2" → the page number (1 when nothing was typed). */
export function parsePageArg(rest: string): ParseResult<{ page: number }> {
  const text = rest.trim();
  if (!text) return { ok: true, args: { page: 1 } };
  const match = /^(?:page\s*|p\s*)?(\d{1,4})$/i.exec(text);
  const page = match ? Number(match[1]) : 0;
  if (page < 1) return { ok: false, error: `"${text.slice(0, 40)}" is not a page number.` };
  return { ok: true, args: { page } };
}

/** Previous/Next buttons that run `<command> page N`, only where such a page exists. */
export function pageButtons(
  page: Pick<Page<unknown>, 'page' | 'pageCount'>,
  command: string,
): Array<{ title: string; command: string }> {
  const buttons: Array<{ title: string; command: string }> = [];
  if (page.page > 1)
    buttons.push({ title: 'Previous', command: `${command} page ${page.page - 1}` });
  if (page.page < page.pageCount)
    buttons.push({ title: 'Next', command: `${command} page ${page.page + 1}` });
  return buttons;
}
