/** `help` and `help <command>`: generated from the command table, so it never disagrees with it. */
import { commandHelpCard, helpCard } from '../views/helpCard';
import { unknownCommandCard } from '../views/messageCards';
import { matchCommand } from '../bot/dispatch';
import { command } from '../bot/command';

export const helpCommand = command<{ topic?: string }>({
  name: 'help',
  aliases: ['?', 'commands'],
  usage: 'help [command]',
  summary: 'What I can do, or the details of one command.',
  examples: ['help', 'help show'],
  parse: (rest) => ({ ok: true, args: { topic: rest.trim() || undefined } }),
  async run(ctx, { topic }) {
    const table = ctx.services.commands;
    if (!topic)
      return [{ card: helpCard(table, { sandbox: ctx.services.config.mode === 'sandbox' }) }];
    const match = matchCommand(topic, table);
    if (match.kind === 'command') return [{ card: commandHelpCard(match.command) }];
    return [{ card: unknownCommandCard(topic, match.kind === 'unknown' ? match.suggestions : []) }];
  },
});
