/**
 * Building every service of the app, in order: storage, the sandbox services (Graph emulator,
 * identity provider) when there is no BOT_ID, identity and Graph access (with Teams SSO when
 * tokens come from Teams), the audit log, notifications and approvals. Each service that needs
 * stopping adds its stop to `stops` (startApp.ts runs them, newest first).
 */
import { createAuditLog } from '../history'; // Audit
import { commandTable } from '../commands';
import type { Config } from '../config';
import { AppError } from '../errors';
import { createGraphClient } from '../graph';
import { createGraphAccess, type SsoSource } from '../identity/graphAccess';
import {
  createStorageCacheClient,
  createGraphIdentityFromConfig,
  createSandboxGraphIdentity,
  type GraphIdentity,
} from '../identity';
import type { Logger } from '../log';
import { createNotifications, observeConversations, type Notifications } from '../notifications';
import { createProactiveMessenger } from '../teams/proactive';
import type { Approvals } from '../approvals/access';
import { groupMembersReader } from '../approvals/groupMembers';
import { createApprovals } from '../approvals/service';
import { createHttp } from '../graph/http';
import type { SandboxIdentity } from '../sandbox/external';
import { SandboxTokenError } from '../sandbox/idp/sandboxTokens';
import type { SandboxServices } from '../sandbox/startSandbox';
import { SANDBOX_CLIENT_ID, sandboxUserNote } from '../sandbox/users';
import type { AppServices } from '../bot/command';
import { ssoValidatorFor } from './ssoValidation';
import { storageFromConfig, type StorageBackend } from './storageFromConfig';
import { createConversationStore } from '../store/conversationStore';
import type { DurableStorage } from '../store/storage';
import { tracedStorage } from '../store/tracedStorage';
import { observeApprovals } from '../approvals/telemetry';
import { observeOutbox, tracedSender } from '../notifications/telemetry';
import { createTeamsSso, type TeamsSso } from '../teams/sso';
import { deliveryCard } from '../views/notificationCard';
import { approvalPresenter } from '../views/approvalPresenter';

export type Stops = Array<() => Promise<void>>;

export interface BuiltServices {
  services: AppServices;
  storage: DurableStorage;
  /** Which backend `storage` is (reported by /readyz). */
  storageKind: StorageBackend['kind'];
  graphBaseUrl: string;
  /** Only in sandbox mode. */
  sandbox?: SandboxServices;
  /** Only when SSO tokens come from Teams (SSO_MODE=teams). */
  teamsSso?: TeamsSso;
  notifications: Notifications;
  approvals: Approvals;
}

/**
 * Sandbox: the SSO assertion Teams would give for whoever wrote, under their own object id and
 * name (anyone outside the five sandbox people is a guest admin, src/sandbox/users.ts). An object
 * id that is not a GUID gets a plain answer, not "something went wrong".
 */
async function mintSandboxAssertion(
  idp: SandboxIdentity,
  user: { aadObjectId: string; name?: string },
): Promise<string> {
  try {
    return await idp.mintSsoToken(user.aadObjectId, { name: user.name });
  } catch (err) {
    if (!(err instanceof SandboxTokenError)) throw err;
    throw new AppError(
      'forbidden',
      'The sandbox can only act for people whose Microsoft Entra object id is a GUID, and yours is not.',
      { cause: err },
    );
  }
}

function ssoSource(config: Config, idp: SandboxIdentity | undefined): SsoSource {
  if (config.ssoMode === 'mint' && idp)
    return { kind: 'mint', mint: (user) => mintSandboxAssertion(idp, user) };
  return { kind: 'teams', validate: ssoValidatorFor(config, idp) };
}

/**
 * The sandbox's emulator and IdP: started here (SANDBOX_SERVICES=local), or shared with other
 * instances and reached over loopback (external, src/sandbox/external.ts). None in production.
 */
async function sandboxParts(config: Config, logger: Logger, stops: Stops) {
  if (config.mode !== 'sandbox') return {};
  if (config.sandbox.services === 'external') {
    const { connectSandboxIdentity } = await import('../sandbox/external');
    return { idp: await connectSandboxIdentity(config.sandbox.idpUrl ?? '') };
  }
  const sandbox = await startSandboxServices(config, logger);
  stops.unshift(() => sandbox.close());
  return { sandbox, idp: sandbox.idp, graphBaseUrl: sandbox.emulator.baseUrl };
}

