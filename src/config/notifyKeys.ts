/** Configuration of readiness notifications (src/notifications): poller and outbox worker. */
import { z } from 'zod';
import type { RawOf } from './schemaParts';

export const notifyKeys = {
  NOTIFY_POLL_SECONDS: {
    schema: z.coerce.number().min(0).optional(),
    hint: 'seconds between readiness polls (default 300; 10 in sandbox mode); 0 turns polling off',
  },
  NOTIFY_LEASE_SECONDS: {
    schema: z.coerce.number().min(0.5).default(30),
    hint: 'seconds the poller lease lasts before another instance may take over (at least 0.5)',
  },
  NOTIFY_SEND_TIMEOUT_SECONDS: {
    schema: z.coerce.number().min(0.5).default(15),
    hint: 'seconds to wait for the Bot Connector to answer one notification (at least 0.5)',
  },
  NOTIFY_APP_SENDS_PER_SECOND: {
    schema: z.coerce.number().int().min(1).max(50).default(50),
    hint: 'notification sends per second for the whole app, 1-50 (Teams allows 50 per app per tenant)',
  },
} as const;

export interface NotifyConfig {
  /** 0 = no background polling (tests poll on demand). */
  pollMs: number;
  leaseMs: number;
  sendTimeoutMs: number;
  appSendsPerSecond: number;
}

export function notifyConfig(r: RawOf<typeof notifyKeys>, sandbox: boolean): NotifyConfig {
  return {
    pollMs: Math.round((r.NOTIFY_POLL_SECONDS ?? (sandbox ? 10 : 300)) * 1000),
    leaseMs: Math.round(r.NOTIFY_LEASE_SECONDS * 1000),
    sendTimeoutMs: Math.round(r.NOTIFY_SEND_TIMEOUT_SECONDS * 1000),
    appSendsPerSecond: r.NOTIFY_APP_SENDS_PER_SECOND,
  };
}
