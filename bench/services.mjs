// Process 2 of the bench: everything that is not the bot. The Graph emulator and the identity provider
// (the real sandbox ones from dist/), the loopback Bot Framework connector the bot replies to, and a
// loopback-only "Teams SSO" endpoint that mints the SSO assertion the bot would get from Teams. Started
// by bench/run.mjs with child_process.fork; it answers the driver over the fork's IPC channel.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLogger,
  loadConfig,
  SANDBOX_USERS,
  startLoopbackConnector,
  startSandboxModule,
} from './dist.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'sds-bench-services-'));
const config = loadConfig({
  PORT: '0',
  EMULATOR_PORT: '0',
  IDP_PORT: '0',
  PLAYGROUND: 'false',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
});
const logger = createLogger({ level: 'error' });
const { idp, emulator, close } = await startSandboxModule.startSandbox(config, logger);
const connector = await startLoopbackConnector();

// POST {aadObjectId, options} → the SSO token as text. Loopback only (it listens on 127.0.0.1).
const mint = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  try {
    const { aadObjectId, options } = JSON.parse(body);
    const token = await idp.mintSsoToken(aadObjectId, options);
    // Not chained: restify (loaded with dist/) replaces writeHead with one that does not return res.
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(token);
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(String(err?.message ?? err));
  }
});
await new Promise((resolve) => mint.listen(0, '127.0.0.1', resolve));

const ADMIN = SANDBOX_USERS[0];
async function createSets(names) {
  const token = await idp.mintGraphToken({ aadObjectId: ADMIN.aadObjectId });
  const ids = [];
  for (const displayName of names) {
    const res = await fetch(
      `${emulator.baseUrl}/external/industryData/outboundProvisioningFlowSets`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          '@odata.type': '#microsoft.graph.industryData.outboundProvisioningFlowSet',
          displayName,
        }),
      },
    );
    const json = await res.json();
    if (res.status !== 201)
      throw new Error(`create set: HTTP ${res.status} ${JSON.stringify(json)}`);
    ids.push(json.id);
  }
  return ids;
}

const handlers = {
  graphCount: () => emulator.requests.length,
  createSets: ({ names }) => createSets(names),
  lastActivity: ({ conversationId }) =>
    connector.calls.filter((c) => c.conversationId === conversationId).at(-1)?.activity,
  clearConnector: () => void (connector.calls.length = 0),
  async stop() {
    mint.close();
    await connector.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
    setImmediate(() => process.exit(0));
  },
};

process.on('message', async ({ id, type, ...args }) => {
  try {
    process.send({ id, value: await handlers[type](args) });
  } catch (err) {
    process.send({ id, error: String(err?.stack ?? err) });
  }
});

process.send({
  type: 'ready',
  sandbox: {
    idp: {
      issuerBaseUrl: idp.issuerBaseUrl,
      tenantId: idp.tenantId,
      authority: idp.authority,
      knownAuthorities: idp.knownAuthorities,
      authorityMetadata: idp.authorityMetadata,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      jwksUri: idp.jwksUri,
    },
    emulatorBaseUrl: emulator.baseUrl,
    emulatorPort: emulator.port,
    mintUrl: `http://127.0.0.1:${mint.address().port}/`,
  },
  emulatorUrl: emulator.baseUrl.replace(/\/beta$/, ''),
  connectorUrl: connector.serviceUrl,
});
