/** With BOT_ID set, the Bot Framework authentication of CloudAdapter guards /api/messages. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app/startApp';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import { fixture } from '../support/activities';

describe('POST /api/messages with BOT_ID set (production auth)', () => {
  let app: RunningApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sds-auth-'));
    app = await startApp(
      loadConfig({
        BOT_ID: '6f1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
        BOT_PASSWORD: 'not-used-in-this-test',
        BOT_TENANT_ID: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        PORT: '0',
        DATA_DIR: dataDir,
      }),
      { logger: createMemoryLogger().logger },
    );
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${app.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(fixture('message-personal', 'http://127.0.0.1:9/')),
    });

  it('when a request has no Authorization header, then it gets 401', async () => {
    expect((await post({})).status).toBe(401);
  });

  it('when a request carries a forged token, then it gets 401', async () => {
    const forged = [
      'eyJhbGciOiJSUzI1NiJ9',
      Buffer.from('{"aud":"x"}').toString('base64url'),
      'c2ln',
    ].join('.');
    expect((await post({ authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('when liveness is probed, then it answers without auth', async () => {
    expect((await fetch(`${app.botUrl}/healthz`)).status).toBe(200);
  });
});
