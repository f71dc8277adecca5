/**
 * `history [set] [page N]`: the audit history, one row per change, latest first, 10 per page, for all sets
 * or one set. A set is named as elsewhere (flowSetResolver.ts); a set that no longer exists is
 * found by the name it had in the history. One Graph call (the list of sets): it resolves names,
 * and only someone who may read the flow sets sees what was done to them.
 */
import { listChangePage, type AuditLog } from '../history';
import { historyCard, historyCommandFor, HISTORY_PAGE_SIZE } from '../views/historyCard';
import { noSuchFlowSetCard, whichOneCard } from '../views/whichOneCard';
import {
  resolveFlowSet,
  type FlowSetResolution,
  type NamedFlowSet,
} from '../domain/flowSetResolver';
import type { FlowSet } from '../domain/flowSchemas';
import { command, type CommandContext, type ParseResult } from '../bot/command';
import type { Reply } from '../bot/command';

export interface HistoryArgs {
  set?: string;
  page: number;
}

const PAGE_SUFFIX = /^(?:(.*?)\s+)?(?:page\s*|p\s*)(\d{1,4})$/is;

export function parseHistory(rest: string): ParseResult<HistoryArgs> {
  const text = rest.trim();
  if (/^\d{1,4}$/.test(text)) return pageArgs(undefined, text);
  const match = PAGE_SUFFIX.exec(text);
  if (match) return pageArgs(match[1]?.trim() || undefined, match[2]!);
  return { ok: true, args: { set: text || undefined, page: 1 } };
}

function pageArgs(set: string | undefined, digits: string): ParseResult<HistoryArgs> {
  const page = Number(digits);
  if (page < 1) return { ok: false, error: `"${digits}" is not a page number.` };
  return { ok: true, args: { set, page } };
}

/**
 * Sets that exist only in the history now (deleted since), once under every name they had there,
 * latest name first, so "history Old name" finds a set that was renamed and then deleted.
 */
async function setsOnlyInHistory(audit: AuditLog, current: readonly FlowSet[]): Promise<FlowSet[]> {
  const known = new Set(current.map((s) => s.id));
  const { entries } = await audit.list({ limit: Number.MAX_SAFE_INTEGER });
  const names = new Map<string, FlowSet>();
  for (const e of entries)
    if (e.setId && e.setName && !known.has(e.setId))
      names.set(`${e.setId}\n${e.setName}`, { id: e.setId, displayName: e.setName });
  return [...names.values()];
}

/** One set when every match is the same set under its different names. */
function oneSet(found: FlowSetResolution<FlowSet>): FlowSetResolution<FlowSet> {
  if (found.kind !== 'ambiguous') return found;
  const ids = new Set(found.candidates.map((s) => s.id));
  if (ids.size === 1) return { kind: 'found', set: found.candidates[0]! };
  const unique = [...new Map(found.candidates.map((s) => [s.id, s])).values()];
  return { kind: 'ambiguous', candidates: unique };
}

type SetChoice = { ok: true; set: NamedFlowSet } | { ok: false; reply: Reply };

async function chooseSet(ctx: CommandContext, sets: FlowSet[], typed: string): Promise<SetChoice> {
  const options = { commandFor: (s: FlowSet) => historyCommandFor(s.id), button: 'History' };
  const found = resolveFlowSet(sets, typed);
  if (found.kind === 'found') return { ok: true, set: found.set };
  if (found.kind === 'ambiguous')
    return { ok: false, reply: { card: whichOneCard(typed, found.candidates, options) } };
  const gone = oneSet(resolveFlowSet(await setsOnlyInHistory(ctx.services.audit, sets), typed));
  if (gone.kind === 'found') return { ok: true, set: gone.set };
  if (gone.kind === 'ambiguous')
    return { ok: false, reply: { card: whichOneCard(typed, gone.candidates, options) } };
  return { ok: false, reply: { card: noSuchFlowSetCard(typed, found.suggestions, options) } };
}

async function historyPage(audit: AuditLog, page: number, set?: NamedFlowSet) {
  // One row per change (its requested, approved, applied… entries together), latest first.
  const found = await listChangePage(audit, { setId: set?.id, page, pageSize: HISTORY_PAGE_SIZE });
  return historyCard({
    entries: found.changes.flat(),
    page: found.page,
    hasNext: found.hasNext,
    set: set && { id: set.id, name: set.displayName },
  });
}

export const historyCommand = command<HistoryArgs>({
  name: 'history',
  aliases: ['audit', 'changes'],
  usage: 'history [set] [page N]',
  summary:
    'Every change made through this bot, latest first: who asked, who approved, what happened, with Undo.',
  examples: ['history', 'history Northwind', 'history page 2', 'history Northwind page 2'],
  parse: parseHistory,
  async run(ctx, { set: typed, page }) {
    const { data: sets } = await ctx.services.graph.forUser(ctx).listFlowSets();
    if (!typed) return [{ card: await historyPage(ctx.services.audit, page) }];
    const chosen = await chooseSet(ctx, sets, typed);
    if (!chosen.ok) return [chosen.reply];
    return [{ card: await historyPage(ctx.services.audit, page, chosen.set) }];
  },
});
