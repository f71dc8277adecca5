/**
 * A seeded, bounded fuzz run over the real POST /api/messages (issue 11): a few thousand random
 * Teams-shaped activities (messages and card-action invokes; markup, mentions, unicode, long
 * tokens up to the body limit; random verbs and data; personal, group and channel
 * conversations; random or missing senders), sent over HTTP a few at a time. The seed and the
 * count are fixed, so a failure replays exactly: the failing activity's index is in the message.
 *
 * Afterwards: no 5xx, no unhandled rejection or uncaught exception in this process (which also
 * hosts the bot), a bounded event-loop delay and RSS growth, and a store that still works.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { actionTable } from '../../src/actions';
import { ApprovalRequest, APPROVAL_PREFIX } from '../../src/domain/approvalRecords';
import { PENDING_CHANGE_PREFIX, PendingChange } from '../../src/domain/pendingChange';
import { Subscription, SUBSCRIPTION_PREFIX } from '../../src/domain/notificationRecords';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { createRecordStore } from '../../src/store/recordStore';
import { MAX_ACTIVITY_BYTES } from '../../src/teams/server';
import type { Activity } from '../support/activities';
import { inParallel } from './edgeHarness';
import { startTestBot, type TestBot } from '../support/testBot';
import { AVERY, button, cardFor, cardOf, graphWrites, press } from '../changes/support';

const SEED = 0x5d5f10;
const COUNT = 2000;
const CONCURRENCY = 8;
/**
 * Generous on purpose: two shared cores run another jest worker (and, on a busy machine, more)
 * next to this one, and a full GC of the bot's heap pauses too; under a load average of 9 the max
 * was 240-470 ms, with plain short messages as the slowest. A quadratic path on a long token shows
 * as seconds (slowInputs.test.ts keeps the strict 50 ms bound per message, alone).
 */
const MAX_LOOP_DELAY_MS = 1000;
/** Live memory after gc: what a leak (a map keyed by activity, a growing cache) shows as. */
const MAX_HEAP_GROWTH_MB = 60;
/**
 * RSS only loosely: V8 keeps the pages it grew into (heapTotal ~300 MB after 100 KB texts) and
 * does not hand them back on gc, so RSS grew ~170 MB while the live heap grew ~16 MB.
 */
const MAX_RSS_GROWTH_MB = 400;
/** Two shared cores also run the other jest worker: allow well over the usual ~30 s. */
const RUN_TIMEOUT_MS = 120_000;

/** mulberry32: a tiny seeded PRNG, good enough to pick fuzz inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `global.gc`, exposed after start-up (jest does not pass --expose-gc); undefined if refused. */
function findGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const VERBS = actionTable.map((a) => a.verb);
const FIELDS = [
  'changeId',
  'setId',
  'flowId',
  'version',
  'kind',
  'mode',
  'command',
  'reason',
  'rejectReason',
  'from',
  'previewId',
  'setName',
  'deliveryId',
  'displayName',
  'msteams',
  '__proto__',
  'constructor',
];
const WORDS = [
  'help',
  'list',
  'show',
  'edit',
  'new',
  'delete',
  'flows',
  'notify',
  'notify list',
  'approvals',
  'history',
  'status',
  'readiness',
  'whoami',
  'Northwind',
  'Fabrikam',
  ...Object.values(SEED_IDS),
  '<at>SDS Flow Admin</at>',
  '<at>Someone</at>',
  '<b>bold</b>',
  '**x**',
  '[x](javascript:alert(1))',
  '<script>alert(1)</script>',
  '${{x}}',
  '{{user.name}}',
  '&lt;at&gt;',
  '‹',
  '\u202eRTL',
  'zero\u200bwidth',
  'e\u0301\u0301\u0301',
  '😀👩‍👩‍👧',
  '\ud800',
  '\u0000',
  '\\',
  '"',
  "'; DROP TABLE records; --",
  '../../etc/passwd',
];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

