/**
 * Azurite (the Azure Storage emulator, npm `azurite`, a dev dependency) as a child process for
 * tests: Blob service only, on a free loopback port, its data in a temp folder that is removed on
 * stop. No Docker, no account.
 *
 *   const azurite = await startAzurite();
 *   process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
 *   ...
 *   await azurite.stop();
 *
 * Flags: `--disableTelemetry` (without it Azurite hangs on shutdown on an offline machine) and
 * `--skipApiVersionCheck` (the SDK sends a newer x-ms-version than Azurite 3.35 knows). 3.35.0 is
 * the last Azurite release that declares Node 20 support.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');

/** Azurite's documented well-known development account (learn.microsoft.com, "Use Azurite"). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  blobEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(blobEndpoint: string): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `BlobEndpoint=${blobEndpoint};`
  );
}

export async function startAzurite(options: { startTimeoutMs?: number } = {}): Promise<Azurite> {
  const location = mkdtempSync(join(tmpdir(), 'sds-azurite-'));
  const child = spawn(
    process.execPath,
    [
      BIN,
      ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location],
      ...['--disableTelemetry', '--skipApiVersionCheck', '--loose'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await listeningPort(child, options.startTimeoutMs ?? 20_000);
  const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: azuriteConnectionString(blobEndpoint),
    async stop() {
      await stopChild(child);
      rmSync(location, { recursive: true, force: true });
    },
  };
}

function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
