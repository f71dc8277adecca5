/**
 * Several instances of the built bot (test/support/botProcess.ts) behind one "load balancer", as on
 * App Service with more than one instance: they share ONE Graph emulator, ONE identity provider
 * (both run here, in the test process, so the test reads their request logs and counters) and ONE
 * storage, and activities are spread round-robin over the live instances. The bots reach the
 * emulator and IdP with SANDBOX_SERVICES=external (src/sandbox/external.ts).
 *
 *   const cluster = await startCluster({ name: 'apply', env: { APPROVAL_POLICY: 'peer' } });
 *   await sayAs(cluster.roundRobin, 'list');          // test/changes/support.ts helpers
 *   await cluster.bots[0]!.kill('SIGKILL');           // the others keep serving
 *   await cluster.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../src/log';
import { startLoopbackConnector, type LoopbackConnector } from '../../src/sandbox/connector';
import { startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import { openAzureBlobStorage } from '../../src/store/azureBlobStorage';
import { azureContainerClient } from '../../src/store/azureContainer';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import type { DurableStorage } from '../../src/store/storage';
import type { Talker } from '../changes/support';
import { fixture, type Activity } from './activities';
import { startAzurite, type Azurite } from './azurite';
import { startBotProcess, type BotProcess } from './botProcess';

/** A fixed test key (base64 of 32 bytes, as .env.sample suggests); never a real one. */
export const TEST_TOKEN_CACHE_KEY = Buffer.alloc(32, 7).toString('base64');

export interface ClusterOptions {
  /** Names the temporary DATA_DIR (sds-<name>-cluster-…). */
  name: string;
  /** How many bot processes; default 3. */
  instances?: number;
  /** Every instance's environment (on top of the shared services and storage). */
  env?: Record<string, string>;
  /** Milliseconds before a new or reset flow turns ready in the emulator; default 1 hour. */
  readyDelayMs?: number;
  /**
   * azure (default): Azure Blob Storage on one Azurite, as on App Service. sqlite: one SQLite file
   * every process opens (BEGIN IMMEDIATE writes). SCALE_OUT_STORAGE overrides it for a local run.
   */
  storage?: 'azure' | 'sqlite';
}

/** The shared storage: its environment for the bots, and the same storage opened here. */
async function sharedStorage(kind: 'azure' | 'sqlite', dataDir: string, name: string) {
  if (kind === 'sqlite') {
    const storage = createSqliteStorage(join(dataDir, 'bot.sqlite'));
    return { env: { STORAGE: 'sqlite' }, storage, stop: () => storage.close() };
  }
  const azurite: Azurite = await startAzurite();
  const container = `sds-${name}`;
  try {
    const storage = await openAzureBlobStorage({
      container: azureContainerClient({ connectionString: azurite.connectionString, container }),
    });
    const env = {
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: container,
    };
    return { env, storage, stop: async () => (await storage.close(), await azurite.stop()) };
  } catch (err) {
    await azurite.stop();
    throw err;
  }
}

export interface Cluster {
  idp: LocalIdentityProvider;
  emulator: GraphEmulator;
  connector: LoopbackConnector;
  /** By index (A, B, C…); a killed instance stays in place, dead. */
  bots: BotProcess[];
  /** The instances still running. */
  live(): BotProcess[];
  /** Activities go to the live instances in turn, as a load balancer would send them. */
  roundRobin: Talker;
  /** Activities go to this instance only. */
  via(index: number): Talker;
  /** The shared storage, opened from the test process (to check records behind the bots' back). */
  storage: DurableStorage;
  /** Starts one more instance with the same environment (e.g. after a kill). */
  startInstance(): Promise<BotProcess>;
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), `sds-${options.name}-cluster-`));
  const { logger } = createMemoryLogger('warn');
  const idp = await startLocalIdentityProvider({ logger });
  const emulator = await startGraphEmulator({
    authenticate: idp.authenticateGraphRequest,
    readyDelayMs: options.readyDelayMs ?? 3_600_000,
  });
  const connector = await startLoopbackConnector();
  const kind = (process.env.SCALE_OUT_STORAGE ?? options.storage ?? 'azure') as 'azure' | 'sqlite';
  const shared = await sharedStorage(kind, dataDir, options.name);
  const { storage } = shared;
  const env: Record<string, string> = {
    ...shared.env,
    SANDBOX_SERVICES: 'external',
    GRAPH_BASE_URL: emulator.baseUrl,
    SANDBOX_IDP_URL: idp.issuerBaseUrl,
    TOKEN_CACHE_KEY: TEST_TOKEN_CACHE_KEY,
    NOTIFY_POLL_SECONDS: '0',
    ...options.env,
  };
  const bots: BotProcess[] = [];
  const dead = new Set<BotProcess>();
  let gone = false;
  const startInstance = async () => {
    const bot = await startBotProcess({ dataDir, env });
    bots.push(bot);
    void bot.exited.then(() => dead.add(bot));
    return bot;
  };
  const close = async () => {
    if (gone) return;
    gone = true;
    await Promise.all(bots.map((b) => b.kill()));
    await shared.stop();
    await Promise.all([connector.close(), emulator.close(), idp.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // One at a time: each start compiles nothing, but three at once starve two cores.
    for (let i = 0; i < (options.instances ?? 3); i++) await startInstance();
  } catch (err) {
    await close();
    throw err;
  }
  const live = () => bots.filter((b) => !dead.has(b));
  const activity = (name: string, over: Activity = {}) => fixture(name, connector.serviceUrl, over);
  let turn = 0;
  const roundRobin: Talker = {
    connector,
    activity,
    send(a) {
      const running = live();
      if (!running.length) throw new Error('no bot instance is running');
      return running[turn++ % running.length]!.send(a);
    },
  };
  return {
    idp,
    emulator,
    connector,
    bots,
    live,
    roundRobin,
    via: (index) => ({ connector, activity, send: (a) => bots[index]!.send(a) }),
    storage,
    startInstance,
    close,
  };
}

/** Graph writes (anything but GET) the shared emulator has recorded, by anyone. */
export const clusterGraphWrites = (cluster: Cluster) =>
  cluster.emulator.control.requests().filter((r) => r.method !== 'GET');
