/**
 * Public types of the Graph emulator. Other modules (the sandbox composition root, the IdP's
 * token verifier, end-to-end tests) depend on these exact shapes; index.ts re-exports them.
 */
import type { Logger } from '../../log';
import type { RunTiming } from '../../domain/runTiming';
import type { StartBudget } from './runs/simulator';
import type { ForcedOutcome, StoredRun } from './runs/state';
import type { ReadinessStatusName } from './stateSchema';

export interface EmulatorCaller {
  kind: 'delegated' | 'application';
  oid: string;
  tid?: string;
  scopes: string[];
  roles: string[];
  wids: string[];
  appId?: string;
}

/** Throws EmulatorAuthError(401, code, message) on a bad or missing token. */
export type EmulatorAuthenticator = (
  authorizationHeader: string | undefined,
) => Promise<EmulatorCaller>;

export class EmulatorAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorAuthError';
  }
}

export interface EmulatorOptions {
  /** Default 0 (a random free port). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** JSON file that keeps state across restarts; undefined = memory only. */
  stateFile?: string;
  /** A new or reset flow is notReady and becomes ready after this delay (default 15000). */
  readyDelayMs?: number;
  /** Default true: seed the sample district's flow sets (role groups always exist). */
  seed?: boolean;
  /**
   * Time between scheduled runs; every other run period (run length, the 12-hour window of the
   * start limit, the 10-hour skip rule) is compressed by the same factor. Default 12 hours.
   */
  runScheduleMs?: number;
  /** Undefined = no auth required (callers are recorded as anonymous). */
  authenticate?: EmulatorAuthenticator;
  /** `wids` that count as admin for delegated callers; default [GLOBAL_ADMIN_ROLE]. */
  adminRoleIds?: string[];
  logger?: Logger;
}

export interface EmulatorRequestRecord {
  method: string;
  path: string;
  status: number;
  callerOid?: string;
  callerKind?: string;
  time: string;
  requestId: string;
}

/**
 * A fault the emulator answers with instead of doing the work (docs/graph-notes.md#throttling),
 * or a dropped connection: exactly one of `status` and `drop`.
 */
export interface FaultSpec {
  status?: 429 | 503 | 504;
  /**
   * Close the connection without answering, before the request is carried out (`beforeStoring`:
   * nothing is stored) or after (`afterStoring`: stored, but the caller never hears): a write whose
   * outcome the caller cannot know.
   */
  drop?: 'beforeStoring' | 'afterStoring';
  /** How many matching requests get the fault (default 1). */
  count?: number;
  /** Only requests with this method (case-insensitive). */
  method?: string;
  /** Only requests whose path contains this text (case-insensitive). */
  pathContains?: string;
  /** Retry-After seconds; 429 defaults to 10 (the throttling doc's sample), 503/504 send none. */
  retryAfterSeconds?: number;
}

export interface FaultRule extends Pick<FaultSpec, 'status' | 'drop'> {
  id: string;
  remaining: number;
  method?: string;
  pathContains?: string;
  retryAfterSeconds?: number;
}

export interface FaultsView {
  latencyMs: number;
  rules: FaultRule[];
}

/** How the next run to end will end: a status, and optionally its blocking error and counts. */
export interface RunOutcomeSpec {
  status: ForcedOutcome['status'];
  blockingError?: { code: string; message: string; target?: string | null } | null;
  errors?: number | null;
  warnings?: number | null;
}

/** The emulated run history as the sandbox control shows it (not a Graph shape). */
export interface RunsView {
  timing: RunTiming;
  nextScheduledAt: string;
  /** The scheduled run an on-demand start now would make the service skip, or null. */
  wouldSkip: string | null;
  budget: StartBudget;
  forcedOutcome: ForcedOutcome | null;
  /** Newest first, with what Graph does not show: trigger, starter, planned end. */
  runs: StoredRun[];
}

/** Sandbox-only operations; the same as the `/_sandbox` HTTP endpoint (see controlRoutes.ts). */
export interface EmulatorControl {
  /** Forces a flow's readinessStatus (any flow set); throws AppError('not_found') if unknown. */
  setReadiness(flowId: string, status: ReadinessStatusName): void;
  /** Adds this many milliseconds before every Graph response (0 = none). */
  setLatency(ms: number): void;
  addFault(spec: FaultSpec): FaultRule;
  /** Removes latency and every fault rule. */
  clearFaults(): void;
  faults(): FaultsView;
  requests(): EmulatorRequestRecord[];
  clearRequests(): void;
  /** Back to the seed data (or empty if seed=false); also clears faults. */
  resetState(): void;
  runs(): RunsView;
  /** The next run to end (the running one, if any) ends like this; null = as planned. */
  forceNextRunOutcome(outcome: RunOutcomeSpec | null): void;
  /** Ends the running run now; throws AppError('not_found') when none is running. */
  finishRunningRun(): StoredRun;
  /** A scheduled run starts now; throws AppError('conflict') while one is running. */
  startScheduledRun(): StoredRun;
  /** A deep copy of the stored state (passwords are stored only as SHA-256 hashes). */
  snapshot(): unknown;
}

export interface GraphEmulator {
  /** e.g. http://127.0.0.1:PORT/beta (the Graph base URL the client uses). */
  baseUrl: string;
  port: number;
  /** Every Graph API request (not control endpoints), in order. */
  requests: EmulatorRequestRecord[];
  control: EmulatorControl;
  close(): Promise<void>;
}
