/**
 * Stopping the sandbox services: every server stops, even when one was stopped before (a test
 * playing an outage closes the emulator early). A server left listening keeps the Node process,
 * or a jest worker, alive after the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import { startSandbox, type SandboxServices } from '../../src/sandbox/startSandbox';

const refused = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    () => false,
    () => true,
  );

describe('sandbox services stop', () => {
  let dataDir: string;
  let sandbox: SandboxServices;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sds-sandbox-stop-'));
    const config = loadConfig({ EMULATOR_PORT: '0', IDP_PORT: '0', DATA_DIR: dataDir });
    sandbox = await startSandbox(config, createMemoryLogger().logger);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when the emulator was already closed, then closing the sandbox still closes the identity provider', async () => {
    const jwks = sandbox.idp.jwksUri;
    await sandbox.emulator.close();
    await expect(sandbox.close()).resolves.toBeUndefined();
    expect(await refused(jwks)).toBe(true);
  });

  it('when the sandbox is closed twice, then the second close is a no-op', async () => {
    await sandbox.close();
    await expect(sandbox.close()).resolves.toBeUndefined();
    expect(await refused(`${sandbox.emulator.baseUrl}/external/industryData`)).toBe(true);
  });
});
