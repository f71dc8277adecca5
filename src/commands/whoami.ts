/** `whoami`: who the bot thinks you are, in which tenant, and what it may do on your behalf. */
import { SANDBOX_NOTICE } from '../views/helpCard';
import { renderCard } from '../views/render';
import { READ_SCOPE, READWRITE_SCOPE } from '../graph/permissions';
import { command, noArgs } from '../bot/command';

const ROLE_NAMES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
};

/**
 * Reads the claims of the delegated Graph token the bot just obtained for this user. No signature
 * check here: the token came straight from the identity provider over our own OBO call, and
 * Graph is the one that enforces it; we only describe it.
 */
function claimsOf(token: string): {
  scp?: string;
  wids?: string[];
  tid?: string;
  upn?: string;
  preferred_username?: string;
} {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

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
    const claims = claimsOf(await services.graph.userToken(ctx)());
    const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
    const canWrite = scopes.includes(READWRITE_SCOPE);
    const canRead = canWrite || scopes.includes(READ_SCOPE);
    const roles = (claims.wids ?? []).map((w) => ROLE_NAMES[w]).filter(Boolean);
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
