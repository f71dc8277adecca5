// npm run bench: the bot in its own process (bench/botProcess.mjs), the Graph emulator + identity
// provider + connector in another (bench/services.mjs), and this process as the load driver; then the
// fan-out bench (bench/fanout.mjs) as a child. Prints one table with a goal column and, with
// BENCH_JSON=<file>, writes the figures as JSON. See bench/README.md for what each figure means.
// Exit 1 on errors (failed turns, warn/error lines the bot logged, a broken fan-out); goals that miss
// are reported (✗) but do not fail the run. `--quick` (BENCH_QUICK=1; npm run bench:quick, run by
// npm test): a tiny subset that proves the bench still works and measures nothing.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchAzurite } from './azurite.mjs';
import { SANDBOX_TENANT_ID, SANDBOX_USERS } from './dist.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const USERS = Number(process.env.BENCH_USERS ?? (QUICK ? 2 : 8));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 40));
const APPLY_ROUNDS = Math.min(ROUNDS, QUICK ? 2 : 12);
const CROWD_ROUNDS = Number(process.env.BENCH_CROWD_ROUNDS ?? 3);
/** Latency injected at the emulator for the rounds measurement (a Graph round = one of these). */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? (QUICK ? 50 : 100));
const ROUND_SAMPLES = QUICK ? 1 : 3; // per latency (0 and ROUND_MS)
const SEED_SETS = 3; // the emulator's seed data (src/sandbox/emulator/seed.ts)

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const median = (xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- child processes, each answering {id, type} requests over the fork's IPC channel -------------
function child(file, env) {
  const proc = fork(join(HERE, file), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--no-deprecation'], // restify's process.binding('http_parser') warning, once per process
  });
  const waiting = new Map();
  let nextId = 0;
  let onReady;
  const ready = new Promise((resolve, reject) => {
    onReady = resolve;
    proc.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
  });
  proc.on('message', (m) => {
    if (m.type === 'ready') return onReady(m);
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error) w?.reject(new Error(`${file}: ${m.error}`));
    else w?.resolve(m.value);
  });
  return {
    proc,
    ready,
    call: (type, args = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        proc.send({ id, type, ...args });
      }),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      await Promise.race([this.call('stop'), sleep(5000)]);
      await Promise.race([exited, sleep(2000)]);
      if (proc.exitCode === null) proc.kill();
    },
  };
}

