/**
 * A scripted HTTP server on 127.0.0.1 for client behaviours the Graph emulator cannot be made to
 * show (foreign next links, unreadable bodies, a PATCH answered 200). Each test sets `handler`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (req: SeenRequest, res: ServerResponse) => void;

export async function startStub() {
  const seen: SeenRequest[] = [];
  const state: { handler: StubHandler } = {
    handler: (_req, res) => {
      res.writeHead(500);
      res.end();
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      state.handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}/beta`,
    seen,
    set handler(h: StubHandler) {
      state.handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  // No chaining: restify (loaded by other suites in the same jest worker) patches
  // ServerResponse.prototype.writeHead so that it no longer returns the response.
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
