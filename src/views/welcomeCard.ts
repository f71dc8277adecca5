/**
 * The card the bot posts once when it is installed in a personal chat, a team or a group chat
 * (issue 12 item 23): what it does, three commands to start with, and the sandbox note.
 */
import { SANDBOX_NOTICE, type CommandHelp } from './helpCard';
import { AdaptiveCard, renderCard } from './render';

/** The three commands a new user starts with, in order, with their button titles. */
export const WELCOME_COMMANDS: ReadonlyArray<{ name: string; title: string }> = [
  { name: 'list', title: 'List flow sets' },
  { name: 'status', title: 'Readiness status' },
  { name: 'help', title: 'All commands' },
];

export function welcomeCard(
  commands: readonly CommandHelp[],
  options: { sandbox: boolean; where: 'personal' | 'channel' | 'groupChat' },
): AdaptiveCard {
  const start = WELCOME_COMMANDS.flatMap(({ name, title }) => {
    const c = commands.find((x) => x.name === name);
    return c ? [{ usage: c.usage, summary: c.summary, title, command: name }] : [];
  });
  return renderCard('welcome', {
    title: 'Welcome to SDS Flow Admin',
    intro:
      'I administer School Data Sync outbound provisioning from Teams: list and show flow sets and their flows, watch their readiness, and create, change or reset them. Every change is previewed first and applied as you, with your own permissions.',
    notice: options.sandbox ? SANDBOX_NOTICE : '',
    startHeading: 'Three commands to start with',
    start,
    footer:
      options.where === 'personal'
        ? 'Type a command here, e.g. "list".'
        : 'In a channel or group chat, @mention me first, e.g. "@SDS Flow Admin list".',
  });
}
