/** The open-handle report of the jest environment (jestEnvironment.ts) itself. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openHandles } from './jestEnvironment';

const timers = (report: string[]) => Number(/^(\d+) timer/.exec(report.at(-1) ?? '')?.[1] ?? 0);

it('when a server listens or a timer is pending, then the report names them; once closed, not', async () => {
  const before = openHandles();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const timer = setTimeout(() => undefined, 60_000);
  const during = openHandles();
  expect(during).toContain(`a server on ${port}`);
  expect(timers(during)).toBe(timers(before) + 1);

  clearTimeout(timer);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const after = openHandles();
  expect(after).not.toContain(`a server on ${port}`);
  expect(timers(after)).toBe(timers(before));
});
