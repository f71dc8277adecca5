/**
 * A Bot Framework conversation reference as we store it: enough to post proactively (serviceUrl,
 * conversation, bot) and to tell who was on the other side. Validated on every read.
 */
import { z } from 'zod';

export const ConversationReferenceSchema = z.looseObject({
  serviceUrl: z.string(),
  channelId: z.string(),
  conversation: z.looseObject({
    id: z.string(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  user: z
    .looseObject({
      id: z.string(),
      name: z.string().optional(),
      aadObjectId: z.string().optional(),
    })
    .optional(),
});
export type StoredConversationReference = z.infer<typeof ConversationReferenceSchema>;
