#!/usr/bin/env node
/**
 * The sandbox's Graph emulator and identity provider on their own, for several bot instances to
 * share (SANDBOX_SERVICES=external): start this once, then each instance on its own PORT with
 *
 *   SANDBOX_SERVICES=external GRAPH_BASE_URL=http://127.0.0.1:3979/beta \
 *   SANDBOX_IDP_URL=http://127.0.0.1:3980 PORT=3978 npm start
 *
 * Needs `npm run build` first (it runs the built dist/). Ports: EMULATOR_PORT (3979), IDP_PORT
 * (3980); state in DATA_DIR (./data) as with `npm start`. Ctrl+C stops both.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'dist', 'src', 'sandbox', 'startSandbox.js');
if (!existsSync(BUILT)) {
  process.stderr.write('dist/ is missing: run `npm run build` first.\n');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { startSandbox } = require(BUILT);
const { loadConfig, loadDotEnv } = require(join(ROOT, 'dist', 'src', 'config', 'index.js'));
const { createLogger } = require(join(ROOT, 'dist', 'src', 'log.js'));

loadDotEnv();
const config = loadConfig({ ...process.env, SANDBOX_SERVICES: 'local' });
const logger = createLogger({ level: config.logLevel });
const sandbox = await startSandbox(config, logger);
process.stdout.write(
  `Graph emulator: ${sandbox.emulator.baseUrl}\nIdentity provider: ${sandbox.idp.issuerBaseUrl}\n` +
    `Bot instances: SANDBOX_SERVICES=external GRAPH_BASE_URL=${sandbox.emulator.baseUrl} ` +
    `SANDBOX_IDP_URL=${sandbox.idp.issuerBaseUrl} PORT=<each its own> npm start\n`,
);
const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
