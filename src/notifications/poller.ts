/**
 * One poll: read every flow set and its flows, and the sync runs (runWatch.ts), with the app-only
 * token (read-only IndustryData-OutboundFlow.Read.All and IndustryData-Run.Read.All; never a
 * user's token), compare with the stored state,
 * attribute the transitions to changes made through the bot, plan the deliveries, and record
 * the deliveries, then the states (outbox.ts `recordPoll`: re-detection repairs a half-recorded poll).
 *
 * Failures: if the list of sets cannot be read nothing is compared. If one set's flows cannot be
 * read, that set keeps its stored state untouched (no "all flows removed"); on throttling or an
 * outage the poll stops reading at once (no point hammering Graph) and reports it, and the
 * service backs off. What was read completely before that is still recorded.
 */
import type { PendingChange } from '../domain/pendingChange';
import { toAppError, type AppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import type { DurableStorage } from '../store/storage';
import { attribute } from './attribution';
import { detectDeletedSets, detectSet, type SetReading } from './detect';
import { busySetIds, detectDrift, unrecordedDrift } from './drift';
import { recordDriftEvent } from './driftHistory';
import { createAuditLog, type AuditLog } from '../history';
import { OUTSIDE_ACTOR } from '../domain/auditEntry';
import { planDeliveries } from './fanout';
import type { LeaseHandle } from './lease';
import { recordPoll, setStateStore } from './outbox';
import { readRuns, type RunReading } from './runWatch';
import type { NotificationEvent, SetState } from '../domain/notificationRecords';
import type { SubscriptionStore } from './subscriptionStore';

export interface PollerDeps {
  storage: DurableStorage;
  /** Graph as the app (client credentials). */
  graph: () => IndustryDataApi;
  subscriptions: SubscriptionStore;
  appliedChanges: () => Promise<PendingChange[]>;
  /** Where changes made through the bot are recorded (drift is what they do not explain). */
  audit?: AuditLog;
  lease: LeaseHandle;
  logger: Logger;
  now?: () => Date;
}

export type PollResult =
  | { kind: 'skipped'; reason: string }
  | {
      kind: 'done' | 'partial';
      sets: number;
      events: NotificationEvent[];
      deliveries: number;
      /** Set for 'partial': why some sets were not read. */
      error?: AppError;
    }
  | { kind: 'failed'; error: AppError };

/** Graph throttling or an outage: back off instead of reading on. */
export const isTransient = (err: AppError): boolean =>
  err.code === 'throttled' || err.code === 'unavailable';

export function createPoller(deps: PollerDeps) {
  const now = deps.now ?? (() => new Date());
  const states = setStateStore(deps.storage);
  const audit = deps.audit ?? createAuditLog(deps.storage, { logger: deps.logger });

  async function poll(): Promise<PollResult> {
    if (!deps.lease.held()) return { kind: 'skipped', reason: 'another instance holds the lease' };
    const api = deps.graph();
    let sets;
    try {
      sets = (await api.listFlowSets()).data;
    } catch (err) {
      return { kind: 'failed', error: toAppError(err) };
    }
    const at = now();
    const stored = new Map((await states.list()).map((s) => [s.value.setId, s]));
    const changed: Array<{ state: SetState; eTag: string | undefined }> = [];
    let events: NotificationEvent[] = [];
    let error: AppError | undefined;
    const readings: SetReading[] = [];
    for (const set of sets) {
      let flows;
      try {
        flows = (await api.listFlows(set.id)).data;
      } catch (err) {
        const e = toAppError(err);
        // 404: deleted between the two reads; the next list of sets will say so.
        if (e.code === 'not_found') continue;
        error = e;
        if (isTransient(e)) break;
        continue;
      }
      readings.push({ set, flows });
      const previous = stored.get(set.id);
      const found = detectSet(previous?.value, { set, flows }, at);
      events.push(...found.events);
      changed.push(...found.states.map((state) => ({ state, eTag: previous?.eTag })));
    }
    // The list of sets itself was read completely, so a known set missing from it is deleted.
    const listed = new Set(sets.map((s) => s.id));
    const removed = detectDeletedSets(
      [...stored.values()].map((s) => s.value),
      listed,
      at,
    );
    events.push(...removed.events);
    changed.push(
      ...removed.states.map((state) => ({ state, eTag: stored.get(state.setId)?.eTag })),
    );

    const pending = await deps.appliedChanges();
    const entries = once(
      async () => (await audit.list({ limit: Number.MAX_SAFE_INTEGER })).entries,
    );
    const drift = await detectDrift({
      storage: deps.storage,
      readings,
      listedIds: listed,
      busySetIds: await busySetIds(pending, entries, at),
      audit: entries,
      at,
    });
    if (events.length) events = attribute(events, pending);
    events.push(...drift.events);
    // Sync runs (runWatch.ts): a failure to read them leaves readiness as it is, and says so.
    let runs: RunReading = { events: [] };
    if (!error || !isTransient(error)) {
      try {
        runs = await readRuns(api, deps.storage, at, deps.logger);
      } catch (err) {
        error = toAppError(err);
      }
    }
    events.push(...runs.events);
    const subs = events.length ? await deps.subscriptions.list() : [];
    const deliveries = planDeliveries(events, subs, at);
    await recordPoll(deps.storage, changed, deliveries, drift, runs.watch);
    const noticed = drift.items.length ? unrecordedDrift(drift.items, await entries()) : [];
    for (const item of noticed)
      await recordDriftEvent({ audit, logger: deps.logger }, item, 'drifted', OUTSIDE_ACTOR, at);
    return {
      kind: error ? 'partial' : 'done',
      sets: sets.length,
      events,
      deliveries: deliveries.length,
      error,
    };
  }

  return { poll };
}

export type Poller = ReturnType<typeof createPoller>;

/** Runs `read` at most once, and only when asked. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
}
