// The real bot in sandbox mode (built dist/), quiet, with background polling off, plus the loopback
// connector its replies go to: what both benches drive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig, startApp, startLoopbackConnector } from './dist.mjs';

export async function startSandboxBot(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sds-bench-'));
  const connector = await startLoopbackConnector();
  const config = loadConfig({
    PORT: '0',
    EMULATOR_PORT: '0',
    IDP_PORT: '0',
    PLAYGROUND: 'false',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    NOTIFY_POLL_SECONDS: '0',
    ...env,
  });
  const app = await startApp(config, { logger: createLogger({ level: 'error' }) });
  return {
    app,
    connector,
    async stop() {
      await app.stop();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