/** Identity, Graph access as each person, and Teams SSO when tokens come from Teams. */
function buildGraphAccess(
  config: Config,
  logger: Logger,
  storage: DurableStorage,
  sandbox: { idp?: SandboxIdentity; graphBaseUrl?: string },
) {
  // Several instances share one token cache (per user, sealed) when there is a key for it:
  // always with STORAGE=azure (config requires TOKEN_CACHE_KEY), and with SQLite if one is set.
  const key = config.storage.tokenCacheKey;
  const extras = {
    logger,
    userTokenCache: key ? createStorageCacheClient(storage, key, logger) : undefined,
  };
  const identity: GraphIdentity = sandbox.idp
    ? createSandboxGraphIdentity(sandbox.idp, extras)
    : createGraphIdentityFromConfig(config.identity, extras);
  const graphBaseUrl =
    sandbox.graphBaseUrl ?? config.graph.baseUrl ?? 'https://graph.microsoft.com/beta';
  const sso = ssoSource(config, sandbox.idp);
  const client = createGraphClient({ baseUrl: graphBaseUrl, logger });
  // Teams SSO (token exchange, loginRequest) runs only when SSO tokens come from Teams.
  const teamsSso =
    sso.kind === 'teams'
      ? createTeamsSso({
          identity,
          validator: sso.validate,
          storage,
          logger,
          appIdUri: config.identity.appIdUri ?? `api://botid-${SANDBOX_CLIENT_ID}`,
        })
      : undefined;
  const graph = createGraphAccess(
    client,
    identity,
    sso,
    teamsSso && ((oid) => teamsSso.forgetUser(oid)),
    // Sandbox: whoami tells a guest (not one of the five sandbox people) how they are treated.
    sandbox.idp ? sandboxUserNote : undefined,
  );
  return { identity, graphBaseUrl, teamsSso, graph };
}

/**
 * The Graph emulator and the local identity provider, loaded only in sandbox mode: in production
 * their modules (the emulator's routes and store, the IdP's server and keys) are never required,
 * which shortens the cold start (docs/performance.md).
 */
async function startSandboxServices(config: Config, logger: Logger): Promise<SandboxServices> {
  const { startSandbox } = await import('../sandbox/startSandbox');
  return startSandbox(config, logger);
}

export async function buildServices(
  config: Config,
  logger: Logger,
  stops: Stops,
): Promise<BuiltServices> {
  const backend = await storageFromConfig(config);
  const { kind: storageKind, leaseFor } = backend;
  // A span per store operation when telemetry is on (src/telemetry); the storage itself otherwise.
  const storage = tracedStorage(backend.storage);
  stops.push(() => storage.close());
  const parts = await sandboxParts(config, logger, stops);
  const { sandbox } = parts;
  const { identity, graphBaseUrl, teamsSso, graph } = buildGraphAccess(
    config,
    logger,
    storage,
    parts,
  );

  const audit = createAuditLog(storage, { logger }); // Audit
  // Notifications (src/notifications): one poller/outbox worker per lease; subscriptions
  // follow the conversation store (every inbound activity, install/uninstall, team deleted).
  // The poller reads Graph every interval: its successful reads log at debug, not info.
  const pollingGraph = createGraphClient({
    baseUrl: graphBaseUrl,
    logger,
    successLogLevel: 'debug',
  }).as(identity.appOnly());
  const notifications = createNotifications({
    storage,
    graph: { forApp: () => pollingGraph },
    logger,
    sender: tracedSender(
      createProactiveMessenger(config, logger, { timeoutMs: config.notify.sendTimeoutMs }),
    ),
    render: deliveryCard,
    ...config.notify,
    instanceId: config.instanceId,
    leaseFor,
  });
  const conversations = observeConversations(
    createConversationStore(storage),
    notifications.onConversationSeen,
    logger,
  );
  notifications.start();
  stops.unshift(() => notifications.stop());
  const stopOutboxGauges = observeOutbox(storage); // read only when metrics are collected
  stops.unshift(async () => stopOutboxGauges());
  // Approvals (src/approvals): approver directory (group read with the app token), card
  // posts and updates outside a turn, and the sweep (its first run is the restart reconcile).
  const approvals = createApprovals({
    storage,
    conversations,
    messenger: createProactiveMessenger(config, logger, { timeoutMs: 15_000 }),
    appGraph: graph.forApp(),
    readGroup: groupMembersReader(
      createHttp({ baseUrl: graphBaseUrl, logger }),
      graphBaseUrl,
      identity.appOnly(),
    ),
    approvers: config.approvals.approvers,
    approverGroupId: config.approvals.approverGroupId,
    sweepMs: config.approvals.sweepMs,
    audit,
    logger,
    cards: approvalPresenter,
  });
  // Every service exists before the services object, so none of its fields is optional.
  const services: AppServices = {
    config,
    logger,
    storage,
    conversations,
    graph,
    commands: commandTable,
    audit,
    approvals,
  };
  approvals.start();
  stops.unshift(() => approvals.stop());
  const stopApprovalGauge = observeApprovals(storage); // read only when metrics are collected
  stops.unshift(async () => stopApprovalGauge());
  return {
    services,
    storage,
    storageKind,
    graphBaseUrl,
    sandbox,
    teamsSso,
    notifications,
    approvals,
  };
}
