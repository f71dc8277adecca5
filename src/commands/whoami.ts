/** `whoami`: who the bot thinks you are, in which tenant, and what it may do on your behalf. */
import { SANDBOX_NOTICE } from '../views/helpCard';
import { renderCard } from '../views/render';
import { command, noArgs } from '../bot/command';
import { accessOf } from '../bot/writeAccess';
import { RUN_READ_SCOPE, RUN_START_SCOPE } from '../graph/permissions';

export const whoamiCommand = command<undefined>({
  name: 'whoami',
  aliases: ['who am i', 'me'],
  usage: 'whoami',
  summary:
    'Your identity as the bot sees it, your tenant, whether you can read or change flow sets, and read or start sync runs.',
  examples: ['whoami'],
  parse: noArgs,
  async run(ctx) {
    const { user, conversation, services } = ctx;
    const { claims, scopes, roles, readScope, writeScope, runRead, runStart } = await accessOf(ctx);
    const canWrite = writeScope;
    const canRead = readScope;
    const facts = [
      { title: 'Name', value: user.name || '(unknown)' },
      { title: 'Sign-in', value: claims.upn ?? claims.preferred_username ?? '(not in token)' },
      { title: 'Entra object id', value: user.aadObjectId },
      { title: 'Tenant', value: claims.tid ?? conversation.tenantId ?? '(unknown)' },
      { title: 'Conversation', value: conversation.type },
      { title: 'Granted scopes', value: scopes.length ? scopes.join(', ') : '(none)' },
      {
        title: 'Admin roles',
        value: roles.length ? roles.join(', ') : '(none: Graph will refuse changes)',
      },
      { title: 'Can read flow sets', value: canRead && roles.length ? 'Yes' : 'No' },
      { title: 'Can change flow sets', value: canWrite && roles.length ? 'Yes' : 'No' },
      // Sync runs have their own permissions (docs/graph-notes.md#runs): runs/run read, start run starts.
      {
        title: 'Can read sync runs',
        value: runRead && roles.length ? `Yes (${RUN_READ_SCOPE})` : `No (needs ${RUN_READ_SCOPE})`,
      },
      {
        title: 'Can start sync runs',
        value:
          runStart && roles.length ? `Yes (${RUN_START_SCOPE})` : `No (needs ${RUN_START_SCOPE})`,
      },
      {
        title: 'Graph',
        value: services.config.mode === 'sandbox' ? 'local emulator' : 'Microsoft Graph (beta)',
      },
    ];
    const notes = [
      services.graph.userNote(user.aadObjectId),
      services.config.mode === 'sandbox' ? SANDBOX_NOTICE : undefined,
    ].filter(Boolean);
    const card = renderCard('whoami', { title: 'Who am I', facts, notice: notes.join('\n\n') });
    return [{ card }];
  },
});
