/** Turns our replies (text or Adaptive Card) into Bot Framework activities. */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { FileOffer, Reply } from '../bot/command';

export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Teams' file consent card (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4). */
export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';

function fileOfferActivity(file: FileOffer): Partial<Activity> {
  const { name, description, sizeInBytes, context } = file;
  return MessageFactory.attachment({
    contentType: FILE_CONSENT_TYPE,
    name,
    content: { description, sizeInBytes, acceptContext: context, declineContext: context },
  });
}

export function replyActivity(reply: Reply): Partial<Activity> {
  if ('card' in reply) return cardActivity(reply.card);
  if ('file' in reply) return fileOfferActivity(reply.file);
  return MessageFactory.text(reply.text);
}
