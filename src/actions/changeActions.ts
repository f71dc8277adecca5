/** `change.apply` and `change.cancel`: the preview card's buttons (data: the change id only). */
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
  run: (ctx, { changeId }) => cancelChange(changeDeps(ctx), changeId),
});
