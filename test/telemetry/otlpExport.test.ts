/**
 * The built bot as a real process with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a loopback
 * collector: a turn's spans and the metrics reach it over OTLP/HTTP (flushed on SIGTERM), with
 * the configured service name, and the turn's log lines carry its trace id. (Under jest the OTLP
 * exporters cannot run in-process: they load their transport with a dynamic import.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackConnector } from '../../src/sandbox/connector';
import { fixture } from '../support/activities';
import { buildOnce, startBotProcess } from '../support/botProcess';

jest.setTimeout(180_000);

function startCollector(): Promise<{ server: Server; url: string; posts: Map<string, string> }> {
  const posts = new Map<string, string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      posts.set(path, (posts.get(path) ?? '') + Buffer.concat(chunks).toString('utf8'));
      // Not chained: restify, loaded by an earlier suite in this jest worker, replaces
      // http.ServerResponse#writeHead with one that does not return the response.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts }),
    ),
  );
}

it('when OTEL_EXPORTER_OTLP_ENDPOINT is set, then a turn’s spans and the metrics reach the collector', async () => {
  buildOnce();
  const dataDir = mkdtempSync(join(tmpdir(), 'sds-otlp-'));
  const collector = await startCollector();
  const connector = await startLoopbackConnector();
  try {
    const bot = await startBotProcess({
      dataDir,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: 'sds-otlp-test',
        NOTIFY_POLL_SECONDS: '0',
      },
    });
    const res = await bot.send(fixture('message-personal', connector.serviceUrl, { text: 'list' }));
    expect(res.status).toBe(200);
    await bot.stop(); // SIGTERM: the app stops, then telemetry flushes
    const traces = collector.posts.get('/v1/traces') ?? '';
    expect(traces).toContain('sds-otlp-test');
    expect(traces).toContain('turn message');
    expect(traces).toContain('GET /external/industryData/outboundProvisioningFlowSets');
    expect(collector.posts.get('/v1/metrics') ?? '').toContain('sds.turn.duration');
    const command = bot.logs.find((e) => e.msg === 'command');
    expect(command?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(traces).toContain(String(command?.trace_id));
  } finally {
    await connector.close();
    collector.server.closeAllConnections();
    await new Promise((resolve) => collector.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
