/**
 * The built bot as a real child process (`node dist/src/main.js`), for tests that must kill it
 * (SIGKILL: no shutdown hooks run) and start it again on the same DATA_DIR. Sandbox mode, no
 * Playground, every port 0: the actual URLs come from the "started" log line. stdout/stderr are
 * kept; JSON log lines are parsed so a test can wait for a specific event.
 *
 *   buildOnce();                                         // tsc -p tsconfig.build.json, once per run
 *   const bot = await startBotProcess({ dataDir, env: { NOTIFY_POLL_SECONDS: '1' } });
 *   await bot.waitForLog((e) => e.msg === 'notify poll');
 *   await bot.kill();                                    // SIGKILL, resolves when it is gone
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from './activities';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export type LogEntry = Record<string, unknown> & { msg?: string; level?: string };

export interface BotProcessOptions {
  /** DATA_DIR (SQLite, emulator state, IdP key): reuse it to "restart" the same bot. */
  dataDir: string;
  /** Extra environment (config keys); PORT/EMULATOR_PORT/IDP_PORT are 0 and PLAYGROUND false unless given. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface BotProcess {
  pid: number;
  botUrl: string;
  /** The Graph emulator's base URL (…/beta); its sandbox control is at …/_sandbox. */
  graphBaseUrl: string;
  /** Every output line so far, stdout and stderr. */
  lines: string[];
  /** The JSON log lines so far, parsed. */
  logs: LogEntry[];
  waitForLog(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** POSTs an activity to /api/messages; resolves when the turn is over. */
  send(activity: Activity): Promise<{ status: number; body: unknown }>;
  /** Calls the emulator's /_sandbox control (e.g. 'POST', 'flows/{id}/readiness', {status}). */
  sandbox(method: string, path: string, body?: unknown): Promise<number>;
  /** Sends `signal` (default SIGKILL) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM (clean shutdown), SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Which test run we are in: jest workers share their parent; in-band runs are their own. */
const runId = () => String(process.env.JEST_WORKER_ID ? process.ppid : process.pid);

/**
 * Compiles src/ to dist/ once per test run, even with several jest workers asking at once (a lock
 * directory, then a stamp naming the run). Type errors elsewhere do not stop the emit; they are
 * printed, and the build only fails if dist/src/main.js is missing.
 */
export function buildOnce(timeoutMs = 120_000): void {
  const lock = join(ROOT, 'dist', '.test-build-lock');
  const stamp = join(ROOT, 'dist', '.test-build-run');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === runId() && existsSync(MAIN)) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    if (result.status !== 0)
      process.stderr.write(
        `tsc reported problems (dist was still emitted):\n${result.stdout}${result.stderr}\n`,
      );
    if (!existsSync(MAIN)) throw new Error(`build failed: ${MAIN} missing\n${result.stdout}`);
    writeFileSync(stamp, runId());
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A minimal environment: nothing from the developer's shell can change the bot's configuration. */
function childEnv(options: BotProcessOptions): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
  const base = Object.fromEntries(
    keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
  );
  return {
    ...base,
    PORT: '0',
    EMULATOR_PORT: '0',
    IDP_PORT: '0',
    PLAYGROUND: 'false',
    LOG_LEVEL: 'debug',
    DATA_DIR: options.dataDir,
    ...options.env,
  };
}

export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} not found: call buildOnce() first`);
  mkdirSync(options.dataDir, { recursive: true });
  // cwd = DATA_DIR, so a developer's .env in the project root is not loaded.
  const child = spawn(process.execPath, [MAIN], {
    cwd: options.dataDir,
    env: childEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const logs: LogEntry[] = [];
  const waiters = new Set<() => void>();
  const onLine = (line: string) => {
    lines.push(line);
    if (line.startsWith('{')) {
      try {
        logs.push(JSON.parse(line) as LogEntry);
      } catch {
        /* not a log line */
      }
    }
    waiters.forEach((w) => w());
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      parts.forEach(onLine);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      waiters.forEach((w) => w());
    }),
  );
  let gone = false;
  void exited.then(() => (gone = true));

  const waitForLog: BotProcess['waitForLog'] = (match, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (found) return done(() => resolve(found));
        if (gone)
          done(() =>
            reject(
              new Error(`bot exited before the log line came:\n${lines.slice(-30).join('\n')}`),
            ),
          );
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new Error(`no such log line within ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`),
            ),
          ),
        timeoutMs,
      );
      const done = (then: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        then();
      };
      waiters.add(check);
      check();
    });

  const kill: BotProcess['kill'] = async (signal = 'SIGKILL') => {
    if (!gone) child.kill(signal);
    await exited;
  };
  const started = await waitForLog(
    (e) => e.msg === 'started',
    options.startTimeoutMs ?? 30_000,
  ).catch(async (err) => {
    await kill();
    throw err;
  });
  const botUrl = String(started.botUrl);
  const graphBaseUrl = String(started.graph);
  return {
    pid: child.pid!,
    botUrl,
    graphBaseUrl,
    lines,
    logs,
    waitForLog,
    async send(activity) {
      const res = await fetch(`${botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async sandbox(method, path, body) {
      const base = graphBaseUrl.replace(/\/beta\/?$/, '');
      const res = await fetch(`${base}/_sandbox/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await res.text();
      return res.status;
    },
    kill,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    exited,
  };
}
