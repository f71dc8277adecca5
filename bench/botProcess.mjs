// Process 1 of the bench: the bot alone (BENCH_KIND=sds: the real bot from dist/; BENCH_KIND=echo: a
// bare botbuilder echo bot on the same restify stack). Forked by bench/run.mjs; nothing else runs here,
// so process.cpuUsage() is the bot's CPU. The Graph emulator, identity provider and connector live in
// bench/services.mjs (BENCH_SANDBOX carries their addresses).
//
// Server-side latency: a 'request' listener put in front of restify's own times every POST
// /api/messages from arrival (headers parsed) to the response's 'finish'. It is installed by wrapping
// restify.createServer before the bot is loaded: nothing in src/ knows about it.
//
// IPC (process.send, the fork's channel; no HTTP route): {type:'stats'} → {cpu, rss, durations,
// problems} (durations and problems since the previous stats), {type:'stop'}.
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const restify = require('restify');
const durations = [];
const problems = [];
const createServer = restify.createServer;
restify.createServer = function timedCreateServer(...args) {
  const server = createServer.apply(this, args);
  server.server.prependListener('request', (req, res) => {
    if (req.method !== 'POST' || !req.url.startsWith('/api/messages')) return;
    const start = performance.now();
    res.once('finish', () => durations.push(performance.now() - start));
  });
  return server;
};

// In the real sandbox the identity provider mints the SSO assertion in-process; here it is one loopback
// hop to the services process. Over node:http, not the global fetch: the bot itself never calls fetch,
// and undici's start-up (~50 ms on its first use) would otherwise land in the first command's figure.
const mintAgent = new Agent({ keepAlive: true });
function postText(url, body) {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    const req = request(url, { method: 'POST', headers, agent: mintAgent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let stop = async () => {};
let url;
if (process.env.BENCH_KIND === 'echo') {
  const { startEchoBot } = await import('./echoBot.mjs');
  const echo = await startEchoBot();
  url = echo.url;
  stop = echo.close;
} else {
  const dist = await import('./dist.mjs');
  const remote = JSON.parse(process.env.BENCH_SANDBOX);
  // The sandbox services are already running in another process: hand startApp their addresses.
  dist.startSandboxModule.startSandbox = async () => ({
    idp: {
      ...remote.idp,
      async mintSsoToken(aadObjectId, options) {
        const { status, text } = await postText(
          remote.mintUrl,
          JSON.stringify({ aadObjectId, options }),
        );
        if (status !== 200) throw new Error(`bench SSO mint: ${text}`);
        return text;
      },
      mintGraphToken: () => Promise.reject(new Error('not in the bot process')),
      authenticateGraphRequest: () => Promise.reject(new Error('not in the bot process')),
      tokenRequests: { onBehalfOf: 0, clientCredentials: 0 },
      close: async () => {},
    },
    emulator: {
      baseUrl: remote.emulatorBaseUrl,
      port: remote.emulatorPort,
      requests: [],
      control: undefined,
      close: async () => {},
    },
    close: async () => {},
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'sds-bench-bot-'));
  const config = dist.loadConfig({
    PORT: '0',
    EMULATOR_PORT: '0',
    IDP_PORT: '0',
    PLAYGROUND: 'false',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    NOTIFY_POLL_SECONDS: '0',
  });
  const logger = dist.createLogger({ level: 'warn', sink: (line) => problems.push(line) });
  const app = await dist.startApp(config, { logger });
  problems.length = 0; // start-up warnings (e.g. no approvers configured) are the sandbox's defaults
  url = app.botUrl;
  stop = async () => {
    await app.stop();
    mintAgent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

process.on('message', async ({ id, type }) => {
  if (type === 'stats') {
    process.send({
      id,
      value: {
        cpu: process.cpuUsage(),
        rss: process.memoryUsage().rss,
        durations: durations.splice(0),
        problems: problems.splice(0),
      },
    });
  } else if (type === 'stop') {
    await stop();
    process.send({ id, value: null });
    setImmediate(() => process.exit(0));
  }
});
process.send({ type: 'ready', url });
