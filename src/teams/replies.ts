/** Turns our replies (text or Adaptive Card) into Bot Framework activities. */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { Reply } from '../bot/command';

export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export function replyActivity(reply: Reply): Partial<Activity> {
  return 'card' in reply ? cardActivity(reply.card) : MessageFactory.text(reply.text);
}
