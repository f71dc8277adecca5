/**
 * Issue 12 item 23: a welcome card when the bot is installed in a personal chat or a team; and
 * the manifest's command list (what Teams offers as you type) matches the command table `help`
 * is generated from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchCommand } from '../../src/bot/dispatch';
import { commandTable } from '../../src/commands';
import { WELCOME_COMMANDS } from '../../src/views/welcomeCard';
import { cardText, cardsSentTo, useTestBot } from '../support/testBot';
import { executeActions } from '../commands/support';

const PERSONAL = 'a:1new-personal-install';
const BOT = { id: '28:0b0b0b0b-1c1c-4d2d-8e3e-4f4f4f4f4f4f', name: 'SDS Flow Admin' };

describe('welcome on install (component)', () => {
  const bot = useTestBot();

  it('when the bot is installed in a personal chat, then a welcome card says what it does, three commands and the sandbox note; the conversationUpdate of the same install adds nothing', async () => {
    const conversation = { id: PERSONAL, conversationType: 'personal', isGroup: false };
    await bot.send(
      bot.activity('installation-add', {
        conversation,
        channelData: { team: undefined, channel: undefined, settings: undefined },
      }),
    );
    await bot.send(
      bot.activity('installation-add', {
        type: 'conversationUpdate',
        action: undefined,
        conversation,
        membersAdded: [{ id: BOT.id }],
        channelData: { team: undefined, channel: undefined, settings: undefined },
      }),
    );
    const cards = cardsSentTo(bot.connector, PERSONAL);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('Welcome to SDS Flow Admin');
    expect(text).toContain('School Data Sync');
    expect(text).toContain('Sandbox mode');
    expect(executeActions(cards[0]).map((a) => a.data.command)).toEqual(['list', 'status', 'help']);
  });

  it('when the bot is added to a team, then the welcome card is posted there and tells to @mention it', async () => {
    const team = '19:welcome-team@thread.tacv2';
    await bot.send(bot.activity('installation-add', { conversation: { id: team } }));
    const [card] = cardsSentTo(bot.connector, team);
    expect(cardText(card)).toContain('@mention');
  });

  it('when the bot is upgraded, then no welcome is posted again', async () => {
    const id = 'a:1upgraded';
    await bot.send(
      bot.activity('installation-add', {
        action: 'add-upgrade',
        conversation: { id, conversationType: 'personal', isGroup: false },
      }),
    );
    expect(cardsSentTo(bot.connector, id)).toHaveLength(0);
  });
});

describe('the manifest command list matches help', () => {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '../../appPackage/manifest.json'), 'utf8'),
  );
  const lists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> =
    manifest.bots[0].commandLists;

  it('when each manifest command is typed, then it is a command help lists, by its own name', () => {
    for (const list of lists)
      for (const { title } of list.commands) {
        const match = matchCommand(title, commandTable);
        expect({ title, kind: match.kind }).toEqual({ title, kind: 'command' });
        if (match.kind === 'command') expect(title.startsWith(match.command.name)).toBe(true);
      }
  });

  it('when the welcome card names three commands, then Teams offers each of them in every scope', () => {
    for (const list of lists)
      for (const { name } of WELCOME_COMMANDS)
        expect(list.commands.map((c) => c.title)).toContain(name);
  });
});
