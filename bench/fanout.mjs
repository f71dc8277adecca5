// Fan-out bench (bench/run.mjs runs it as a child at the end; alone: npm run build && node --expose-gc bench/fanout.mjs).
// 1,000 conversations say "notify here" (real turns over /api/messages), one flow turns failed in the
// Graph emulator, one poll runs, and the outbox worker delivers through the real botbuilder proactive
// path to the loopback connector. Reports the achieved send rate against Teams' 50 per second app limit
// (goal: at least 90 % of it), lost and duplicate notifications, the busiest 1-second window, and memory.
// Exits 1 on a lost or duplicate notification, a second over the limit, or a warn/error the bot logged.
// `--quick` (BENCH_QUICK=1; npm run bench:quick, run by npm test): 50 channels, to prove it still runs.
import { writeFileSync } from 'node:fs';
import { SANDBOX_TENANT_ID, SANDBOX_USERS, SEED_IDS } from './dist.mjs';
import { failOnProblems, QUICK, startSandboxBot } from './sandboxBot.mjs';

const CONVERSATIONS = Number(process.env.FANOUT_CONVERSATIONS ?? (QUICK ? 50 : 1000));
const APP_LIMIT = 50;
const channelOf = (i) => `19:bench-channel-${i}@thread.tacv2`;
const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;

function notifyHere(serviceUrl, i) {
  const user = SANDBOX_USERS[0];
  const team = `19:bench-team-${i}@thread.tacv2`;
  return {
    type: 'message',
    id: `fanout-${i}`,
    channelId: 'msteams',
    serviceUrl,
    text: '<at>SDS Flow Admin</at> notify here',
    from: { id: `29:bench-${i}`, name: user.name, aadObjectId: user.aadObjectId },
    conversation: {
      id: `${channelOf(i)};messageid=${i}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: SANDBOX_TENANT_ID,
    },
    recipient: { id: '28:bench-bot', name: 'SDS Flow Admin' },
    channelData: {
      channel: { id: channelOf(i) },
      team: { id: team },
      tenant: { id: SANDBOX_TENANT_ID },
    },
  };
}

async function subscribeAll(botUrl, serviceUrl) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < CONVERSATIONS) {
        const i = next++;
        const res = await fetch(`${botUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(notifyHere(serviceUrl, i)),
        });
        await res.text();
        if (res.status !== 200) throw new Error(`notify here #${i}: HTTP ${res.status}`);
      }
    }),
  );
}

/** The most items in any 1-second window (sliding, starting at an item). */
function busiestSecond(times) {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j] < times[i] - 999) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function main() {
  const bot = await startSandboxBot({ SANDBOX_READY_DELAY_MS: '3600000' });
  const { app, connector, problems } = bot;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const s0 = performance.now();
    await subscribeAll(app.botUrl, connector.serviceUrl);
    const subscribeSeconds = (performance.now() - s0) / 1000;
    await app.notifications.pollNow(); // baseline: first sight, no notifications
    connector.calls.length = 0;
    global.gc?.();
    const before = process.memoryUsage();
    peakRss = before.rss;

    app.sandbox.emulator.control.setReadiness(SEED_IDS.northwindUser, 'failed');
    const t0 = Date.now();
    const poll = await app.notifications.pollNow(); // records 1 event x 1,000 deliveries, wakes the worker
    const pollMs = Date.now() - t0;
    const posts = () =>
      connector.calls.filter(
        (c) => c.method === 'POST' && c.conversationId.startsWith('19:bench-channel-'),
      );
    const deadline = Date.now() + 180_000;
    while (posts().length < CONVERSATIONS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, QUICK ? 500 : 1500)); // anything extra (a duplicate) would show up now
    await app.notifications.deliverNow();
    global.gc?.(); // run with --expose-gc to see what is retained rather than not yet collected
    const after = process.memoryUsage();

    const sent = posts();
    const perConversation = new Map();
    for (const c of sent)
      perConversation.set(c.conversationId, (perConversation.get(c.conversationId) ?? 0) + 1);
    const delivered = perConversation.size;
    const duplicates = [...perConversation.values()].reduce((n, k) => n + (k - 1), 0);
    const lost = CONVERSATIONS - delivered;
    const times = sent.map((c) => c.time).sort((a, b) => a - b);
    const spanSeconds = (times.at(-1) - times[0]) / 1000;
    const rate = (sent.length - 1) / spanSeconds;
    const endToEnd = sent.length / ((times.at(-1) - t0) / 1000);
    const items = (await app.notifications.outbox.list()).map((d) => d.value.state);
    const states = Object.fromEntries(
      [...new Set(items)].map((s) => [s, items.filter((x) => x === s).length]),
    );

    console.log(
      `\nSDS Flow Admin fan-out bench${QUICK ? ' (quick)' : ''}: ${CONVERSATIONS} subscribed channels, 1 readiness change, node ${process.version}\n`,
    );
    const rows = [
      [
        'subscribe (notify here turns)',
        `${subscribeSeconds.toFixed(1)} s (${(CONVERSATIONS / subscribeSeconds).toFixed(0)} turns/s)`,
      ],
      ['poll that recorded the change', `${pollMs} ms, ${poll.deliveries} deliveries queued`],
      ['delivered / lost / duplicates', `${delivered} / ${lost} / ${duplicates}`],
      [
        'send rate (first to last post)',
        `${rate.toFixed(1)} /s = ${((rate / APP_LIMIT) * 100).toFixed(1)} % of the ${APP_LIMIT}/s app limit`,
      ],
      [
        'end to end (change polled to last post)',
        `${((times.at(-1) - t0) / 1000).toFixed(1)} s (${endToEnd.toFixed(1)} /s)`,
      ],
      ['busiest 1-second window', `${busiestSecond(times)} posts (limit ${APP_LIMIT})`],
      ['outbox states', JSON.stringify(states)],
      ['RSS before / peak / after', `${mib(before.rss)} / ${mib(peakRss)} / ${mib(after.rss)}`],
      [
        `heap used before / after${global.gc ? ' (after gc)' : ''}`,
        `${mib(before.heapUsed)} / ${mib(after.heapUsed)}`,
      ],
    ];
    for (const [k, v] of rows) console.log(k.padEnd(42), v);
    // bench/run.mjs runs this file as a child and folds these figures into its table and BENCH_JSON.
    if (process.env.FANOUT_JSON)
      writeFileSync(
        process.env.FANOUT_JSON,
        JSON.stringify({
          delivered,
          lost,
          duplicates,
          ratePerSecond: rate,
          conversations: CONVERSATIONS,
        }),
      );
    if (lost || duplicates || busiestSecond(times) > APP_LIMIT) process.exitCode = 1;
    failOnProblems(problems, 'fan-out bench');
  } finally {
    clearInterval(sampler);
    await bot.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
