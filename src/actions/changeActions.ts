/**
 * `change.apply` and `change.cancel`: the preview card's buttons (data: the change id only). A
 * change that waits for peer approval is cancelled through its request, so every copy of the
 * request's card is updated too (src/approvals).
 */
import { approvalDeps } from '../approvals/deps';
import { cancelRequest } from '../approvals/closeRequest';
import { approvalStores } from '../approvals/stores';
import { applyChange } from '../changes/apply';
import { cancelChange } from '../changes/cancel';
import { changeDeps } from '../changes/deps';
import { ChangeRef } from './changeSchemas';
import { cardAction } from './types';

export const changeApplyAction = cardAction({
  verb: 'change.apply',
  schema: ChangeRef,
  run: (ctx, { changeId }) => applyChange(changeDeps(ctx), changeId),
});

export const changeCancelAction = cardAction({
  verb: 'change.cancel',
  schema: ChangeRef,
  async run(ctx, { changeId }) {
    const requested = await approvalStores(ctx.services.storage).requests.get(changeId);
    if (requested) return cancelRequest(approvalDeps(ctx), changeId);
    return cancelChange(changeDeps(ctx), changeId);
  },
});