// --- requests ---------------------------------------------------------------------------------------
let serviceUrl;
function activity(user, text, extra = {}, conversation = `a:bench-${user}`) {
  const person = SANDBOX_USERS[user % 2]; // Avery and Blake: both admins
  return {
    type: 'message',
    id: `bench-${user}-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: { id: `29:bench-${user}`, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: conversation, conversationType: 'personal', tenantId: SANDBOX_TENANT_ID },
    recipient: { id: '28:bench-bot', name: 'SDS Flow Admin' },
    channelData: { tenant: { id: SANDBOX_TENANT_ID } },
    ...extra,
  };
}
const invoke = (user, conversation, verb, data) =>
  activity(
    user,
    undefined,
    {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: `bench-card-${user}`,
      value: { action: { type: 'Action.Execute', verb, data } },
    },
    conversation,
  );

/** POSTs one activity; resolves to { ms, body } and throws on a non-2xx answer. */
async function post(url, body) {
  const start = performance.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  if (res.status >= 300)
    throw new Error(`${body.type} "${body.text ?? body.value?.action?.verb}": HTTP ${res.status}`);
  return { ms, body: text ? JSON.parse(text) : undefined };
}

function findAction(card, verb) {
  const stack = [card];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute' && node.verb === verb) return node;
      stack.push(...Object.values(node));
    }
  }
  throw new Error(`no ${verb} button`);
}

// --- the run ----------------------------------------------------------------------------------------
async function main() {
  const work = mkdtempSync(join(tmpdir(), 'sds-bench-run-'));
  const services = child('services.mjs', {});
  const { sandbox, emulatorUrl, connectorUrl } = await services.ready;
  serviceUrl = connectorUrl;
  const control = async (method, path, body) => {
    const res = await fetch(`${emulatorUrl}/_sandbox/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`control ${method} ${path}: HTTP ${res.status}`);
  };
  const setLatency = (ms) => control('PUT', 'faults/latency', { ms });

  // BENCH_STORAGE=azure: the bot keeps its state in Azurite instead of SQLite (issue 14's figures).
  const STORAGE = process.env.BENCH_STORAGE === 'azure' ? 'azure' : 'sqlite';
  const azurite = STORAGE === 'azure' ? await startBenchAzurite() : undefined;
  let echo; // forked once the bot is ready
  const forkedAt = performance.now();
  const bot = child('botProcess.mjs', {
    BENCH_KIND: 'sds',
    BENCH_SANDBOX: JSON.stringify(sandbox),
    ...(azurite ? { BENCH_STORAGE_ENV: JSON.stringify(azurite.env) } : {}),
  });
  const out = { storage: STORAGE, scenarios: {} };
  const errors = [];
  try {
    // Cold start: fork to the first 200 from /readyz (storage and Graph reachable).
    const { url: botUrl } = await bot.ready;
    for (;;) {
      const res = await fetch(`${botUrl}/readyz`).catch(() => undefined);
      await res?.text();
      if (res?.status === 200) break;
      await sleep(5);
    }
    out.coldStartMs = performance.now() - forkedAt;
    echo = child('botProcess.mjs', { BENCH_KIND: 'echo' }); // only now: not to slow the bot's start
    const { url: echoUrl } = await echo.ready;
    await sleep(QUICK ? 200 : 1000);
    out.idleRssMiB = (await bot.call('stats')).rss / 1048576;
    // The first command after start, then the same command warm (median of 5).
    out.firstCommandMs = (await post(botUrl, activity(0, 'list'))).ms;
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push((await post(botUrl, activity(0, 'list'))).ms);
    out.warmCommandMs = median(warm);
    await bot.call('stats'); // drop what start-up and the first commands logged/timed

    /** Load: `users` concurrent users x `rounds` requests; bot CPU and server-side times around it. */
    async function drive(target, users, rounds, makeRequest) {
      const latencies = [];
      let failed = 0;
      const firstError = [];
      const before = await target.call('stats');
      const started = performance.now();
      await Promise.all(
        Array.from({ length: users }, async (_, u) => {
          for (let r = 0; r < rounds; r++) {
            try {
              latencies.push((await post(target.url, await makeRequest(u, r))).ms);
            } catch (err) {
              failed++;
              firstError.push(err.message);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const after = await target.call('stats');
      const requests = latencies.length + failed;
      latencies.sort((a, b) => a - b);
      const server = after.durations.sort((a, b) => a - b);
      const cpuMs =
        (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1000;
      if (firstError.length || after.problems.length)
        errors.push(...firstError.slice(0, 3), ...after.problems.slice(0, 3));
      return {
        cpuMsPerRequest: cpuMs / requests,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        requestsPerSecond: latencies.length / seconds,
        serverP50Ms: percentile(server, 50),
        serverP99Ms: percentile(server, 99),
        errors: failed + after.problems.length,
        requests,
      };
    }

    /**
     * One user, sequential: Graph calls per command (counted at the emulator), and sequential Graph
     * rounds = (median latency with ROUND_MS injected at the emulator − median latency without) /
     * ROUND_MS, rounded. Subtracting the zero-latency run takes the bot's own time (large on a loaded
     * machine) out of the figure. `prepare(i)` builds the i-th request (0 … 2 × ROUND_SAMPLES − 1).
     */
    async function rounds(prepare) {
      const samples = { 0: [], [ROUND_MS]: [] };
      let calls = 0;
      let i = 0;
      for (const latency of [0, ROUND_MS]) {
        await setLatency(latency);
        try {
          for (let k = 0; k < ROUND_SAMPLES; k++) {
            const request = await prepare(i++);
            const before = await services.call('graphCount');
            samples[latency].push((await post(botUrl, request)).ms);
            calls += (await services.call('graphCount')) - before;
          }
        } finally {
          await setLatency(0);
        }
      }
      const extra = median(samples[ROUND_MS]) - median(samples[0]);
      return {
        graphCalls: calls / (2 * ROUND_SAMPLES),
        graphRounds: Math.max(0, Math.round(extra / ROUND_MS)),
      };
    }

    const E = { ...echo, url: echoUrl };
    const B = { ...bot, url: botUrl };
    const scenario = async (name, run) => {
      process.stderr.write(`bench: ${name}…\n`);
      out.scenarios[name] = await run();
    };

    await scenario('echo', async () => ({
      ...(await drive(E, USERS, ROUNDS, (u) => activity(u, 'hello'))),
      graphCalls: 0,
      graphRounds: 0,
    }));

    const listSizes = QUICK ? [3] : [3, 10, 50, 200];
    let sets = SEED_SETS;
    await control('POST', 'reset');
    for (const size of listSizes) {
      const names = Array.from({ length: size - sets }, (_, i) => `Bench list set ${sets + i}`);
      await services.call('createSets', { names });
      sets = size;
      await scenario(`list-${size}`, async () => ({
        ...(await drive(B, USERS, ROUNDS, (u) => activity(u, 'list'))),
        ...(await rounds(() => activity(0, 'list'))),
      }));
    }

    await control('POST', 'reset');
    await scenario('show', async () => ({
      ...(await drive(B, USERS, ROUNDS, (u) => activity(u, 'show Northwind'))),
      ...(await rounds(() => activity(0, 'show Northwind'))),
    }));

    // Apply: each (user, round) has its own set and conversation. Untimed: `edit <set>` and the form's
    // Preview (a pending change is stored); timed (latency and bot CPU): the Apply invokes only.
    const prepareApply = async (u, key, setId) => {
      const conversation = `a:bench-apply-${key}`;
      await post(botUrl, activity(u, `edit ${setId}`, {}, conversation));
      const form = (await services.call('lastActivity', { conversationId: conversation }))
        .attachments[0].content;
      const preview = findAction(form, 'flowset.preview');
      const answer = await post(
        botUrl,
        invoke(u, conversation, 'flowset.preview', {
          ...preview.data,
          displayName: `Bench apply ${key} renamed`,
          filterMode: 'all',
          orgExternalIds: '',
        }),
      );
      return invoke(
        u,
        conversation,
        'change.apply',
        findAction(answer.body.value, 'change.apply').data,
      );
    };
    await scenario('apply', async () => {
      const keys = [];
      for (let u = 0; u < USERS; u++) for (let r = 0; r < APPLY_ROUNDS; r++) keys.push(`${u}-${r}`);
      const ids = await services.call('createSets', {
        names: [...keys, ...Array.from({ length: 2 * ROUND_SAMPLES }, (_, i) => `r${i}`)].map(
          (k) => `Bench apply ${k}`,
        ),
      });
      const prepared = new Map();
      await Promise.all(
        Array.from({ length: USERS }, async (_, u) => {
          for (let r = 0; r < APPLY_ROUNDS; r++) {
            const i = u * APPLY_ROUNDS + r;
            prepared.set(`${u}-${r}`, await prepareApply(u, keys[i], ids[i]));
          }
        }),
      );
      await bot.call('stats'); // preparation is not part of the figures
      return {
        ...(await drive(B, USERS, APPLY_ROUNDS, (u, r) => prepared.get(`${u}-${r}`))),
        ...(await rounds((i) => prepareApply(0, `r${i}`, ids[keys.length + i]))),
      };
    });

    if (!QUICK) {
      for (const crowd of [50, 200]) {
        await scenario(`show-${crowd}-users`, async () => ({
          ...(await drive(B, crowd, CROWD_ROUNDS, (u) => activity(u, 'show Northwind'))),
          ...(await rounds(() => activity(0, 'show Northwind'))),
        }));
        await scenario(`echo-${crowd}-users`, async () => ({
          ...(await drive(E, crowd, CROWD_ROUNDS, (u) => activity(u, 'hello'))),
          graphCalls: 0,
          graphRounds: 0,
        }));
      }
    }
  } finally {
    await Promise.all([bot.stop(), echo?.stop()]);
    await services.stop();
    await azurite?.stop();
  }

  // Fan-out, as a child of its own (it runs the bot in-process: see bench/README.md).
  const fanoutFile = join(work, 'fanout.json');
  const fanoutCode = await new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      ['--expose-gc', '--no-deprecation', join(HERE, 'fanout.mjs'), ...(QUICK ? ['--quick'] : [])],
      { stdio: 'inherit', env: { ...process.env, FANOUT_JSON: fanoutFile } },
    );
    p.on('exit', resolve);
  });
  if (fanoutCode !== 0) errors.push(`fan-out bench exited ${fanoutCode}`);
  try {
    const f = JSON.parse(readFileSync(fanoutFile, 'utf8'));
    out.fanout = {
      delivered: f.delivered,
      lost: f.lost,
      duplicates: f.duplicates,
      ratePerSecond: f.ratePerSecond,
    };
  } catch {
    out.fanout = null;
  }
  rmSync(work, { recursive: true, force: true });
  out.loadAverage = loadavg();
  out.quick = QUICK;

  report(out);
  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote ${process.env.BENCH_JSON}`);
  }
  if (errors.length) {
    console.error(`\nbench: errors (the run fails):`);
    for (const e of errors.slice(0, 8)) console.error(`  ${e}`);
    process.exitCode = 1;
  }
}

// --- the table --------------------------------------------------------------------------------------
function report(out) {
  const s = out.scenarios;
  const echo = s.echo;
  const cpuGoal = { 'list-10': 2.0, show: 1.6, apply: 3 };
  const roundGoal = (name) =>
    name.startsWith('list-') ? 2 : name === 'apply' ? 3 : name.startsWith('show') ? 2 : undefined;
  const mark = (ok) => (ok ? '✓' : '✗');
  console.log(
    `\nSDS Flow Admin bench${QUICK ? ' (quick: proves it runs, measures nothing)' : ''}: ${USERS} users x ${ROUNDS} rounds (apply ${APPLY_ROUNDS}, crowds ${CROWD_ROUNDS}), rounds at ${ROUND_MS} ms emulator latency, storage ${out.storage}, node ${process.version}, load average ${out.loadAverage.map((x) => x.toFixed(2)).join(' ')}\n`,
  );
  const head = [
    'scenario',
    'CPU ms/req',
    'x echo',
    'p50 ms',
    'p99 ms',
    'srv p99',
    'req/s',
    'Graph/cmd',
    'rounds',
    'errors',
    'goal',
  ];
  const widths = [16, 11, 7, 8, 8, 8, 7, 10, 7, 7, 0];
  const row = (cells) =>
    console.log(
      cells
        .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
        .join(' '),
    );
  row(head);
  const goals = [];
  for (const [name, r] of Object.entries(s)) {
    const ratio =
      echo && !name.startsWith('echo') ? r.cpuMsPerRequest / echo.cpuMsPerRequest : undefined;
    const notes = [];
    if (cpuGoal[name] !== undefined) {
      const ok = ratio <= cpuGoal[name];
      notes.push(`${mark(ok)} CPU ≤ ${cpuGoal[name]}x`);
      goals.push([`${name} CPU ≤ ${cpuGoal[name]}x echo`, ok]);
    }
    if (roundGoal(name) !== undefined && !name.endsWith('-users')) {
      const ok = r.graphRounds <= roundGoal(name);
      notes.push(`${mark(ok)} rounds ≤ ${roundGoal(name)}`);
      goals.push([`${name} rounds ≤ ${roundGoal(name)}`, ok]);
    }
    if (name === 'show-200-users') {
      const ok = r.errors === 0 && r.serverP99Ms <= 500;
      notes.push(`${mark(ok)} 0 errors, server p99 ≤ 500 ms`);
      goals.push([`${name} 0 errors, server p99 ≤ 500 ms`, ok]);
    }
    row([
      name,
      r.cpuMsPerRequest.toFixed(2),
      ratio === undefined ? '-' : ratio.toFixed(2),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.serverP99Ms.toFixed(1),
      r.requestsPerSecond.toFixed(0),
      r.graphCalls.toFixed(1),
      r.graphRounds,
      r.errors,
      notes.join(', '),
    ]);
  }
  const f = out.fanout;
  const single = [
    [
      'cold start to /readyz',
      `${out.coldStartMs.toFixed(0)} ms`,
      out.coldStartMs <= 700,
      '≤ 700 ms',
    ],
    ['idle RSS', `${out.idleRssMiB.toFixed(0)} MiB`, out.idleRssMiB <= 150, '≤ 150 MiB'],
    [
      'first command / warm',
      `${out.firstCommandMs.toFixed(0)} / ${out.warmCommandMs.toFixed(0)} ms`,
      out.firstCommandMs <= 2 * out.warmCommandMs,
      'first ≤ 2x warm',
    ],
    f
      ? [
          'fan-out delivered/lost/dup',
          `${f.delivered} / ${f.lost} / ${f.duplicates}, ${f.ratePerSecond.toFixed(1)}/s`,
          f.lost === 0 && f.duplicates === 0 && f.ratePerSecond >= 0.98 * 50,
          '0 lost, 0 dup, ≥ 49/s',
        ]
      : ['fan-out', 'did not report', false, '0 lost, 0 dup, ≥ 49/s'],
  ];
  console.log('');
  for (const [k, v, ok, goal] of single) {
    console.log(k.padEnd(28), v.padEnd(30), `${mark(ok)} ${goal}`);
    goals.push([`${k} ${goal}`, ok]);
  }
  const held = goals.filter(([, ok]) => ok).length;
  console.log(`\ngoals: ${held} of ${goals.length} hold${QUICK ? ' (quick: not meaningful)' : ''}`);
  for (const [g, ok] of goals) if (!ok) console.log(`  ✗ ${g}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
