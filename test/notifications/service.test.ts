/**
 * The notification service wired on one storage with a scripted Graph (the IndustryDataApi
 * interface) and a recording sender: the single-poller lease across instances, and the backoff
 * after Graph throttling with the last known state kept.
 */
import { AppError } from '../../src/errors';
import type { IndustryDataApi } from '../../src/graph';
import type { FlowSet, ProvisioningFlow } from '../../src/domain/flowSchemas';
import { createMemoryLogger } from '../../src/log';
import { createNotifications, type Notifications } from '../../src/notifications';
import { setStateStore } from '../../src/notifications/outbox';
import type { NotificationSender } from '../../src/notifications/sender';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { waitFor } from './support';
import { deliveryCard } from '../../src/views/notificationCard';

const SET: FlowSet = { id: 's1', displayName: 'Northwind' };
const flow = (status: string): ProvisioningFlow =>
  ({
    '@odata.type': '#microsoft.graph.industryData.userProvisioningFlow',
    id: 'f1',
    readinessStatus: status,
  }) as ProvisioningFlow;

/** Graph as a script: what the next reads return, or throw. */
function scriptedGraph() {
  const script = { status: 'ready', fail: undefined as AppError | undefined, reads: 0 };
  const ok = <T>(data: T) => ({ data, requestId: 'r', requestIds: ['r'] });
  const api = {
    listFlowSets: async () => {
      script.reads++;
      if (script.fail) throw script.fail;
      return ok([SET]);
    },
    listFlows: async () => ok([flow(script.status)]),
    // Sync runs are read in the same poll (runWatch.ts): none here.
    listRuns: async () => ok([]),
  } as unknown as IndustryDataApi;
  return { script, graph: { forApp: () => api } };
}

const sender: NotificationSender = { send: async () => ({ kind: 'sent', activityId: 'a' }) };
const running: Notifications[] = [];
function service(storage = createMemoryStorage(), pollMs = 0, graph = scriptedGraph().graph) {
  const { logger, lines } = createMemoryLogger('debug');
  const notifications = createNotifications({
    storage,
    graph,
    sender,
    render: deliveryCard,
    logger,
    pollMs,
    leaseMs: 60_000,
    sendTimeoutMs: 1000,
    appSendsPerSecond: 50,
  });
  running.push(notifications);
  return { notifications, lines };
}
afterEach(async () => {
  for (const n of running.splice(0)) await n.stop();
});

describe('notification service', () => {
  it('when two instances share the storage, then only the lease holder polls', async () => {
    const storage = createMemoryStorage();
    const a = service(storage).notifications;
    const b = service(storage).notifications;
    expect((await a.pollNow()).kind).toBe('done');
    expect(await b.pollNow()).toEqual({
      kind: 'skipped',
      reason: 'another instance holds the lease',
    });
    await a.stop(); // a clean stop gives the lease up at once
    expect((await b.pollNow()).kind).toBe('done');
  });

  it('when a poll finds nothing new, then its line is debug; when it finds a change, then info', async () => {
    const { script, graph } = scriptedGraph();
    const { notifications, lines } = service(createMemoryStorage(), 0, graph);
    const pollLevels = () =>
      lines
        .map((l) => JSON.parse(l))
        .filter((e) => e.msg === 'notify poll')
        .map((e) => [e.level, e.events]);
    await notifications.pollNow(); // baseline
    await notifications.pollNow(); // nothing changed
    script.status = 'failed';
    await notifications.pollNow(); // a readiness change
    expect(pollLevels().slice(1)).toEqual([
      ['debug', 0],
      ['info', 1],
    ]);
  });

  it('when Graph keeps throttling, then the poller backs off more and more and keeps the last known state', async () => {
    const { script, graph } = scriptedGraph();
    const storage = createMemoryStorage();
    const { notifications, lines } = service(storage, 20, graph);
    await notifications.pollNow(); // baseline: ready
    script.fail = new AppError('throttled', 'Graph is busy', { retryable: true });
    script.status = 'failed';
    notifications.start();
    const backoffs = () =>
      lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'notify poll backing off');
    await waitFor(() => backoffs().length >= 4, 10_000, 'four backoffs');
    const delays = backoffs().map((e) => e.delayMs as number);
    expect(delays.slice(0, 4)).toEqual([...delays.slice(0, 4)].sort((x, y) => x - y));
    expect(delays[3]!).toBeGreaterThanOrEqual(4 * 20);
    expect(
      backoffs()
        .map((e) => e.failures)
        .slice(0, 4),
    ).toEqual([1, 2, 3, 4]);
    expect((await setStateStore(storage).get('s1'))?.value.flows.f1?.status).toBe('ready');
    expect(await notifications.outbox.list()).toEqual([]);
  });
});
