/**
 * `approvals`: the requests waiting for a decision, with Approve for approvers (never on their own
 * request) and Cancel for requesters and approvers. No Graph call for the list itself; the
 * approver group is read (and cached) to know whether to offer Approve.
 */
import { approvalListFor } from '../approvals/list';
import { approvalStores } from '../approvals/stores';
import { createChangeViewStore } from '../changes/changeView';
import { command, noArgs } from '../bot/command';
import { SELF_POLICY_TEXT, approvalListCardOf } from '../views/approvalListCard';

export const approvalsCommand = command<undefined>({
  name: 'approvals',
  aliases: ['pending approvals', 'approval requests'],
  usage: 'approvals',
  summary:
    'Changes waiting for peer approval: approve them (if you are an approver), open one to reject it, or cancel your own.',
  examples: ['approvals'],
  parse: noArgs,
  async run(ctx) {
    const { services } = ctx;
    const allSelf = Object.values(services.config.approvals.policy).every((p) => p === 'self');
    const list = await approvalListFor({
      stores: approvalStores(services.storage),
      views: createChangeViewStore(services.storage),
      directory: services.approvals.directory,
      person: { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name },
      now: new Date(),
    });
    // Nothing can be waiting under the self policy (unless the policy changed since): no alarm.
    if (allSelf && list.open === 0) return [{ text: SELF_POLICY_TEXT }];
    return [{ card: approvalListCardOf(list) }];
  },
});
