// npm run bench: drives the real bot over /api/messages with concurrent users against the Graph
// emulator at zero latency, and a bare botbuilder echo bot in the same run, and prints bot-side
// latency (p50/p99), throughput, the ratio to the echo baseline, Graph requests per command and the
// turns that failed (any makes the run exit 1). `--quick` (BENCH_QUICK=1; npm run bench:quick, run by
// npm test) drives 2 users x 3 rounds: numbers that mean nothing, but a bench that cannot rot.
import { SANDBOX_TENANT_ID, SANDBOX_USERS } from './dist.mjs';
import { failOnProblems, QUICK, startSandboxBot } from './sandboxBot.mjs';
import { startEchoBot } from './echoBot.mjs';
import { SCENARIOS } from './scenarios.mjs';

const USERS = Number(process.env.BENCH_USERS ?? (QUICK ? 2 : 8));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 40));

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function activity(serviceUrl, userIndex, text, extra = {}) {
  const user = SANDBOX_USERS[userIndex % 2]; // Avery and Blake: both admins
  return {
    type: 'message',
    id: `bench-${userIndex}-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: { id: `29:bench-${userIndex}`, name: user.name, aadObjectId: user.aadObjectId },
    conversation: {
      id: `a:bench-${userIndex}`,
      conversationType: 'personal',
      tenantId: SANDBOX_TENANT_ID,
    },
    recipient: { id: '28:bench-bot', name: 'SDS Flow Admin' },
    channelData: { tenant: { id: SANDBOX_TENANT_ID } },
    ...extra,
  };
}

async function post(url, body) {
  const start = performance.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  if (res.status >= 300)
    throw new Error(`${body.type} "${body.text ?? body.name}": HTTP ${res.status}`);
  return performance.now() - start;
}

async function drive(name, url, makeRequest) {
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let r = 0; r < ROUNDS; r++) latencies.push(await post(url, await makeRequest(u, r)));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / seconds,
  };
}

async function main() {
  const bot = await startSandboxBot({});
  const { app, connector, problems } = bot;
  const echo = await startEchoBot();
  const emulator = app.sandbox.emulator;
  try {
    const results = [
      await drive('echo (bare botbuilder)', echo.url, (u) =>
        activity(connector.serviceUrl, u, 'hello'),
      ),
    ];
    for (const scenario of SCENARIOS) {
      const before = emulator.requests.length;
      const problemsBefore = problems.length;
      const ctx = {
        app,
        connector,
        activity: (u, text, extra) => activity(connector.serviceUrl, u, text, extra),
      };
      await scenario.setup?.(ctx);
      const setupRequests = emulator.requests.length;
      const result = await drive(scenario.name, app.botUrl, (u, r) => scenario.request(ctx, u, r));
      result.graphPerCommand = (emulator.requests.length - setupRequests) / result.requests;
      result.setupGraphRequests = setupRequests - before;
      result.errors = problems.length - problemsBefore;
      results.push(result);
    }
    const baseline = results[0];
    console.log(
      `\nSDS Flow Admin bench${QUICK ? ' (quick: proves it runs, measures nothing)' : ''}: ${USERS} concurrent users x ${ROUNDS} rounds, emulator latency 0 ms, node ${process.version}\n`,
    );
    console.log(
      'scenario'.padEnd(34),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'req/s'.padStart(8),
      'p50 x echo'.padStart(11),
      'Graph/cmd'.padStart(10),
      'errors'.padStart(7),
    );
    for (const r of results) {
      console.log(
        r.name.padEnd(34),
        r.p50.toFixed(1).padStart(8),
        r.p99.toFixed(1).padStart(8),
        r.throughput.toFixed(0).padStart(8),
        (r.p50 / baseline.p50).toFixed(1).padStart(11),
        (r.graphPerCommand === undefined ? '-' : r.graphPerCommand.toFixed(1)).padStart(10),
        String(r.errors ?? '-').padStart(7),
      );
    }
    console.log(`\nRSS after run: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
    failOnProblems(problems);
  } finally {
    await echo.close();
    await bot.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
