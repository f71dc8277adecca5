/**
 * Sandbox services for a run without BOT_ID: the local identity provider and the Graph emulator
 * (which accepts only tokens that provider issued). State lives under DATA_DIR so a demo
 * survives a restart.
 */
import { join } from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../log';
import { startGraphEmulator, type GraphEmulator } from './emulator';
import { startLocalIdentityProvider, type LocalIdentityProvider } from './idp';

export interface SandboxServices {
  idp: LocalIdentityProvider;
  emulator: GraphEmulator;
  close(): Promise<void>;
}

export async function startSandbox(config: Config, logger: Logger): Promise<SandboxServices> {
  const idp = await startLocalIdentityProvider({
    port: config.sandbox.idpPort,
    host: '127.0.0.1',
    keyFile: join(config.dataDir, 'sandbox-idp-key.json'),
    logger,
  });
  try {
    const emulator = await startGraphEmulator({
      port: config.sandbox.emulatorPort,
      host: '127.0.0.1',
      stateFile: join(config.dataDir, 'graph-emulator.json'),
      readyDelayMs: config.sandbox.readyDelayMs,
      runScheduleMs: config.sandbox.runScheduleMs,
      authenticate: idp.authenticateGraphRequest,
      logger: logger.child({ component: 'graph-emulator' }),
    });
    return {
      idp,
      emulator,
      // Both, whatever happens to the first: a server left listening keeps the process alive.
      async close() {
        const results = await Promise.allSettled([emulator.close(), idp.close()]);
        const failed = results.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
      },
    };
  } catch (err) {
    await idp.close();
    throw err;
  }
}
