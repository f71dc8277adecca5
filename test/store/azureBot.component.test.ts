/**
 * The built bot with STORAGE=azure on Azurite, as a real process: it starts, /readyz names the
 * backend and checks the account, a command runs, its state lands in the container, and every
 * log line names the instance. (The multi-instance behaviour has its own component tests.)
 */
import { randomBytes } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { keyOfBlobName } from '../../src/store/blobNames';
import { fixture } from '../support/activities';
import { startAzurite, type Azurite } from '../support/azurite';
import { useRestartHarness } from '../support/restartHarness';

const env: Record<string, string> = {
  STORAGE: 'azure',
  AZURE_STORAGE_CONTAINER: 'bot-e2e',
  TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
  INSTANCE_ID: 'bot-one',
  NOTIFY_POLL_SECONDS: '0',
};
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
  env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
}, 30_000);
afterAll(() => azurite?.stop());
const harness = useRestartHarness({ env, name: 'azure' });

const CHANNEL = '19:azure-e2e@thread.tacv2';

describe('STORAGE=azure (real process on Azurite)', () => {
  it('when the bot runs on Azure storage, then it is ready, serves commands and keeps its state in the container', async () => {
    const bot = await harness.start();
    const ready = await fetch(`${bot.botUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      storage: 'azure',
      instance: 'bot-one',
      checks: { storage: true },
    });

    const text = `<at>SDS Flow Admin</at> notify here`;
    const sent = await bot.send(
      fixture('message-channel', harness.connector.serviceUrl, {
        text,
        conversation: { id: `${CHANNEL};messageid=${Date.now()}` },
      }),
    );
    expect(sent.status).toBe(200);
    expect(JSON.stringify(harness.connector.calls)).toMatch(/readiness changes/i);

    const container = BlobServiceClient.fromConnectionString(
      azurite.connectionString,
    ).getContainerClient('bot-e2e');
    const keys: string[] = [];
    for await (const blob of container.listBlobsFlat()) keys.push(keyOfBlobName(blob.name));
    expect(keys.some((k) => k.startsWith('notify-sub/') && k.includes('azure-e2e'))).toBe(true);
    expect(keys.some((k) => k.startsWith('conversation') && k.includes('azure-e2e'))).toBe(true);
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.filter((e) => e.instance !== 'bot-one')).toEqual([]);
    await bot.stop();
  }, 90_000);
});
