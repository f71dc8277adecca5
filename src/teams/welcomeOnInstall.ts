/**
 * The welcome card, once per install (issue 12 item 23). Teams announces one install twice
 * (installationUpdate add and conversationUpdate with the bot in membersAdded): the second
 * announcement within a minute says nothing. Upgrades and team restores are no new install.
 */
import type { TurnContext } from 'botbuilder';
import type { AppServices } from '../bot/command';
import { installChange } from './conversations';
import { welcomeCard } from '../views/welcomeCard';
import { cardActivity } from './replies';

export function createWelcomeOnInstall(services: AppServices): (ctx: TurnContext) => Promise<void> {
  const { logger } = services;
  const welcomed = new Map<string, number>();
  async function welcomeOnInstall(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const isNewInstall =
      installChange(ctx) === true &&
      a.action !== 'add-upgrade' &&
      a.channelData?.eventType !== 'teamRestored';
    if (!isNewInstall || !a.conversation?.id) return;
    const now = Date.now();
    for (const [id, at] of welcomed) if (now - at > 60_000) welcomed.delete(id);
    if (welcomed.has(a.conversation.id)) return;
    welcomed.set(a.conversation.id, now);
    const type = a.conversation.conversationType;
    const where = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
    const card = welcomeCard(services.commands, {
      sandbox: services.config.mode === 'sandbox',
      where,
    });
    try {
      await ctx.sendActivity(cardActivity(card));
    } catch (err) {
      // A welcome is a courtesy: never fail the install turn over it.
      logger.warn('welcome card not sent', {
        conversationId: a.conversation.id,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }

  return welcomeOnInstall;
}
