/** Reads who/where from a Teams activity. Identity is the Entra object id, never a display name. */
import type { Activity } from 'botbuilder';
import type { TurnInfo } from '../bot/command';

export function turnInfoOf(activity: Activity): TurnInfo {
  const type = activity.conversation?.conversationType;
  return {
    user: { aadObjectId: activity.from?.aadObjectId ?? '', name: activity.from?.name ?? '' },
    conversation: {
      id: activity.conversation?.id ?? '',
      type: type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
      tenantId: activity.conversation?.tenantId ?? activity.channelData?.tenant?.id,
      name: activity.channelData?.channel?.name ?? activity.conversation?.name ?? undefined,
      teamName: activity.channelData?.team?.name ?? undefined,
    },
    activityId: activity.id,
  };
}
