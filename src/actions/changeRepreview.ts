/**
 * `change.repreview`: the "Preview again" button of a change that ended without being applied
 * (stale, expired, failed). The requester's intended change is previewed again against what is
 * stored now (src/changes/repreview.ts); a user flow change whose passwords were dropped opens its
 * form pre-filled with the intended values, asking only for the passwords. The button sends
 * `newMessage`, so the answer is a new message and the closed card stays.
 */
import { repreviewChange, type RepreviewOutcome } from '../changes/repreview';
import { changeDeps } from '../bot/useCaseDeps';
import { userFlowFormAgain } from '../forms/openForms';
import { proposalCard } from '../views/changeCards';
import { REPREVIEW_VERB } from '../views/changeOutcomeCards';
import { cardAction, type ActionResult } from '../bot/action';
import { ChangeRef } from './changeSchemas';

export function repreviewReply(outcome: RepreviewOutcome): ActionResult {
  switch (outcome.kind) {
    case 'refused':
      return { kind: 'message', text: outcome.message };
    case 'fresh':
      return { kind: 'card', card: proposalCard(outcome.fresh) };
    case 'needsPasswords': {
      const { set, flow, roleGroups, body } = outcome;
      return { kind: 'card', card: userFlowFormAgain(set, flow, roleGroups, body) };
    }
  }
}

export const changeRepreviewAction = cardAction({
  verb: REPREVIEW_VERB,
  writes: true,
  schema: ChangeRef,
  run: async (ctx, { changeId }) =>
    repreviewReply(await repreviewChange(changeDeps(ctx), changeId)),
});
