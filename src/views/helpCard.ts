/** View-models for the generated help: all commands, or one command in detail. */
import { AdaptiveCard, renderCard } from './render';

/** What help shows of a command (the command table's entries have this shape). */
export interface CommandHelp {
  name: string;
  aliases: readonly string[];
  usage: string;
  summary: string;
  examples: readonly string[];
}

export const SANDBOX_NOTICE =
  'Sandbox mode: changes go to the local Graph emulator, not to a Microsoft 365 tenant.';

export interface HelpCardModel {
  title: string;
  intro: string;
  notice: string;
  commands: Array<{ usage: string; summary: string }>;
  footer: string;
  buttons: Array<{ title: string; command: string }>;
}

export function helpCard(
  commands: readonly CommandHelp[],
  options: { sandbox: boolean },
): AdaptiveCard {
  const has = (name: string) => commands.some((c) => c.name === name);
  const model: HelpCardModel = {
    title: 'SDS Flow Admin',
    intro:
      'Administer School Data Sync outbound provisioning (flow sets and their user, class group, security group and administrative unit flows) from Teams. Every change is previewed before it is applied.',
    notice: options.sandbox ? SANDBOX_NOTICE : '',
    commands: commands.map((c) => ({ usage: c.usage, summary: c.summary })),
    footer: 'Type "help {command}" for details and examples. In a channel, @mention the bot first.',
    buttons: [
      ...(has('list') ? [{ title: 'List flow sets', command: 'list' }] : []),
      ...(has('status') ? [{ title: 'Readiness status', command: 'status' }] : []),
      ...(has('whoami') ? [{ title: 'Who am I?', command: 'whoami' }] : []),
    ],
  };
  return renderCard('help', model);
}

export function commandHelpCard(command: CommandHelp): AdaptiveCard {
  return renderCard('help-command', {
    usage: command.usage,
    summary: command.summary,
    aliases: command.aliases.join(', '),
    examples: command.examples,
  });
}
