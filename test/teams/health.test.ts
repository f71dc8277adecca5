/** Liveness, readiness and a clean stop: what a host (App Service, a container) relies on. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, startBotProcess } from '../support/botProcess';
import { useTestBot } from '../support/testBot';

describe('GET /healthz and /readyz', () => {
  const bot = useTestBot();

  const get = async (path: string) => {
    const res = await fetch(`${bot.app.botUrl}${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('when storage and Graph answer, then the bot is live and ready', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: {
        status: 'ready',
        storage: 'sqlite',
        instance: bot.app.services.config.instanceId,
        checks: { storage: true, graph: true },
      },
    });
  });

  it('when Graph cannot be reached, then readiness says so while liveness stays up', async () => {
    await bot.app.sandbox!.emulator.close();
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: expect.objectContaining({
        status: 'not ready',
        checks: { storage: true, graph: false },
      }),
    });
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('SIGTERM (real process)', () => {
  beforeAll(() => buildOnce(), 180_000);

  it('when the process gets SIGTERM, then it logs the shutdown and exits with code 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sds-sigterm-'));
    try {
      const bot = await startBotProcess({ dataDir });
      await bot.stop();
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.logs.some((e) => e.msg === 'shutting down' && e.signal === 'SIGTERM')).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
