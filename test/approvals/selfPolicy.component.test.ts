/**
 * Issue 12 item 6: under APPROVAL_POLICY=self (the default) `approvals` and `approvals here` say
 * plainly that changes are applied by the person who previews them and what to configure for peer
 * approval; no red "nobody can approve" box, and no channel is accepted where nothing is posted.
 */
import { approvalStores } from '../../src/approvals/stores';
import { CHANNEL_KEY } from '../../src/domain/approvalRecords';
import { useTestBot } from '../support/testBot';
import { BLAKE, sayAs } from '../changes/support';
import { sayInChannel } from './support';

describe('approvals under the self policy (component)', () => {
  const bot = useTestBot();

  it('when "approvals" is said, then it explains the self policy and what peer approval needs, without an alarm', async () => {
    const { text, card } = await sayAs(bot, 'approvals');
    expect(card).toBeUndefined();
    expect(text).toContain('applied by the person who previews them');
    expect(text).toContain('APPROVAL_POLICY=peer');
    expect(text).toContain('APPROVERS or APPROVER_GROUP_ID');
    expect(text).not.toContain('nobody can approve');
  });

  it('when "approvals here" is said in a channel, then no channel is stored and the same explanation is given', async () => {
    const said = await sayInChannel(bot, 'approvals here', BLAKE);
    expect(said).toContain('no approval requests are posted anywhere');
    expect(said).not.toContain('will be posted in');
    expect(await approvalStores(bot.app.services.storage).channel.get(CHANNEL_KEY)).toBeUndefined();
  });
});
