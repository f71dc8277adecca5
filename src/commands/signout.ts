/** `signout`: forget this user's cached tokens. The next Graph call needs a fresh sign-in. */
import { command, noArgs } from '../bot/command';

export const signoutCommand = command<undefined>({
  name: 'signout',
  aliases: ['sign out', 'logout', 'log out'],
  usage: 'signout',
  summary: 'Forget the tokens I hold for you; the next command signs you in again.',
  examples: ['signout'],
  parse: noArgs,
  async run(ctx) {
    await ctx.services.graph.signOut(ctx.user.aadObjectId);
    return [
      {
        text: 'Signed out: I no longer hold any token for you. Your next command will sign you in again.',
      },
    ];
  },
});
