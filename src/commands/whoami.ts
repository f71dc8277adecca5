/** `whoami`: who the bot thinks you are, in which tenant, and what it may do on your behalf. */
import { SANDBOX_NOTICE } from '../cards/helpCard';
import { renderCard } from '../cards/render';
import { command, noArgs } from './types';

export const whoamiCommand = command<undefined>({
  name: 'whoami',
  aliases: ['who am i', 'me'],
  usage: 'whoami',
  summary:
    'Your identity as the bot sees it, your tenant, and whether you can read or change flow sets.',
  examples: ['whoami'],
  parse: noArgs,
  async run(ctx) {
    const { user, conversation, services } = ctx;
    const facts = [
      { title: 'Name', value: user.name || '(unknown)' },
      { title: 'Entra object id', value: user.aadObjectId },
      { title: 'Tenant', value: conversation.tenantId ?? '(unknown)' },
      { title: 'Conversation', value: conversation.type },
      {
        title: 'Graph',
        value: services.config.mode === 'sandbox' ? 'local emulator' : 'Microsoft Graph (beta)',
      },
    ];
    const card = renderCard('whoami', {
      title: 'Who am I',
      facts,
      notice: services.config.mode === 'sandbox' ? SANDBOX_NOTICE : '',
    });
    return [{ card }];
  },
});
