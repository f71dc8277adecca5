/**
 * Restart safety with a real process (test/support/botProcess.ts): Blake approves, and the bot is
 * SIGKILLed while the approved change's Graph write is in flight (the emulator, which runs inside
 * the bot and keeps its state in DATA_DIR, delays every answer). After a restart on the same
 * DATA_DIR the start-up sweep settles the change from what Graph stores, without writing again:
 *  - killed before the write landed (the DELETE still waiting in the emulator) → failed;
 *  - killed after the write landed but before its answer arrived (the rename stored, the read-back
 *    still waiting) → applied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { approvalStores } from '../../src/approvals/stores';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { SANDBOX_USERS, type SandboxUser } from '../../src/sandbox/users';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import { fixture, type Activity } from '../support/activities';
import type { BotProcess } from '../support/botProcess';
import { PEER_ENV } from '../support/peerApprovalHarness';
import { useRestartHarness } from '../support/restartHarness';

const [AVERY, BLAKE] = SANDBOX_USERS as [SandboxUser, SandboxUser];
/** Longer than the kill takes to land, shorter than the Graph client's 8 s attempt timeout. */
const GRAPH_LATENCY_MS = 4_000;

const harness = useRestartHarness({
  env: { ...PEER_ENV, NOTIFY_POLL_SECONDS: '0' },
  name: 'approval',
});
const start = () => harness.start();
const as = (user: SandboxUser, name: string, over: Activity = {}) =>
  fixture(name, harness.connector.serviceUrl, {
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { conversationType: 'personal', id: `a:chat-${user.aadObjectId.slice(0, 8)}` },
    ...over,
  });
const click = (user: SandboxUser, verb: string, data: unknown) => {
  const activity = as(user, 'invoke-action', { replyToId: `card-${verb}` });
  activity.value = { action: { type: 'Action.Execute', verb, data } };
  return activity;
};
const lastCard = () =>
  harness.connector.calls.filter((c) => c.method === 'POST').at(-1)?.activity.attachments[0]
    .content;
const changeIdOn = (card: { actions: Array<{ verb: string; data: { changeId: string } }> }) =>
  card.actions.find((a) => a.verb === 'approval.request')!.data.changeId;
const emulatorState = () =>
  JSON.parse(readFileSync(join(harness.dataDir, 'graph-emulator.json'), 'utf8'));
const storedSet = (id: string) => emulatorState().flowSets.find((s: { id: string }) => s.id === id);

async function requested(bot: BotProcess, command: string): Promise<string> {
  await bot.send(as(AVERY, 'message-personal', { text: command }));
  const changeId = changeIdOn(lastCard());
  const answer = await bot.send(
    click(AVERY, 'approval.request', { changeId, reason: 'Before term' }),
  );
  expect(JSON.stringify(answer.body)).toContain('Waiting for approval');
  return changeId;
}

/** Blake's click, left hanging: the process dies before it can answer. */
const approveInFlight = (bot: BotProcess, changeId: string) =>
  bot.send(click(BLAKE, 'approval.approve', { changeId })).catch(() => undefined);

async function settledAfterRestart(changeId: string) {
  const again = await start();
  const settled = await again.waitForLog(
    (e) => e.msg === 'interrupted change settled' && e.changeId === changeId,
  );
  const writes = (await (
    await fetch(`${again.graphBaseUrl.replace(/\/beta$/, '')}/_sandbox/requests`)
  ).json()) as {
    value: Array<{ method: string }>;
  };
  const storage = createSqliteStorage(join(harness.dataDir, 'bot.sqlite'));
  try {
    const change = (await approvalStores(storage).changes.get(changeId))?.value;
    return { settled, change, writesAfterRestart: writes.value.filter((r) => r.method !== 'GET') };
  } finally {
    await storage.close();
  }
}

describe('approved change interrupted by SIGKILL (real process)', () => {
  it('when the bot dies before the approved DELETE reached Graph, then after a restart it is failed and the set still exists', async () => {
    const bot = await start();
    const changeId = await requested(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    expect(await bot.sandbox('PUT', 'faults/latency', { ms: GRAPH_LATENCY_MS })).toBe(204);
    void approveInFlight(bot, changeId);
    await bot.waitForLog((e) => e.msg === 'change writing' && e.changeId === changeId);
    await bot
      .waitForLog((e) => e.msg === 'graph request' && e.method === 'GET', 1)
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the DELETE is now waiting in the emulator
    await bot.kill('SIGKILL');

    const { settled, change, writesAfterRestart } = await settledAfterRestart(changeId);
    expect(settled).toMatchObject({ state: 'failed', seen: 'the flow set still exists' });
    expect(change).toMatchObject({ state: 'failed', approver: { aadObjectId: BLAKE.aadObjectId } });
    expect(change?.result.error).toContain('So it was not made; nothing was sent again.');
    expect(storedSet(SEED_IDS.fabrikamPilot)).toBeDefined();
    expect(writesAfterRestart).toEqual([]);
  }, 120_000);

  it('when the bot dies after the approved rename was stored but before Graph answered, then after a restart it is applied, written once', async () => {
    const bot = await start();
    await bot.send(as(AVERY, 'message-personal', { text: `edit ${SEED_IDS.northwind}` }));
    const form = lastCard();
    const preview = await bot.send(
      Object.assign(as(AVERY, 'invoke-action', { replyToId: 'form' }), {
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'flowset.preview',
            data: {
              ...form.actions[0].data,
              displayName: 'Northwind HS',
              filterMode: 'schools',
              orgExternalIds: 'NHS-0042',
            },
          },
        },
      }),
    );
    const changeId = changeIdOn((preview.body as { value: never }).value);
    const answer = await bot.send(click(AVERY, 'approval.request', { changeId, reason: 'Rename' }));
    expect(JSON.stringify(answer.body)).toContain('Waiting for approval');
    expect(await bot.sandbox('PUT', 'faults/latency', { ms: GRAPH_LATENCY_MS })).toBe(204);
    void approveInFlight(bot, changeId);
    // The PATCH is stored once the emulator's delay is over; the read-back GET then waits in turn.
    for (let i = 0; storedSet(SEED_IDS.northwind)?.displayName !== 'Northwind HS'; i++) {
      if (i > 400) throw new Error('the rename never reached the emulator');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await bot.kill('SIGKILL');

    const { settled, change, writesAfterRestart } = await settledAfterRestart(changeId);
    expect(settled).toMatchObject({
      state: 'applied',
      seen: 'it was changed and holds the new values',
    });
    expect(change).toMatchObject({
      state: 'applied',
      approver: { aadObjectId: BLAKE.aadObjectId },
    });
    expect(storedSet(SEED_IDS.northwind)?.displayName).toBe('Northwind HS');
    expect(writesAfterRestart).toEqual([]);
    expect(existsSync(join(harness.dataDir, 'bot.sqlite'))).toBe(true);
  }, 120_000);
});
