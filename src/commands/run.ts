/**
 * `run {id|latest}`: one run's statistics (errors, warnings, counts, matched and unmatched people
 * by role) and what changed against the previous finished run. Without an argument: the latest.
 * 1 Graph call for the runs + 2 for the statistics of this run and the previous one.
 */
import { AppError } from '../errors';
import { runCard } from '../views/runCard';
import { command, type ParseResult } from '../bot/command';
import { runsNewestFirst, runWithPrevious } from './runReads';

export type RunArgs = { which: 'latest' } | { which: 'id'; id: string };

const LATEST = new Set(['latest', 'last', 'newest', 'current']);

export function parseRunArgs(rest: string): ParseResult<RunArgs> {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { ok: true, args: { which: 'latest' } };
  if (words.length > 1)
    return { ok: false, error: 'Give one run: its id (from "runs"), or "latest".' };
  const word = words[0]!.replace(/^["']|["']$/g, '');
  if (LATEST.has(word.toLowerCase())) return { ok: true, args: { which: 'latest' } };
  if (!/^[\w-]{1,100}$/.test(word))
    return {
      ok: false,
      error: `"${word}" is not a run id. Run ids look like the ones "runs" lists.`,
    };
  return { ok: true, args: { which: 'id', id: word } };
}

export const runCommand = command<RunArgs>({
  name: 'run',
  aliases: ['run details'],
  usage: 'run {id|latest}',
  summary:
    'One sync run in detail: errors and warnings, counts, matched and unmatched people by role, and what changed since the run before.',
  examples: ['run latest', 'run 918d4a8f-599b-4f6a-b409-e892855db534'],
  parse: parseRunArgs,
  async run(ctx, args) {
    const api = ctx.services.graph.forUser(ctx);
    const runs = await runsNewestFirst(api);
    const run =
      args.which === 'latest'
        ? runs[0]
        : (runs.find((r) => r.id === args.id) ?? (await api.getRun(args.id)).data);
    if (!run)
      throw new AppError(
        'not_found',
        'There are no runs yet. School Data Sync starts one every 12 hours by itself; "start run" starts one now.',
      );
    const detail = await runWithPrevious(api, runs, run);
    return [{ card: runCard({ ...detail, now: new Date() }) }];
  },
});
