/**
 * `undo {change}`: the reverse of an applied change, proposed through the same preview as any
 * other change (proposeChange), so the same rules (who may apply, expiry, staleness, and peer
 * approval once it exists) hold for it: undo never writes directly. Resets and deletes cannot be
 * reversed and say why; a delete offers `undo {change} recreate`, a new create preview with the
 * settings the object had.
 */
import { planUndo } from '../changes/undo/undoPlan';
import { findChangeHistory } from '../history';
import { changeResultCard } from '../views/changeResultCard';
import { changeDeps } from '../bot/useCaseDeps';
import { proposeChange } from '../changes/propose';
import { proposalCard } from '../views/changeCards';
import { command, type ParseResult } from '../bot/command';

export interface UndoArgs {
  change: string;
  recreate: boolean;
}

export function parseUndo(rest: string): ParseResult<UndoArgs> {
  const [change, extra, ...more] = rest.trim().split(/\s+/).filter(Boolean);
  if (!change)
    return { ok: false, error: 'Which change? Give its id, as shown by the "history" command.' };
  const recreate = extra?.toLowerCase() === 'recreate';
  if ((extra && !recreate) || more.length)
    return { ok: false, error: 'Give one change id (and, after a delete, the word "recreate").' };
  return { ok: true, args: { change, recreate } };
}

export const undoCommand = command<UndoArgs>({
  name: 'undo',
  aliases: ['revert'],
  writes: true,
  usage: 'undo {change}',
  summary:
    'A preview that reverses an applied change (from "history"): edits go back, creates are deleted. Resets and deletes cannot be undone.',
  examples: ['undo 1a2b3c4d', 'undo 1a2b3c4d recreate'],
  parse: parseUndo,
  async run(ctx, { change, recreate }) {
    const found = await findChangeHistory(ctx.services.audit, change);
    if (!found.ok) return [{ text: found.message }];
    const deps = changeDeps(ctx);
    const plan = await planUndo(deps.graph, found.entries, { recreate });
    if (plan.kind === 'propose')
      return [{ card: proposalCard(await proposeChange(deps, plan.proposal, plan.note)) }];
    return [
      {
        card: changeResultCard({
          tone: 'warning',
          status: plan.status,
          title: plan.title,
          message: plan.message,
          references: [`Change ${found.entries[0]!.changeId}`],
          buttons: plan.buttons,
        }),
      },
    ];
  },
});
