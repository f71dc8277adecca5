/**
 * The attributes of a turn's span: ids only (activity, conversation type, the user's Entra object
 * id), never a display name, a message text or a token.
 */
import type { Activity } from 'botbuilder';
import type { Attributes } from '../telemetry';

export function turnSpanAttributes(activity: Activity): Attributes {
  return {
    'teams.activity.id': activity.id ?? '',
    'teams.activity.type': activity.type,
    ...(activity.type === 'invoke' && activity.name && { 'teams.invoke.name': activity.name }),
    'teams.conversation.type': activity.conversation?.conversationType ?? 'personal',
    ...(activity.from?.aadObjectId && { 'user.id': activity.from.aadObjectId }),
  };
}
