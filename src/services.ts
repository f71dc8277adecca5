/**
 * What commands and card actions may use. Built once in src/app.ts; nothing here is per-request
 * mutable state (no module globals holding user data).
 */
import type { Approvals } from './approvals/access';
import type { AuditLog } from './audit';
import type { Command } from './commands/types';
import type { Config } from './config';
import type { GraphAccess } from './graphAccess';
import type { Logger } from './log';
import type { ConversationStore } from './store/conversationStore';
import type { DurableStorage } from './store/storage';

export interface AppServices {
  config: Config;
  logger: Logger;
  storage: DurableStorage;
  conversations: ConversationStore;
  /** Graph as the asking user (on-behalf-of) or as the app. */
  graph: GraphAccess;
  /** The command table, so `help` can describe exactly what the bot accepts. */
  commands: readonly Command[];
  /** The append-only history of changes (src/audit): the change pipeline records every event. */
  audit: AuditLog;
  /** Peer approval (src/approvals); set once the services exist, because it is built from them. */
  approvals?: Approvals;
}
