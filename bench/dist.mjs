// The one place the benches reach into the built bot (dist/, from `npm run build`). Every module and
// export they use is named here, by its source path under src/: when a module moves or an export is
// renamed, the bench stops at start with what to fix instead of a bare MODULE_NOT_FOUND, and it never
// silently runs a stale dist/ file whose source is gone (tsc does not delete outputs of moved files).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** `module` is a path under src/ without extension, e.g. 'config/index' for src/config/index.ts. */
function fromBuild(module, names) {
  const source = `src/${module}.ts`;
  const built = `dist/src/${module}.js`;
  if (!existsSync(join(ROOT, source))) {
    throw new Error(
      `bench: ${source} does not exist (moved or renamed?); update its path in bench/dist.mjs.`,
    );
  }
  if (!existsSync(join(ROOT, built))) {
    throw new Error(`bench: ${built} is missing; run npm run build first (npm run bench does).`);
  }
  const exports = require(join(ROOT, built));
  const missing = names.filter((name) => exports[name] === undefined);
  if (missing.length) {
    throw new Error(
      `bench: ${source} no longer exports ${missing.join(', ')}; update bench/dist.mjs.`,
    );
  }
  return exports;
}

export const { startApp } = fromBuild('app/startApp', ['startApp']);
export const { loadConfig } = fromBuild('config/index', ['loadConfig']);
export const { createLogger } = fromBuild('log', ['createLogger']);
export const { startLoopbackConnector } = fromBuild('sandbox/connector', [
  'startLoopbackConnector',
]);
export const { SANDBOX_USERS, SANDBOX_TENANT_ID } = fromBuild('sandbox/users', [
  'SANDBOX_USERS',
  'SANDBOX_TENANT_ID',
]);
export const { SEED_IDS } = fromBuild('sandbox/emulator/index', ['SEED_IDS']);
// The bot process (bench/botProcess.mjs) swaps this module's startSandbox for one that points at the
// Graph emulator and identity provider running in bench/services.mjs (another process).
export const startSandboxModule = fromBuild('sandbox/startSandbox', ['startSandbox']);
