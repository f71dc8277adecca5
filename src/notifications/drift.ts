/**
 * Drift in one poll: the configuration of every set that was read completely is compared with the
 * stored one (`notify-config/*`, domain/drift.ts), what a change applied through the bot explains
 * is dropped (domain/driftMatch.ts), and the rest becomes one `drift` event per difference plus a
 * drift record (`notify-drift/*`) that Accept and Revert move on. The drift records are written
 * before the deliveries, the configurations with the readiness states, each compare-and-set
 * against the eTag it was read with (outbox.ts recordPoll): storage has no transaction across
 * records, and a poll that did not finish detects the same drift again, with the same ids.
 *
 * What is never drift: the very first poll (nothing is known yet: it records); a set whose flows
 * could not be read (not in `readings`: its configuration stays as it was, so a failed read never
 * looks like a deletion); a set with a change of the bot in flight (applying, or its outcome
 * unknown): it is compared on a later poll, once the audit log says what was applied.
 */
import { compareConfig, configOf, deletedSets } from '../domain/drift';
import { unexplained } from '../domain/driftMatch';
import {
  CONFIG_PREFIX,
  DRIFT_PREFIX,
  DriftRecord,
  SetConfig,
  type DriftItem,
} from '../domain/driftRecords';
import type { NotificationEvent } from '../domain/notificationRecords';
import type { StoredAuditEntry } from '../domain/auditEntry';
import type { PendingChange } from '../domain/pendingChange';
import { createRecordStore } from '../store/recordStore';
import type { DurableStorage, StoreItems } from '../store/storage';
import type { SetReading } from './detect';

/** Writing with this eTag succeeds only when the key does not exist yet (storage.ts semantics). */
const ABSENT = 'absent:never-a-real-etag';

export const configStore = (storage: DurableStorage) =>
  createRecordStore(storage, CONFIG_PREFIX, SetConfig);
export const driftStore = (storage: DurableStorage) =>
  createRecordStore(storage, DRIFT_PREFIX, DriftRecord);

export interface DriftInput {
  storage: DurableStorage;
  /** Sets read completely in this poll (the set and every page of its flows). */
  readings: readonly SetReading[];
  /** Ids in the complete list of sets. */
  listedIds: ReadonlySet<string>;
  /** Sets with a change of the bot being applied right now: left for a later poll. */
  busySetIds: ReadonlySet<string>;
  /** The audit log, read only when something differs. */
  audit: () => Promise<StoredAuditEntry[]>;
  at: Date;
}

export interface DriftDetection {
  items: DriftItem[];
  events: NotificationEvent[];
  /** For recordPoll: new drift records (create-only) and new configurations (compare-and-set). */
  records: StoreItems;
  configs: StoreItems;
}

const configKey = (setId: string) => `${CONFIG_PREFIX}/${encodeURIComponent(setId)}`;
const driftKey = (id: string) => `${DRIFT_PREFIX}/${id}`;

/** The items whose drift is not in the history yet (a re-detection is recorded once). */
export function unrecordedDrift(
  items: readonly DriftItem[],
  audit: readonly StoredAuditEntry[],
): DriftItem[] {
  const noted = new Set(audit.filter((e) => e.event === 'drifted').map((e) => e.changeId));
  return items.filter((i) => !noted.has(i.id));
}

/** Only what can differ: a configuration read again unchanged is not rewritten. */
const sameConfig = (a: SetConfig, b: SetConfig) =>
  JSON.stringify([a.name, a.shape, a.flows, a.deleted]) ===
  JSON.stringify([b.name, b.shape, b.flows, b.deleted]);

export function driftEvent(item: DriftItem, setVersion?: string): NotificationEvent {
  return {
    id: `${item.setId}:drift:${item.id}`,
    kind: 'drift',
    setId: item.setId,
    setName: item.setName,
    ...(item.flowId ? { flowId: item.flowId, flowKind: item.flowKind ?? null } : {}),
    flowVersion: item.lastModified,
    ...(setVersion !== undefined ? { setVersion } : {}),
    detectedAt: item.detectedAt,
    drift: item,
  };
}

