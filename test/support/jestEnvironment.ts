/**
 * jest's node test environment, plus one report: after a test file's hooks and teardown, what it
 * left open that keeps a jest worker alive (a listening server, a socket, a child process) is
 * written to stderr with the file's name. jest's "A worker process has failed to exit
 * gracefully" names no file; this does. Timers that would keep it alive are counted (Node cannot
 * name them without async hooks, which would slow every test). It reports, it does not fail.
 */
import type { ChildProcess } from 'node:child_process';
import { writeSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';

type Handle = { hasRef?: () => boolean; constructor?: { name?: string } };

/** The worker's own stdio and its IPC channel to jest (a raw Pipe). */
const workers = (h: Handle) =>
  h === process.stdout ||
  h === process.stderr ||
  h === process.stdin ||
  h.constructor?.name === 'Pipe';

function describeHandle(h: Handle): string {
  const kind = h.constructor?.name ?? 'handle';
  if (kind === 'Server') {
    const address = (h as unknown as Server).address();
    return `a server on ${typeof address === 'object' && address ? address.port : address}`;
  }
  if (kind === 'Socket') {
    const s = h as unknown as Socket;
    return s.remotePort
      ? `a socket ${s.localPort} → ${s.remoteAddress}:${s.remotePort}`
      : 'a pipe (a child process output?)';
  }
  if (kind === 'ChildProcess') return `child process ${(h as unknown as ChildProcess).pid}`;
  return kind;
}

export function openHandles(): string[] {
  const all = (process as unknown as { _getActiveHandles(): Handle[] })._getActiveHandles();
  const open = all.filter((h) => !workers(h) && h.hasRef?.() !== false).map(describeHandle);
  // Only timers that keep the process alive are listed here (unref'd ones are not).
  const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  return timers > 0 ? [...open, `${timers} timer(s)`] : open;
}

export default class LeakReportingEnvironment extends NodeEnvironment {
  private readonly testPath: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = context.testPath;
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    // A stop that was started (a socket's close, a child's exit) gets a moment to finish.
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Only in a jest worker (it has an IPC channel to jest): a run in band is jest's own process,
    // with jest's own watchers and timers, and it exits by itself.
    if (typeof process.send !== 'function') return;
    const open = openHandles();
    if (open.length > 0)
      writeSync(2, `\n[open handles] ${this.testPath} left open: ${open.join(', ')}\n`);
  }
}
