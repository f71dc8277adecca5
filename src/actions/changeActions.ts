/**
 * `change.apply` and `change.cancel`: the preview card's buttons (data: the change id only). A
 * change that waits for peer approval is cancelled through its request, so every copy of the
 * request's card is updated too (src/approvals).
 */
import { approvalDeps } from '../bot/useCaseDeps';
import { cancelRequest } from '../approvals/closeRequest';
import { approvalReply } from './approvalReplies';
import { approvalStores } from '../approvals/stores';
import { applyChange } from '../changes/apply';
import { cancelChange } from '../changes/cancel';
import { changeDeps } from '../bot/useCaseDeps';
import { ChangeRef } from './changeSchemas';
import { cardAction } from '../bot/action';
import { applyReply, cancelReply } from './changeReplies';

export const changeApplyAction = cardAction({
  verb: 'change.apply',
  schema: ChangeRef,
  run: async (ctx, { changeId }) => applyReply(await applyChange(changeDeps(ctx), changeId)),
});

export const changeCancelAction = cardAction({
  verb: 'change.cancel',
  schema: ChangeRef,
  async run(ctx, { changeId }) {
    const requested = await approvalStores(ctx.services.storage).requests.get(changeId);
    if (requested) return approvalReply(await cancelRequest(approvalDeps(ctx), changeId));
    return cancelReply(await cancelChange(changeDeps(ctx), changeId));
  },
});
