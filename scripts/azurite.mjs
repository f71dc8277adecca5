#!/usr/bin/env node
/**
 * `npm run azurite`: the Azure Storage emulator's Blob service for trying STORAGE=azure locally,
 * on its default port (127.0.0.1:10000, so AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true
 * works) with its data under ./data/azurite. Ctrl+C stops it.
 * --disableTelemetry: without it Azurite hangs on shutdown when offline; --skipApiVersionCheck: the
 * storage SDK may send a newer API version than this Azurite knows.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const main = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');
const location = join(process.cwd(), 'data', 'azurite');
mkdirSync(location, { recursive: true });
const child = spawn(
  process.execPath,
  [main, '--blobHost', '127.0.0.1', '--blobPort', '10000', '--location', location].concat([
    '--disableTelemetry',
    '--skipApiVersionCheck',
  ]),
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
