/**
 * Drift in the poll, with a scripted Graph on one storage: a poll whose last write (the new
 * configurations with the readiness states) does not land leaves the drift to be detected again
 * by the next poll, which records it once: one card, one drift record, one history entry.
 */
import type { IndustryDataApi } from '../../src/graph';
import type { FlowSet, ProvisioningFlow } from '../../src/domain/flowSchemas';
import { createAuditLog } from '../../src/history';
import { createMemoryLogger } from '../../src/log';
import { createNotifications } from '../../src/notifications';
import { driftStore } from '../../src/notifications/drift';
import type { NotificationSender } from '../../src/notifications/sender';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import type { DurableStorage, StoreItems } from '../../src/store/storage';
import { deliveryCard } from '../../src/views/notificationCard';
import { subscription } from './fixtures';

const flows: ProvisioningFlow[] = [
  {
    '@odata.type': '#microsoft.graph.industryData.securityGroupProvisioningFlow',
    id: 'f1',
    readinessStatus: 'ready',
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  } as ProvisioningFlow,
];

/** Storage whose next write of a configuration fails (a crash before the poll's last step). */
function storageFailingOnce(): { storage: DurableStorage; failNext: () => void } {
  const inner = createMemoryStorage();
  let fail = false;
  const storage = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop !== 'write') return Reflect.get(target, prop, receiver);
      return async (changes: StoreItems) => {
        if (fail && Object.keys(changes).some((k) => k.startsWith('notify-config/'))) {
          fail = false;
          throw new Error('the process died here');
        }
        return target.write(changes);
      };
    },
  });
  return { storage, failNext: () => (fail = true) };
}

it('when a poll stops before its configurations are written, then the next poll reports the same drift once', async () => {
  const { storage, failNext } = storageFailingOnce();
  const set: FlowSet = { id: 's1', displayName: 'Northwind' };
  const ok = <T>(data: T) => ({ data, requestId: 'r', requestIds: ['r'] });
  const api = {
    listFlowSets: async () => ok([set]),
    listFlows: async () => ok(flows),
    // Sync runs are read in the same poll (src/notifications/runWatch.ts): none here.
    listRuns: async () => ok([]),
  } as unknown as IndustryDataApi;
  const sent: unknown[] = [];
  const sender: NotificationSender = {
    send: async (_ref, card) => {
      sent.push(card);
      return { kind: 'sent', activityId: `a-${sent.length}` };
    },
  };
  const notifications = createNotifications({
    storage,
    graph: { forApp: () => api },
    sender,
    render: deliveryCard,
    logger: createMemoryLogger('warn').logger,
    pollMs: 0,
    leaseMs: 60_000,
    sendTimeoutMs: 1000,
    appSendsPerSecond: 50,
  });
  try {
    await notifications.subscriptions.update(subscription().conversationKey, () => subscription());
    expect((await notifications.pollNow()).kind).toBe('done'); // the baseline

    set.displayName = 'Renamed in the portal';
    failNext();
    await expect(notifications.pollNow()).rejects.toThrow('the process died here');
    const again = await notifications.pollNow();
    expect(again).toMatchObject({ kind: 'done', events: [{ kind: 'drift' }] });
    await notifications.deliverNow();
    await notifications.pollNow(); // settled: nothing new

    expect(sent.map((c) => JSON.stringify(c).includes('Changed outside the bot'))).toEqual([true]);
    expect(await driftStore(storage).list()).toHaveLength(1);
    const history = await createAuditLog(storage).list();
    expect(history.entries.map((e) => [e.event, e.outcome])).toEqual([
      ['drifted', 'Flow set name: Northwind → Renamed in the portal'],
    ]);
  } finally {
    await notifications.stop();
  }
});
