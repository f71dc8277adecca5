/**
 * Public types of the Graph emulator. Other modules (the sandbox composition root, the IdP's
 * token verifier, end-to-end tests) depend on these exact shapes; index.ts re-exports them.
 */
import type { Logger } from '../../log';
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
