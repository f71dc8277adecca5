/**
 * The Graph emulator: an in-process HTTP server (node:http) implementing the documented Microsoft
 * Graph beta industryData outbound-provisioning API (docs/graph-notes.md,
 * examples in test/fixtures/graph-docs) under `/beta/external/industryData/…`, plus the sandbox-only
 * control endpoint under `/_sandbox` (controlRoutes.ts). See README.md in this folder.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runTiming } from '../../domain/runTiming';
import type { Logger } from '../../log';
import { GLOBAL_ADMIN_ROLE } from '../users';
import { createControl } from './control';
import { handleControlRequest } from './controlRoutes';
import { FaultRegistry } from './faults';
import { handleGraphRequest } from './graphServer';
import { loadState, saveState } from './persistence';
import { initialRunHistory } from './runs/seedRuns';
import { RunSimulator } from './runs/simulator';
import { initialState } from './seed';
import type { EmulatorState } from './stateSchema';
import { EmulatorStore } from './store';
import type { EmulatorOptions, EmulatorRequestRecord, GraphEmulator } from './types';

export {
  EmulatorAuthError,
  type EmulatorAuthenticator,
  type EmulatorCaller,
  type EmulatorControl,
  type EmulatorOptions,
  type EmulatorRequestRecord,
  type FaultRule,
  type FaultSpec,
  type FaultsView,
  type GraphEmulator,
  type RunOutcomeSpec,
  type RunsView,
} from './types';
export type { StoredRun as EmulatedRun } from './runs/state';
export type { ReadinessStatusName } from './stateSchema';
export { SEED_IDS } from './seed';
export { SANDBOX_APPROVER_GROUP_ID, SANDBOX_GROUPS, SANDBOX_IT_LEADS_GROUP_ID } from './directory';

const DEFAULT_READY_DELAY_MS = 15_000;

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/** A URL host for the address the server listens on (wildcards are reached via loopback). */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startGraphEmulator(options: EmulatorOptions = {}): Promise<GraphEmulator> {
  const host = options.host ?? '127.0.0.1';
  const readyDelayMs = options.readyDelayMs ?? DEFAULT_READY_DELAY_MS;
  const logger = options.logger ?? silentLogger;
  const seed = options.seed ?? true;
  const timing = runTiming(options.runScheduleMs);
  const runHistory = () => initialRunHistory(seed, timing, Date.now());
  const fresh = (): EmulatorState => ({
    ...initialState(seed, readyDelayMs),
    runs: runHistory(),
  });
  const { stateFile } = options;
  const persist = stateFile
    ? (state: EmulatorState) => saveState(stateFile, state)
    : () => undefined;

  const loaded = stateFile ? loadState(stateFile) : undefined;
  const state = loaded ?? fresh();
  const upgraded = !state.runs; // a state file from before runs existed
  state.runs ??= runHistory();
  const store = new EmulatorStore(state, persist, readyDelayMs);
  if (!loaded || upgraded) persist(store.snapshot());

  const runs = new RunSimulator({
    history: () => store.runHistory(),
    persist: () => store.save(),
    timing,
  });
  const faults = new FaultRegistry();
  const requests: EmulatorRequestRecord[] = [];
  const control = createControl({ store, runs, faults, requests, initialState: fresh });
  let baseUrl = '';
  const deps = {
    store,
    runs,
    faults,
    requests,
    authenticate: options.authenticate,
    adminRoleIds: options.adminRoleIds ?? [GLOBAL_ADMIN_ROLE],
    logger,
    baseUrl: () => baseUrl,
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const isControl = /^\/_sandbox(\/|$|\?)/.test(req.url ?? '');
    const handled = isControl
      ? handleControlRequest(req, res, control, logger)
      : handleGraphRequest(req, res, deps);
    handled.catch((err: unknown) => {
      logger.error('graph emulator could not answer', { error: err });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  baseUrl = `http://${urlHost(host)}:${port}/beta`;
  logger.info('graph emulator listening', { baseUrl, stateFile, seed: options.seed ?? true });

  return {
    baseUrl,
    port,
    requests,
    control,
    // Closing twice is fine (a test may stop it early to play an outage, then stop the app).
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
