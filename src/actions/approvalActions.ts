/**
 * Peer approval's buttons (src/approvals): Request approval on a preview, Approve / Reject /
 * Cancel on a request card or in the `approvals` list, and Show. Data carries the change id only
 * (plus the typed reason); who may do what is decided server-side by Entra object id.
 */
import { z } from 'zod';
import { approveRequest } from '../approvals/approve';
import { cancelRequest, rejectRequest, showRequest } from '../approvals/closeRequest';
import { approvalDeps } from '../bot/useCaseDeps';
import { requestApproval } from '../approvals/request';
import { cardAction } from '../bot/action';
import { approvalReply } from './approvalReplies';

const changeId = z.uuid('This is not a change id.');
/** Typed text; an empty one is answered in words, not as a malformed card. */
const typed = z.string().max(2000).optional().default('');
const MAX_REASON = 500;

const reasonProblem = (text: string, what: string) =>
  !text
    ? `Please say ${what} in the box, then click again.`
    : text.length > MAX_REASON
      ? `Please keep ${what} under ${MAX_REASON} characters.`
      : undefined;

export const approvalRequestAction = cardAction({
  verb: 'approval.request',
  schema: z.object({ changeId, reason: typed }),
  async run(ctx, { changeId: id, reason }) {
    const problem = reasonProblem(reason.trim(), 'why this change is needed');
    if (problem) return { kind: 'message', text: problem };
    return approvalReply(await requestApproval(approvalDeps(ctx), id, reason.trim()));
  },
});

export const approvalApproveAction = cardAction({
  verb: 'approval.approve',
  schema: z.object({ changeId, from: z.literal('list').optional() }),
  run: async (ctx, { changeId: id, from }) =>
    approvalReply(await approveRequest(approvalDeps(ctx), id, from)),
});

export const approvalRejectAction = cardAction({
  verb: 'approval.reject',
  // The list card names each request's reason box after the request (input ids must be unique).
  schema: z.looseObject({ changeId, rejectReason: typed, from: z.literal('list').optional() }),
  async run(ctx, data) {
    const listed = data[`rejectReason-${data.changeId}`];
    const reason = (data.rejectReason || (typeof listed === 'string' ? listed : '')).trim();
    const problem = reasonProblem(reason, 'why you reject it');
    if (problem) return { kind: 'message', text: problem };
    return approvalReply(await rejectRequest(approvalDeps(ctx), data.changeId, reason, data.from));
  },
});

export const approvalCancelAction = cardAction({
  verb: 'approval.cancel',
  schema: z.object({
    changeId,
    from: z.enum(['card', 'list', 'preview']).default('card'),
    previewId: changeId.optional(),
  }),
  run: async (ctx, { changeId: id, from, previewId }) =>
    approvalReply(
      await cancelRequest(
        approvalDeps(ctx),
        id,
        from === 'preview' && previewId
          ? { from, previewId }
          : { from: from === 'list' ? 'list' : 'card' },
      ),
    ),
});

export const approvalShowAction = cardAction({
  verb: 'approval.show',
  schema: z.object({ changeId }),
  run: async (ctx, { changeId: id }) => approvalReply(await showRequest(approvalDeps(ctx), id)),
});
