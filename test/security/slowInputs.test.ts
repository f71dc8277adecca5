/**
 * One message must not stall everyone (issue 11, item 4): hostile message texts over the real
 * POST /api/messages. Each gets an answer, GET /healthz keeps answering within 250 ms while it
 * is processed, and the event loop is never held for 50 ms or more. Mention stripping and fuzzy
 * matching used to be quadratic: 100,000 "‹" took 22 s, "show " + 10,000 characters 5 s.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MAX_ACTIVITY_BYTES } from '../../src/teams/server';
import { startTestBot, type TestBot } from '../support/testBot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  // Warm up once: the first help card and the first too-long answer compile code paths.
  await bot.send(bot.activity('message-personal', { text: 'help' }));
  await bot.send(bot.activity('message-personal', { text: 'x'.repeat(2000) }));
});
afterAll(async () => {
  await bot.stop();
});

interface Processed {
  status: number;
  /** Whether the JSON body was over the HTTP edge's limit (then 413 is the prompt answer). */
  overBodyLimit: boolean;
  /** What the bot sent back to the conversation: message texts and card texts. */
  replies: string[];
  healthzMs: number[];
  maxLoopDelayMs: number;
}

/** Sends `text` as a 1:1 message, polling /healthz and watching the event loop until it is answered. */
async function process(text: string): Promise<Processed> {
  const activity = bot.activity('message-personal', { text });
  const body = JSON.stringify(activity);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let done = false;
  const healthzMs: number[] = [];
  const polling = (async () => {
    while (!done) {
      const start = performance.now();
      const res = await fetch(`${bot.app.botUrl}/healthz`);
      await res.text();
      healthzMs.push(performance.now() - start);
      expect(res.status).toBe(200);
    }
  })();
  const res = await fetch(`${bot.app.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await res.text();
  done = true;
  await polling;
  loop.disable();
  const replies = bot.connector.calls
    .filter((c) => c.method === 'POST' && c.activity?.replyToId === activity.id)
    .map((c) => JSON.stringify(c.activity));
  return {
    status: res.status,
    overBodyLimit: Buffer.byteLength(body) > MAX_ACTIVITY_BYTES,
    replies,
    healthzMs,
    maxLoopDelayMs: loop.max / 1e6,
  };
}

const TOO_LONG =
  /That message is too long to be a command \([\d,]+ characters\); commands are short, e\.g\. `show contoso`/;
const HELP = /show \{set\}/;

/**
 * The answer: the expected reply, or (for a body over the HTTP edge's limit) a 413 and no reply.
 * Either way /healthz kept answering and the event loop was never held.
 */
function expectPromptAnswer(result: Processed, answer: RegExp): void {
  if (result.overBodyLimit && result.status === 413) expect(result.replies).toEqual([]);
  else {
    expect(result.status).toBe(200);
    expect(result.replies.join('\n')).toMatch(answer);
  }
  expect(result.healthzMs.length).toBeGreaterThan(0);
  // The event-loop bound below is the strict guard; /healthz's round trip also waits for the
  // other jest worker on a 2-core machine, so its bound only has to catch a held loop (seconds).
  expect(Math.max(...result.healthzMs)).toBeLessThan(250);
  expect(result.maxLoopDelayMs).toBeLessThan(50);
}

describe('hostile message texts over POST /api/messages', () => {
  it.each<[string, string, RegExp]>([
    ['a 1 MB word', 'x'.repeat(1024 * 1024), TOO_LONG],
    ['100,000 "\u2039" (300 KB of UTF-8)', '\u2039'.repeat(100_000), TOO_LONG],
    ['80,000 "\u2039" (within the body limit)', '\u2039'.repeat(80_000), TOO_LONG],
    ['100,000 "<" with no ">"', '<'.repeat(100_000), TOO_LONG],
    ['"show " and 10,000 characters', `show ${'y'.repeat(10_000)}`, TOO_LONG],
    [
      '"show " and 990 characters (just short enough to be read)',
      `show ${'y'.repeat(990)}`,
      /no flow set named/,
    ],
    ['a 200,000-character word', 'x'.repeat(200_000), TOO_LONG],
    ['3,000 unclosed "<at>" (a mention bomb that cleans to nothing)', '<at>'.repeat(3_000), HELP],
    ['3,000 "<at>", one "</at>" and a command', `${'<at>'.repeat(3_000)}</at> whoami`, /Who am I/],
    ['60,000 unclosed "<at>"', '<at>'.repeat(60_000), TOO_LONG],
    ['"<at>x" and 20,000 "</a"', `<at>x${'</a'.repeat(20_000)}`, TOO_LONG],
  ])(
    'when a message of %s arrives, then it is answered promptly, /healthz answers within 250 ms and the event loop is never held 50 ms',
    async (_what, text, answer) => {
      // Best of up to three tries: a quadratic path blocks on every try, while a busy CI machine
      // (other jest workers, GC) can stall one try that did nothing wrong.
      let result: Processed | undefined;
      let tookMs = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3; attempt++) {
        const start = performance.now();
        const tried = await process(text);
        const took = performance.now() - start;
        const healthz = Math.max(...tried.healthzMs);
        if (
          !result ||
          tried.maxLoopDelayMs + healthz < result.maxLoopDelayMs + Math.max(...result.healthzMs)
        ) {
          result = tried;
          tookMs = took;
        }
        if (result.maxLoopDelayMs < 50 && Math.max(...result.healthzMs) < 100) break;
      }
      expect(tookMs).toBeLessThan(1000);
      expectPromptAnswer(result!, answer);
    },
  );
});
