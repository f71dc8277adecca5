// BENCH_STORAGE=azure: Azurite's Blob service for the bot under bench, on a free loopback port with
// its data in a temp folder (the same flags as the tests: test/support/azurite.ts explains them).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const MAIN = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');
// Azurite's documented development account (learn.microsoft.com, "Use Azurite").
const KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Starts Azurite; resolves with the bot's storage settings and a stop function. */
export async function startBenchAzurite() {
  const location = mkdtempSync(join(tmpdir(), 'sds-bench-azurite-'));
  const flags = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location];
  const child = spawn(
    process.execPath,
    [MAIN, ...flags, '--disableTelemetry', '--skipApiVersionCheck'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const port = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}): ${output}`)));
  });
  const endpoint = `http://127.0.0.1:${port}/devstoreaccount1`;
  return {
    env: {
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};BlobEndpoint=${endpoint};`,
      TOKEN_CACHE_KEY: randomBytes(32).toString('base64'),
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(location, { recursive: true, force: true });
    },
  };
}
