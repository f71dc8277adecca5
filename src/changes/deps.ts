/**
 * Everything a step of the change pipeline uses, built per turn from the app services. Nothing
 * here is module state: the stores are views over the durable storage, Graph acts as the person
 * of this turn (on-behalf-of, graphAccess.ts), and time comes from one place.
 */
import type { TurnInfo } from '../commands/types';
import {
  createPendingChangeStore,
  type PendingChangeStore,
  type Person,
} from '../domain/pendingChange';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import type { AppServices } from '../services';
import { createChangeViewStore, type ChangeViewStore } from './changeView';

export interface ChangeDeps {
  changes: PendingChangeStore;
  views: ChangeViewStore;
  /** Graph as the person of this turn (never the app: writes need a delegated token). */
  graph: IndustryDataApi;
  /** Who is acting in this turn, by Entra object id. */
  person: Person;
  conversationId: string;
  /** The message holding the clicked card, when this turn is a card action. */
  replyToId?: string;
  ttlMs: number;
  logger: Logger;
  now(): Date;
}

export function changeDeps(
  ctx: TurnInfo & { services: AppServices; replyToId?: string },
): ChangeDeps {
  const { services } = ctx;
  return {
    changes: createPendingChangeStore(services.storage),
    views: createChangeViewStore(services.storage),
    graph: services.graph.forUser(ctx),
    person: { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name },
    conversationId: ctx.conversation.id,
    replyToId: ctx.replyToId,
    ttlMs: services.config.previewTtlMs,
    logger: services.logger,
    now: () => new Date(),
  };
}
