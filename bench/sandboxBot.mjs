// The real bot in sandbox mode (built dist/), quiet, with background polling off, plus the loopback
// connector its replies go to: what both benches drive. `problems` keeps every warn/error log line
// (a failed turn is logged as "turn failed" with its code): a bench that saw any must fail.
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
  const problems = [];
  const logger = createLogger({ level: 'warn', sink: (line) => problems.push(line) });
  const app = await startApp(config, { logger });
  problems.length = 0; // start-up warnings (e.g. no approvers configured) are the sandbox's defaults
  return {
    app,
    connector,
    problems,
    async stop() {
      await app.stop();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Quick mode (`--quick` or BENCH_QUICK=1): a few rounds that only prove the bench still works. */
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

/** Prints what the bot logged as warn/error (the first few lines) and makes the process fail. */
export function failOnProblems(problems, label = 'bench') {
  if (!problems.length) return;
  console.error(
    `\n${label}: the bot logged ${problems.length} warning(s)/error(s); the first ones:`,
  );
  for (const line of problems.slice(0, 5)) console.error(line);
  process.exitCode = 1;
}
