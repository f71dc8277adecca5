/** The card-action table, keyed by Action.Execute verb. */
import {
  approvalApproveAction,
  approvalCancelAction,
  approvalRejectAction,
  approvalRequestAction,
  approvalShowAction,
} from './approvalActions';
import { changeApplyAction, changeCancelAction } from './changeActions';
import { changeRepreviewAction } from './changeRepreview';
import { commandRunAction } from './commandRun';
import { flowAddAction, flowEditAction, flowRemoveAction, flowResetAction } from './flowActions';
import { flowPreviewAction } from './flowPreview';
import { flowSetDeleteAction, flowSetEditAction, flowSetPreviewAction } from './flowSetActions';
import { formCancelAction } from './formCancel';
import { notifyMuteAction, notifyResendAction } from './notifyActions';
import { driftAcceptAction, driftRevertAction } from './driftActions';
import type { CardAction } from '../bot/action';

export const actionTable: readonly CardAction[] = [
  commandRunAction,
  // The set card's buttons (src/views/flowSetCard.ts)
  flowSetEditAction,
  flowSetDeleteAction,
  flowAddAction,
  flowEditAction,
  flowRemoveAction,
  flowResetAction,
  // The forms' buttons (src/forms)
  flowSetPreviewAction,
  flowPreviewAction,
  formCancelAction,
  // The preview card's buttons (src/changes)
  changeApplyAction,
  changeCancelAction,
  // A closed change's "Preview again" (src/views/changeOutcomeCards.ts)
  changeRepreviewAction,
  // Approvals: the request and decision buttons (src/approvals, cards/approval-*.json)
  approvalRequestAction,
  approvalApproveAction,
  approvalRejectAction,
  approvalCancelAction,
  approvalShowAction,
  // Notification cards and `notify list` (src/views/notificationCard.ts, notifyListCard.ts)
  notifyMuteAction,
  notifyResendAction,
  // "Changed outside the bot" cards (src/views/driftCard.ts)
  driftAcceptAction,
  driftRevertAction,
];
