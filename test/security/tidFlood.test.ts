/**
 * Issue 11 item 2: botframework-connector 4.23.3 appends four issuer strings to a module-level
 * array for every new `tid` it decodes, before any signature check. 8,000 anonymous requests took
 * a production bot from 129 MB to 680 MB RSS. The guard in front of botbuilder must refuse such
 * tokens with 401, keep memory flat, and print nothing per request.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import {
  activity,
  BOT_ID,
  CHANNEL_ISSUER,
  inParallel,
  rawJwt,
  startEdge,
  type Edge,
} from './edgeHarness';

/** The module-level array the bug grows (four entries per new tid). */
const issuerCount = () => ToBotFromBotOrEmulatorTokenValidationParameters.issuer?.length ?? 0;
const REQUESTS = 10_000;
const CONCURRENCY = 32;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settledRss = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().rss;
};

let edge: Edge;
beforeAll(async () => {
  edge = await startEdge({ logLevel: 'info' });
});
afterAll(() => edge.close());

/** Well-formed, unexpired, aimed at our bot: only the tid (and the signature) are wrong. */
function forged(i: number, kid: string): string {
  const tid = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const iss = i % 2 === 0 ? CHANNEL_ISSUER : `https://sts.windows.net/${tid}/`;
  return rawJwt(
    { alg: 'RS256', typ: 'JWT', kid },
    { iss, aud: BOT_ID, tid, ver: '1.0', appid: BOT_ID, nbf: now - 60, exp: now + 3600 },
  );
}

it(`when ${REQUESTS} anonymous requests each carry a new tid, then all get 401, memory stays flat and stderr stays quiet`, async () => {
  const body = JSON.stringify(activity());
  // node:http with keep-alive: fetch's per-request overhead would dominate the run.
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(`${edge.url}/api/messages`);
  const send = (i: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${forged(i, edge.kid)}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await inParallel(500, CONCURRENCY, send); // warm up sockets, JIT and caches
  const issuersBefore = issuerCount();
  const rssBefore = await settledRss();
  const stderr = jest.spyOn(process.stderr, 'write');
  const consoleError = jest.spyOn(console, 'error');
  const started = Date.now();
  let statuses: number[];
  try {
    statuses = await inParallel(REQUESTS, CONCURRENCY, send);
  } finally {
    stderr.mockRestore();
    consoleError.mockRestore();
  }
  const seconds = (Date.now() - started) / 1000;
  const rssAfter = await settledRss();
  const growth = (rssAfter - rssBefore) / MB;
  // Kept on record for the issue: the RSS figures of this run.
  process.stdout.write(
    `tid flood: ${REQUESTS} requests in ${seconds.toFixed(1)} s; RSS ${(rssBefore / MB).toFixed(1)} MB -> ${(rssAfter / MB).toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB)\n`,
  );

  expect(statuses.filter((s) => s !== 401)).toEqual([]);
  expect(issuerCount()).toBe(issuersBefore);
  expect(growth).toBeLessThan(20);
  expect(stderr).not.toHaveBeenCalled();
  expect(consoleError).not.toHaveBeenCalled();
  expect(edge.turns).toEqual([]);
  agent.destroy();
}, 60_000);