export async function detectDrift(input: DriftInput): Promise<DriftDetection> {
  const { at } = input;
  const stored = new Map((await configStore(input.storage).list()).map((c) => [c.value.setId, c]));
  // Nothing known yet (first poll ever, or the first since drift was added): record only.
  const baseline = stored.size === 0;
  const configs: StoreItems = {};
  const found: Array<{ items: DriftItem[]; since?: string; setVersion?: string }> = [];
  const put = (config: SetConfig) => {
    configs[configKey(config.setId)] = {
      ...SetConfig.parse(config),
      eTag: stored.get(config.setId)?.eTag ?? ABSENT,
    };
  };
  for (const { set, flows } of input.readings) {
    const previous = stored.get(set.id)?.value;
    if (input.busySetIds.has(previous ? set.id : NEW_SETS) || input.busySetIds.has(set.id))
      continue;
    const current = configOf(set, flows, at);
    if (previous && sameConfig(previous, current)) continue;
    put(current);
    if (baseline) continue;
    const items = compareConfig(previous, current, at);
    found.push({ items, since: previous?.checkedAt, setVersion: set.lastModifiedDateTime ?? '' });
  }
  if (!baseline) {
    const live = [...stored.values()].map((c) => c.value);
    const gone = deletedSets(live, input.listedIds, at);
    gone.configs.forEach(put);
    for (const item of gone.items)
      found.push({ items: [item], since: stored.get(item.setId)?.value.checkedAt });
  }
  if (!found.some((f) => f.items.length)) return { items: [], events: [], records: {}, configs };

  const audit = await input.audit();
  const items: DriftItem[] = [];
  const events: NotificationEvent[] = [];
  for (const f of found) {
    for (const item of unexplained(f.items, audit, f.since)) {
      items.push(item);
      events.push(driftEvent(item, f.setVersion));
    }
  }
  // Create-only: the same difference detected again (an earlier poll did not finish) keeps its record.
  const records: StoreItems = Object.fromEntries(
    items.map((item) => [
      driftKey(item.id),
      { ...DriftRecord.parse({ ...item, state: 'open' }), eTag: ABSENT },
    ]),
  );
  return { items, events, records, configs };
}

/** In `busySetIds` when a flow set is being created: no new set is drift until it is settled. */
export const NEW_SETS = '(new flow sets)';

/** How long after a change is applied its audit entry may still be on its way (outcome.ts). */
const AUDIT_LAG_MS = 60_000;

/**
 * Sets with a change of the bot in flight: being applied, outcome unknown, or applied a moment
 * ago but not in the audit log yet (the state moves first, the audit entry follows).
 */
export async function busySetIds(
  changes: readonly PendingChange[],
  audit: () => Promise<StoredAuditEntry[]>,
  at: Date,
): Promise<Set<string>> {
  const setOf = (c: PendingChange) => (c.target as { setId?: string }).setId;
  const busy = new Set<string>();
  const recent = changes.filter(
    (c) =>
      c.state === 'applied' &&
      at.getTime() - Date.parse(c.result.appliedAt ?? c.createdAt) < AUDIT_LAG_MS,
  );
  for (const c of changes)
    if (c.state === 'applying' || c.state === 'unknown') busy.add(setOf(c) ?? NEW_SETS);
  if (recent.length) {
    const audited = new Set(
      (await audit()).filter((e) => e.event === 'applied').map((e) => e.changeId),
    );
    for (const c of recent) if (!audited.has(c.id)) busy.add(setOf(c) ?? NEW_SETS);
  }
  return busy;
}

/**
 * A conversation that gets the drift card for a flow added, removed or replaced (or a set deleted)
 * outside the bot does not also get the readiness card saying the same: one post per change.
 */
export function withoutDriftDuplicates(events: readonly NotificationEvent[]): NotificationEvent[] {
  const covered = new Set<string>();
  for (const { drift } of events) {
    if (!drift) continue;
    if (drift.change === 'setDeleted') covered.add(`${drift.setId}:`);
    if (['flowAdded', 'flowRemoved', 'flowReplaced'].includes(drift.change)) {
      covered.add(`${drift.setId}:${drift.flowId}`);
      if (drift.replacedFlowId) covered.add(`${drift.setId}:${drift.replacedFlowId}`);
    }
  }
  if (!covered.size) return [...events];
  return events.filter((e) => {
    if (e.kind === 'setDeleted') return !covered.has(`${e.setId}:`);
    if (e.kind === 'flowAdded' || e.kind === 'flowRemoved')
      return !covered.has(`${e.setId}:${e.flowId}`);
    return true;
  });
}
