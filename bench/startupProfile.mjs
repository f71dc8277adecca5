// Where the bot's start-up goes: `node bench/startupProfile.mjs [production|sandbox]` (after
// `npm run build`). Times every CommonJS module load (self time, i.e. without the modules it loads
// in turn, grouped by npm package or by src/ folder), then the phases of start-up: loading
// startApp, loadConfig, startApp up to the listening server, and the first 200 from /readyz.
// Production mode gets a fake BOT_ID and a loopback "Graph" that answers 401 (reachable), so nothing
// leaves the machine. Wall times on a shared machine are noisy: compare the shares, run it twice.
import Module, { createRequire } from 'node:module';
import { createServer, get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const mode = process.argv[2] === 'sandbox' ? 'sandbox' : 'production';

/** npm package (scope included) or src/ folder a file belongs to. */
function ownerOf(file) {
  const nm = file.lastIndexOf(`node_modules${sep}`);
  if (nm >= 0) {
    const parts = file.slice(nm + 13).split(sep);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = file.indexOf(`${sep}dist${sep}src${sep}`);
  if (src >= 0) {
    const parts = file.slice(src + 10).split(sep);
    return parts.length > 1 ? `src/${parts[0]}` : `src/${parts[0]}`;
  }
  return file.startsWith('node:') || !file.includes(sep) ? 'node' : 'other';
}

const self = new Map(); // owner → ms spent loading its files, without their children
const stack = []; // { started, children } for the loads in progress
const originalLoad = Module._load;
Module._load = function timedLoad(request, parent, isMain) {
  let file = request;
  try {
    file = Module._resolveFilename(request, parent, isMain);
  } catch {
    // let the real load throw its own error
  }
  if (Module._cache[file] || !file.includes(sep)) return originalLoad.apply(this, arguments);
  const frame = { started: performance.now(), children: 0 };
  stack.push(frame);
  try {
    return originalLoad.apply(this, arguments);
  } finally {
    stack.pop();
    const total = performance.now() - frame.started;
    const owner = ownerOf(file);
    self.set(owner, (self.get(owner) ?? 0) + total - frame.children);
    if (stack.length) stack.at(-1).children += total;
  }
};

const phases = [];
let last = performance.now();
const phase = (name) => {
  const now = performance.now();
  phases.push([name, now - last]);
  last = now;
};

const dataDir = mkdtempSync(join(tmpdir(), 'sds-startup-'));
const graph = createServer((req, res) => {
  res.statusCode = 401;
  res.end();
}).listen(0, '127.0.0.1');
await new Promise((resolve) => graph.once('listening', resolve));
phase('profiler set-up');

const { startApp } = require(join(ROOT, 'dist/src/app/startApp.js'));
phase('require startApp (the app and its libraries)');
const { loadConfig } = require(join(ROOT, 'dist/src/config/index.js'));
const { createLogger } = require(join(ROOT, 'dist/src/log.js'));
const env = {
  PORT: '0',
  EMULATOR_PORT: '0',
  IDP_PORT: '0',
  PLAYGROUND: 'false',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  NOTIFY_POLL_SECONDS: '0',
  ...(mode === 'production' && {
    BOT_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    BOT_PASSWORD: 'not-a-secret',
    BOT_TENANT_ID: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    GRAPH_BASE_URL: `http://127.0.0.1:${graph.address().port}/beta`,
  }),
};
const config = loadConfig(env);
phase('loadConfig');
const app = await startApp(config, { logger: createLogger({ level: 'error' }) });
phase('startApp (services, warm-up, listening)');
// Over node:http: a fetch here would start undici in this process and count it as the bot's.
const readyzStatus = () =>
  new Promise((resolve) => {
    const req = get(`${app.botUrl}/readyz`, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
  });
while ((await readyzStatus()) !== 200) await new Promise((r) => setTimeout(r, 5));
phase('first 200 from /readyz');
const rss = process.memoryUsage().rss / 1048576;
await app.stop();
graph.close();
rmSync(dataDir, { recursive: true, force: true });

const total = phases.reduce((sum, [, ms]) => sum + ms, 0);
console.log(
  `start-up in ${mode} mode (node ${process.version}), RSS at ready ${rss.toFixed(0)} MiB`,
);
for (const [name, ms] of phases) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
console.log(`  ${total.toFixed(0).padStart(6)} ms  total (plus node's own start)`);
const loads = [...self].sort((a, b) => b[1] - a[1]);
const loadTotal = loads.reduce((sum, [, ms]) => sum + ms, 0);
console.log(`\nmodule loading, self time by package or src/ folder (${loadTotal.toFixed(0)} ms):`);
for (const [owner, ms] of loads.slice(0, 25))
  console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${owner}`);
