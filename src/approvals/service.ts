/**
 * Peer approval, wired (src/app/startApp.ts builds it once): the approver directory, the messenger for
 * posting and updating cards outside a turn, the in-flight marks of this process, and the sweep on
 * its timer. The first sweep runs at start-up: that is the restart reconcile.
 */
import type { AuditLog } from '../history';
import { createChangeViewStore } from '../changes/changeView';
import { createPendingChangeStore } from '../changes/pendingChangeStore';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import { createTicker } from '../notifications/timing';
import type { ConversationStore } from '../store/conversationStore';
import type { DurableStorage } from '../store/storage';
import type { Approvals, CardMessenger, SweepResult } from './access';
import { createApproverDirectory } from './approvers';
import type { ReadGroupMembers } from './groupMembers';
import { inFlightMarks, newInstanceId } from '../changes/inFlight';
import type { ApprovalCards } from './outcome';
import { approvalStores } from './stores';
import { sweep } from './sweep';

export interface ApprovalsOptions {
  storage: DurableStorage;
  conversations: ConversationStore;
  messenger: CardMessenger;
  appGraph: IndustryDataApi;
  readGroup: ReadGroupMembers;
  approvers: readonly string[];
  approverGroupId?: string;
  /** 0 = no timer (tests call sweepNow). */
  sweepMs: number;
  audit: AuditLog;
  logger: Logger;
  /** Draws the cards the sweep updates and posts (src/views/approvalPresenter.ts). */
  cards: ApprovalCards;
}

export function createApprovals(options: ApprovalsOptions): Approvals {
  const logger = options.logger.child({ component: 'approvals' });
  const instance = newInstanceId();
  const directory = createApproverDirectory({
    approvers: options.approvers,
    groupId: options.approverGroupId,
    readGroup: options.readGroup,
    logger,
  });
  const inFlight = inFlightMarks(options.storage, instance);
  const deps = {
    stores: approvalStores(options.storage),
    changes: createPendingChangeStore(options.storage),
    views: createChangeViewStore(options.storage),
    messenger: options.messenger,
    conversations: options.conversations,
    directory,
    inFlight,
    instance,
    appGraph: options.appGraph,
    audit: options.audit,
    logger,
    cards: options.cards,
  };
  // One sweep at a time in this process; other instances are kept apart by compare-and-set.
  let tail: Promise<unknown> = Promise.resolve();
  const run = (now: Date): Promise<SweepResult> => {
    const next = tail.then(async () => {
      const result = await sweep(deps, now);
      if (Object.values(result).some((n) => n > 0)) logger.info('approvals sweep', { ...result });
      return result;
    });
    tail = next.catch(() => undefined);
    return next;
  };
  const ticker = createTicker(
    async () => {
      await run(new Date());
      return options.sweepMs || Infinity; // 0: only the start-up sweep
    },
    logger,
    'approvals sweep',
  );
  if (!options.approvers.length && !options.approverGroupId)
    logger.warn('no approvers configured: nobody can approve peer-policy changes');

  return {
    instance,
    directory,
    messenger: options.messenger,
    inFlight,
    sweepNow: (now = new Date()) => run(now),
    start() {
      ticker.start(0);
    },
    stop: () => ticker.stop(),
  };
}
