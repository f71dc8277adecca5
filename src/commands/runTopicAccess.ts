/**
 * Run notices are read with the app's token (IndustryData-Run.Read.All, application), so a
 * conversation gets them only when the person subscribing may read sync runs themselves: app-only
 * reads never reach someone who cannot read. One delegated read of the newest run decides, as
 * `notify here` already does for flow sets.
 */
import { AppError } from '../errors';
import { TOPICS, type Topic } from '../domain/notificationRecords';
import type { CommandContext } from '../bot/command';

export interface TopicAccess {
  /** The topics to store: undefined = every topic (the person may read them all). */
  topics: Topic[] | undefined;
  /** True when run notices were left out because the person may not read runs. */
  runsLeftOut: boolean;
}

export async function topicsReadableBy(
  ctx: CommandContext,
  asked: Topic[] | undefined,
): Promise<TopicAccess> {
  if (asked && !asked.includes('runs')) return { topics: asked, runsLeftOut: false };
  try {
    await ctx.services.graph.forUser(ctx).listRuns({ pageSize: 1 });
    return { topics: asked, runsLeftOut: false };
  } catch (err) {
    // Only a refusal narrows the rule; any other failure is the usual error card.
    if (!(err instanceof AppError) || err.code !== 'forbidden') throw err;
    const rest = (asked ?? [...TOPICS]).filter((t) => t !== 'runs');
    if (rest.length === 0) throw err; // "only runs": the permission message
    return { topics: rest, runsLeftOut: true };
  }
}

export const RUNS_LEFT_OUT =
  ' Sync-run notices are left out: you may not read sync runs (IndustryData-Run.Read.All).';