function randomToken(r: Rand): string {
  const roll = r();
  // Rarely a token up to (and a little past) the body limit: the edge must answer 413 or the
  // bot must answer quickly; everything else stays short so the run stays fast.
  if (roll < 0.01)
    return pick(r, ['x', '‹', 'a ', '<at>', '*']).repeat(
      Math.floor((r() * MAX_ACTIVITY_BYTES) / 2) + 1,
    );
  if (roll < 0.05) return pick(r, WORDS).repeat(Math.floor(r() * 500) + 1);
  if (roll < 0.1)
    return String.fromCodePoint(...Array.from({ length: 8 }, () => Math.floor(r() * 0x2ffff)));
  if (roll < 0.15) return randomUUID();
  return pick(r, WORDS);
}

function randomText(r: Rand): string {
  return Array.from({ length: Math.floor(r() * 6) }, () => randomToken(r)).join(
    pick(r, [' ', '\n', '', '  ']),
  );
}

function randomValue(r: Rand, depth = 0): unknown {
  const roll = r();
  if (roll < 0.35) return randomToken(r);
  if (roll < 0.45) return Math.floor(r() * 2 ** 32) * (chance(r, 0.5) ? -1 : 1);
  if (roll < 0.5) return chance(r, 0.5);
  if (roll < 0.55) return null;
  if (roll < 0.65 && depth < 4)
    return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth + 1));
  if (roll < 0.75 && depth < 4) return randomData(r, depth + 1);
  if (roll < 0.85) return pick(r, ['create', 'edit', 'add', 'user', 'list', 'preview', 'card', '']);
  return randomUUID();
}

function randomData(r: Rand, depth = 0): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 5); i > 0; i--) data[pick(r, FIELDS)] = randomValue(r, depth);
  return data;
}

function randomFrom(r: Rand): Activity {
  const roll = r();
  if (roll < 0.6) {
    const user = pick(r, SANDBOX_USERS);
    return {
      from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    };
  }
  if (roll < 0.75)
    return { from: { id: `29:${randomUUID()}`, name: randomToken(r), aadObjectId: randomUUID() } };
  if (roll < 0.9)
    return { from: { id: `29:${randomToken(r).slice(0, 100)}`, aadObjectId: undefined } };
  return { from: undefined };
}

function randomConversation(r: Rand): Activity {
  const roll = r();
  if (roll < 0.5) return {};
  if (roll < 0.75)
    return {
      conversation: {
        id: `19:fuzz-${Math.floor(r() * 5)}@thread.v2`,
        conversationType: 'groupChat',
        isGroup: true,
      },
    };
  return {
    conversation: {
      id: `19:fuzz-channel-${Math.floor(r() * 3)}@thread.tacv2;messageid=1`,
      conversationType: 'channel',
      isGroup: true,
    },
    channelData: {
      team: { id: `19:team-${Math.floor(r() * 2)}@thread.tacv2` },
      channel: { id: `19:fuzz-channel-${Math.floor(r() * 3)}@thread.tacv2` },
    },
  };
}

/** Activity `i` of the run: the same for the same seed, whatever order the requests finish in. */
function activityNumber(bot: TestBot, i: number): Activity {
  const r = mulberry32(SEED + i * 7919);
  const kind = r();
  const base = { ...randomFrom(r), ...randomConversation(r) };
  if (kind < 0.55) {
    const activity = bot.activity('message-personal', { ...base, text: randomText(r) });
    if (!base.from) delete activity.from;
    return activity;
  }
  const verb = chance(r, 0.85) ? pick(r, VERBS) : randomToken(r).slice(0, 300);
  const data = chance(r, 0.9) ? randomData(r) : randomValue(r);
  const activity = bot.activity('invoke-action', {
    ...base,
    replyToId: chance(r, 0.5) ? `fuzz-card-${i}` : undefined,
  });
  activity.value = chance(r, 0.95)
    ? { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }
    : randomValue(r);
  if (!base.from) delete activity.from;
  return activity;
}

