/**
 * Starts the Microsoft 365 Agents Playground (the installed @microsoft/m365agentsplayground CLI)
 * in front of the bot, for the sandbox and the browser tests. What this relies on, read from the
 * published 0.2.28 bundle (see docs/teams-notes.md#agents-playground):
 * - `-p 0` lets it pick a free port; a taken port also makes it fall back to a random one. It then
 *   writes `Listening on <port>` to stdout (only when stdout is not a TTY), so we parse the port.
 * - With a non-TTY stdout every other console line goes only to its log file
 *   (M365_AGENTS_PLAYGROUND_LOGFILE, default ./devTools/...): we point that into a temp folder and
 *   forward the lines to our logger. Config errors end up there too, and it exits with code 1.
 * - The config file comes from M365_AGENTS_PLAYGROUND_CONFIG_PATH (default ./.m365agentsplayground.yml
 *   in its cwd); if that path does not exist it silently uses built-in mock data, so we check first.
 * - TEAMSAPPTESTER_BROWSER=none stops it from opening a desktop browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { projectRoot } from '../config/projectRoot';

export interface PlaygroundOptions {
  /** 0 = any free port. A taken port makes the Playground pick another one: use the returned url. */
  port: number;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Mock tenant, users, chats and team; default: .m365agentsplayground.yml in the project root. */
  configFile?: string;
  logger?: Logger;
  /** Extra environment for the CLI (e.g. M365_AGENTS_PLAYGROUND_CONVERSATION_ID). */
  env?: Record<string, string>;
  /** How long to wait for its HTTP port to answer; default 20 s. */
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** The web UI, e.g. http://127.0.0.1:56150. The mocked connector is `${url}/_connector`. */
  url: string;
  port: number;
  configFile: string;
  stop(): Promise<void>;
}

// Matched on whole lines: a chunk boundary could otherwise cut the port number in two.
const LISTENING = /^Listening on (\d+)$/m;

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const configFile = resolve(
    options.configFile ?? join(projectRoot(), '.m365agentsplayground.yml'),
  );
  if (!existsSync(configFile)) {
    throw new AppError('config', `Agents Playground config file not found: ${configFile}`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const logFile = join(workDir, 'playground.log');
  const child = spawnCli(options, { workDir, logFile, configFile });
  const logTail = tailFile(logFile, (line) => options.logger?.debug('agents playground', { line }));
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.off('exit', killOnExit);
      await stopChild(child);
      logTail.stop();
      rmSync(workDir, { recursive: true, force: true });
    })());
  try {
    const port = await waitForPort(child, options, logTail);
    if (options.port && port !== options.port) {
      options.logger?.warn('agents playground: requested port was taken, using another', {
        requested: options.port,
        port,
      });
    }
    const url = `http://127.0.0.1:${port}`;
    options.logger?.info('agents playground started', { url, botEndpoint: options.botEndpoint });
    return { url, port, configFile, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function spawnCli(
  options: PlaygroundOptions,
  paths: { workDir: string; logFile: string; configFile: string },
): ChildProcess {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, '-p', String(options.port), '-e', options.botEndpoint, '-c', 'msteams'];
  const child = spawn(process.execPath, [...args, '--disable-telemetry'], {
    cwd: paths.workDir,
    env: {
      ...process.env,
      ...options.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: paths.configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: paths.logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() can signal the CLI and anything it starts.
    detached: true,
  });
  forwardLines(child, options.logger);
  return child;
}

function forwardLines(child: ChildProcess, logger: Logger | undefined): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        logger?.debug('agents playground', { line });
      }
    });
  }
}

/** Resolves with the port once `Listening on N` was printed and the UI answers over HTTP. */
async function waitForPort(
  child: ChildProcess,
  options: PlaygroundOptions,
  logTail: { lastLines(): string[] },
): Promise<number> {
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  const failure = (why: string) =>
    new AppError(
      'unavailable',
      `The Agents Playground (port ${options.port || 'any'}) ${why}.` +
        ` Its last log lines:\n${logTail.lastLines().join('\n') || '(none)'}`,
    );
  let printedPort: number | undefined;
  let stdout = '';
  child.stdout?.on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-4096);
    printedPort ??=
      Number(LISTENING.exec(stdout.slice(0, stdout.lastIndexOf('\n') + 1))?.[1]) || undefined;
  });
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw failure(`exited with ${child.exitCode ?? child.signalCode} before it was ready`);
    }
    if (printedPort && (await answers(`http://127.0.0.1:${printedPort}/`))) return printedPort;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw failure(`did not answer on port ${printedPort ?? options.port} within ${timeoutMs} ms`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  killGroup(child, 'SIGTERM');
  const force = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(force);
}

/** Follows a growing file by polling (it may not exist yet); calls onLine for each new line. */
function tailFile(path: string, onLine: (line: string) => void) {
  let offset = 0;
  let partial = '';
  const recent: string[] = [];
  const readNew = () => {
    if (!existsSync(path)) return;
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (let n; (n = readSync(fd, buffer, 0, buffer.length, offset)) > 0; offset += n) {
        const lines = (partial + buffer.toString('utf8', 0, n)).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          recent.push(line);
          if (recent.length > 20) recent.shift();
          onLine(line);
        }
      }
    } finally {
      closeSync(fd);
    }
  };
  const timer = setInterval(readNew, 250);
  timer.unref();
  return {
    lastLines: () => (readNew(), [...recent]),
    stop: () => (clearInterval(timer), readNew()),
  };
}
