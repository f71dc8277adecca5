// CPU profiles of the bench's bot process, one phase at a time (docs/performance.md):
//   node bench/profileScenario.mjs first [dir]   the first `list` after start, then 5 warm ones
//   node bench/profileScenario.mjs list [dir]    8 users × PROFILE_ROUNDS (20) `list` at PROFILE_SETS (10)
//   node bench/profileScenario.mjs show [dir]    the same with `show Northwind`
//   node bench/profileScenario.mjs echo [dir]    the same against the bare echo bot
// Same processes as `npm run bench` (bench/services.mjs, bench/botProcess.mjs; run `npm run build`
// first); the bot process gets bench/profilePreload.mjs. Writes <dir>/<phase>.cpuprofile (default
// dir: the OS temp dir) and prints the bot's CPU ms per request; read a profile with
// bench/cpuProfileSummary.mjs. The profiler's own sampling adds CPU: compare shares, not figures.
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANDBOX_TENANT_ID, SANDBOX_USERS } from './dist.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const [phase = 'first', dir = tmpdir()] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
const USERS = 8;
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 20);
const SETS = Number(process.env.PROFILE_SETS ?? 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function child(file, env, profiled) {
  const proc = fork(join(HERE, file), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [
      '--no-deprecation',
      ...(profiled ? ['--import', join(HERE, 'profilePreload.mjs')] : []),
    ],
  });
  const waiting = new Map();
  let next = 0;
  let onReady;
  const ready = new Promise((resolve) => (onReady = resolve));
  proc.on('message', (m) => {
    if (m.type === 'ready') return onReady(m);
    const key = m.profileReply ?? m.id;
    waiting.get(key)?.(m.value);
    waiting.delete(key);
  });
  const ask = (key, message) =>
    new Promise((resolve) => {
      waiting.set(key, resolve);
      proc.send(message);
    });
  return {
    ready,
    call: (type, args = {}) => ask(next, { id: next++, type, ...args }),
    profile: (type, file) => ask(`p${next}`, { type, tag: `p${next++}`, file }),
  };
}

let serviceUrl;
function activity(user, text) {
  const person = SANDBOX_USERS[user % 2];
  return {
    type: 'message',
    id: `profile-${user}-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: { id: `29:profile-${user}`, name: person.name, aadObjectId: person.aadObjectId },
    conversation: {
      id: `a:profile-${user}`,
      conversationType: 'personal',
      tenantId: SANDBOX_TENANT_ID,
    },
    recipient: { id: '28:bench-bot', name: 'SDS Flow Admin' },
    channelData: { tenant: { id: SANDBOX_TENANT_ID } },
  };
}
async function post(url, body) {
  const started = performance.now();
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
  return performance.now() - started;
}
const cpuMs = ({ cpu }) => (cpu.user + cpu.system) / 1000;

const services = child('services.mjs', {});
const { sandbox, connectorUrl } = await services.ready;
serviceUrl = connectorUrl;
const kind = phase === 'echo' ? 'echo' : 'sds';
const bot = child(
  'botProcess.mjs',
  { BENCH_KIND: kind, BENCH_SANDBOX: JSON.stringify(sandbox) },
  true,
);
const { url } = await bot.ready;
// The echo bot has no /readyz: it is ready when it says so.
for (; kind === 'sds'; ) {
  const res = await fetch(`${url}/readyz`).catch(() => undefined);
  await res?.text();
  if (res?.status === 200) break;
  await sleep(5);
}
await sleep(1000); // as the bench: idle RSS is read here, then the first command
if (phase === 'first') {
  await bot.profile('profile-start');
  const first = await post(url, activity(0, 'list'));
  await bot.profile('profile-stop', join(dir, 'first.cpuprofile'));
  await bot.profile('profile-start');
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await post(url, activity(0, 'list')));
  await bot.profile('profile-stop', join(dir, 'warm.cpuprofile'));
  console.log(`first ${first.toFixed(0)} ms, warm ${warm.map((ms) => ms.toFixed(0)).join(' ')} ms`);
} else {
  if (phase === 'list' && SETS > 3) {
    const names = Array.from({ length: SETS - 3 }, (_, i) => `Profile set ${i}`);
    await services.call('createSets', { names });
  }
  const text = { list: 'list', show: 'show Northwind', echo: 'hello' }[phase];
  for (let i = 0; i < USERS; i++) await post(url, activity(i, text)); // warm, not profiled
  await bot.profile('profile-start');
  const before = await bot.call('stats');
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let r = 0; r < ROUNDS; r++) await post(url, activity(u, text));
    }),
  );
  const after = await bot.call('stats');
  await bot.profile('profile-stop', join(dir, `${phase}.cpuprofile`));
  const perRequest = (cpuMs(after) - cpuMs(before)) / (USERS * ROUNDS);
  console.log(`${phase}: bot CPU ${perRequest.toFixed(2)} ms per request (profiler on)`);
}
await bot.call('stop');
await services.call('stop');
process.exit(0);