let bot: TestBot;
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0' });
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await bot.stop();
});

it(
  `survives ${COUNT} seeded random activities (seed ${SEED})`,
  async () => {
    const gc = findGc();
    // Warm up: compile the code paths once, so RSS measures growth, not first use.
    for (let i = 0; i < 50; i++) await post(activityNumber(bot, COUNT + i));
    forgetHarnessLogs();
    gc?.();
    const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();
    unhandled = [];

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const failures: string[] = [];
    await inParallel(COUNT, CONCURRENCY, async (i) => {
      const activity = activityNumber(bot, i);
      const { status, text } = await post(activity);
      if (status >= 500 || (status !== 200 && status !== 413 && status !== 400))
        failures.push(
          `#${i} (${activity.type} ${activity.value?.action?.verb ?? ''}): HTTP ${status} ${text.slice(0, 200)}`,
        );
      if (i % 200 === 0) forgetHarnessLogs();
    });
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    const maxDelayMs = loop.max / 1e6;
    await new Promise((resolve) => setImmediate(resolve));
    forgetHarnessLogs();
    gc?.();
    const { rss: rssAfter, heapUsed: heapAfter } = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1024 / 1024);

    console.log(
      `fuzz: ${COUNT} activities (seed ${SEED}) in ${seconds.toFixed(1)} s, max event-loop delay ${maxDelayMs.toFixed(0)} ms, RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB, heap ${mb(heapBefore)} → ${mb(heapAfter)} MB${gc ? ' after gc' : ' (no gc)'}`,
    );
    expect(failures).toEqual([]);
    expect(unhandled.map(String)).toEqual([]);
    expect(maxDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS);
    // Without gc the heap may still hold garbage: allow twice as much.
    expect(mb(heapAfter - heapBefore)).toBeLessThan(MAX_HEAP_GROWTH_MB * (gc ? 1 : 2));
    expect(mb(rssAfter - rssBefore)).toBeLessThan(MAX_RSS_GROWTH_MB);
  },
  RUN_TIMEOUT_MS,
);

it('leaves a store that still works: stored records parse, list and preview → Apply succeed', async () => {
  const storage = bot.app.services.storage;
  await expect(
    createRecordStore(storage, PENDING_CHANGE_PREFIX, PendingChange).list(),
  ).resolves.toBeDefined();
  await expect(
    createRecordStore(storage, APPROVAL_PREFIX, ApprovalRequest).list(),
  ).resolves.toBeDefined();
  await expect(
    createRecordStore(storage, SUBSCRIPTION_PREFIX, Subscription).list(),
  ).resolves.toBeDefined();

  bot.app.sandbox!.emulator.control.resetState();
  bot.app.sandbox!.emulator.control.clearRequests();
  const list = await cardFor(bot, 'list', AVERY);
  expect(JSON.stringify(list)).toContain('Northwind High School');
  const form = await cardFor(bot, `edit ${SEED_IDS.northwind}`, AVERY);
  const preview = cardOf(
    await press(bot, form, 'flowset.preview', { typed: { displayName: 'After fuzz' } }),
  );
  button(preview, 'Apply');
  expect(JSON.stringify(cardOf(await press(bot, preview, 'Apply')))).toContain('Applied');
  expect(graphWrites(bot).map((w) => w.method)).toEqual(['PATCH']);
});

async function post(activity: Activity): Promise<{ status: number; text: string }> {
  const res = await fetch(`${bot.app.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: res.status, text: await res.text() };
}

/** The harness keeps every log line, connector call and Graph request: that is not the bot's memory. */
function forgetHarnessLogs(): void {
  bot.logLines.length = 0;
  bot.connector.calls.length = 0;
  bot.app.sandbox!.emulator.control.clearRequests();
}
