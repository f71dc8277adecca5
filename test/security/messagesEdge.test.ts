/**
 * Attacks on POST /api/messages in production mode (issue 11, items 1, 3 and 7): what reaches
 * the bot before authentication, forged tokens, and malformed activities. Every refusal is a short
 * JSON body of our own; no library message, stack or token ever comes back.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHmac, randomUUID } from 'node:crypto';
import { MAX_ACTIVITY_BYTES } from '../../src/teams/server';
import {
  activity,
  BOT_ID,
  BOT_TENANT_ID,
  CHANNEL_ISSUER,
  rawJwt,
  SERVICE_URL,
  startEdge,
  type Edge,
} from './edgeHarness';

const LIBRARY_TEXT =
  /jwt|signature|algorithm|invalid|token|issuer|audience|expired|Unauthorized\.|stack|at \w|Error/;
const now = () => Math.floor(Date.now() / 1000);

let edge: Edge;
beforeAll(async () => {
  edge = await startEdge();
});
afterAll(() => edge.close());

describe('POST /api/messages before authentication: the body', () => {
  it('when 20 anonymous multipart uploads arrive, then each gets 415 and no file appears in the temp folder', async () => {
    // restify's multipart parser (formidable) wrote each upload to os.tmpdir() before auth.
    // Other processes may add folders there meanwhile; an upload would be a new regular file.
    const files = () =>
      new Set(
        readdirSync(tmpdir(), { withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => d.name),
      );
    const before = files();
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(64 * 1024, i)]), `upload-${i}.bin`);
        const res = await fetch(`${edge.url}/api/messages`, { method: 'POST', body: form });
        expect(await res.json()).toEqual({ error: 'content type must be application/json' });
        return res.status;
      }),
    );
    expect(statuses).toEqual(Array(20).fill(415));
    expect([...files()].filter((name) => !before.has(name))).toEqual([]);
  });

  it.each([
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['application/octet-stream'],
    ['multipart/mixed; boundary=x'],
    ['application/json-patch+json'],
    ['text/json'],
    ['application/json; charset=latin1'],
  ])('when the content type is %s, then it gets 415', async (type) => {
    const res = await edge.post(activity(), { 'content-type': type });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'content type must be application/json' });
  });

  it('when there is no content type, then it gets 415', async () => {
    const res = await fetch(`${edge.url}/api/messages`, {
      method: 'POST',
      body: new Blob([JSON.stringify(activity())]),
    });
    expect(res.status).toBe(415);
  });

  it('when the JSON is gzip-encoded, then it gets 415 (nothing is inflated)', async () => {
    const res = await edge.post(activity(), {
      'content-encoding': 'gzip',
      authorization: `Bearer ${await edge.channelToken()}`,
    });
    expect(res.status).toBe(415);
  });

  it('when the content type is application/json; charset=utf-8, then the activity is handled', async () => {
    const res = await edge.post(activity(), {
      'content-type': 'application/json; charset=utf-8',
      authorization: `Bearer ${await edge.channelToken()}`,
    });
    expect(res.status).toBe(200);
  });

  it('when an authenticated body is larger than the limit, then it gets 413', async () => {
    const big = activity({ text: 'x'.repeat(MAX_ACTIVITY_BYTES) });
    const res = await edge.post(big, { authorization: `Bearer ${await edge.channelToken()}` });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: `request body must be at most ${MAX_ACTIVITY_BYTES} bytes`,
    });
  });

  it('when a large body is streamed without a length, then it gets 413 too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${edge.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await edge.channelToken()}`,
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('when an anonymous body is larger than the limit, then it gets 401 without being read', async () => {
    const res = await edge.post(activity({ text: 'x'.repeat(MAX_ACTIVITY_BYTES) }));
    expect(res.status).toBe(401);
  });

  it.each([['not json'], ['[1,2]'], ['"text"'], ['null']])(
    'when the body is %s, then it gets 400',
    async (body) => {
      const res = await edge.post(body, { authorization: `Bearer ${await edge.channelToken()}` });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'body must be a JSON object' });
    },
  );
});

describe('POST /api/messages with forged or broken tokens', () => {
  const base = () => ({
    iss: CHANNEL_ISSUER,
    aud: BOT_ID,
    serviceurl: SERVICE_URL,
    nbf: now() - 60,
    exp: now() + 3600,
  });
  const forgeries: Array<[string, (e: Edge) => Promise<string | undefined>]> = [
    ['no Authorization header', async () => undefined],
    ['an empty header', async () => ''],
    ['garbage', async () => 'Bearer garbage'],
    ['a Basic header', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['two parts', async () => `Bearer ${rawJwt({ alg: 'RS256' }, base()).split('.', 2).join('.')}`],
    ['a lower-case scheme', async (e) => `bearer ${await e.channelToken()}`],
    ['two spaces', async (e) => `Bearer  ${await e.channelToken()}`],
    [
      'a header that is not JSON',
      async () => `Bearer bm90IGpzb24.${rawJwt({}, base()).split('.')[1]}.c2ln`,
    ],
    [
      'a payload that is a JSON array',
      async (e) => `Bearer ${rawJwt({ alg: 'RS256', kid: e.kid }, [1])}`,
    ],
    [
      'an oversized header (9 KiB)',
      async (e) => `Bearer ${await e.channelToken({ pad: 'x'.repeat(9 * 1024) })}`,
    ],
    [
      'alg none, no signature',
      async (e) => `Bearer ${rawJwt({ alg: 'none', kid: e.kid }, base(), '')}`,
    ],
    [
      'alg none with a signature',
      async (e) => `Bearer ${rawJwt({ alg: 'none', kid: e.kid }, base())}`,
    ],
    [
      'HS256 signed with the public key',
      async (e) => {
        const unsigned = rawJwt({ alg: 'HS256', typ: 'JWT', kid: e.kid }, base(), '');
        const mac = createHmac('sha256', e.publicKeyPem).update(unsigned.slice(0, -1)).digest();
        return `Bearer ${unsigned}${mac.toString('base64url')}`;
      },
    ],
    [
      'our own key, a kid not in the JWKS',
      async () => {
        const { generateKeyPair, SignJWT } = await import('jose');
        const { privateKey } = await generateKeyPair('RS256');
        const jwt = await new SignJWT(base())
          .setProtectedHeader({ alg: 'RS256', kid: 'attacker-key' })
          .sign(privateKey);
        return `Bearer ${jwt}`;
      },
    ],
    [
      'our own key, the trusted kid (invalid signature)',
      async (e) => {
        const { generateKeyPair, SignJWT } = await import('jose');
        const { privateKey } = await generateKeyPair('RS256');
        const jwt = await new SignJWT(base())
          .setProtectedHeader({ alg: 'RS256', kid: e.kid })
          .sign(privateKey);
        return `Bearer ${jwt}`;
      },
    ],
    [
      'a trusted token with its signature cut off',
      async (e) => `Bearer ${(await e.channelToken()).replace(/\.[^.]+$/, '.')}`,
    ],
    [
      'an HS256 header on a real RS256 signature',
      async (e) => {
        const [, payload, sig] = (await e.channelToken()).split('.');
        const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: e.kid })).toString(
          'base64url',
        );
        return `Bearer ${header}.${payload}.${sig}`;
      },
    ],
    ['no kid', async (e) => `Bearer ${await e.sign(base(), { kid: undefined })}`],
    [
      'an expired token',
      async (e) => `Bearer ${await e.channelToken({ nbf: now() - 7200, exp: now() - 3600 })}`,
    ],
    [
      'a token not valid for an hour',
      async (e) => `Bearer ${await e.channelToken({ nbf: now() + 3600 })}`,
    ],
    ['no exp', async (e) => `Bearer ${await e.sign({ ...base(), exp: undefined })}`],
    ['the wrong aud', async (e) => `Bearer ${await e.channelToken({ aud: randomUUID() })}`],
    ['an aud array', async (e) => `Bearer ${await e.channelToken({ aud: [BOT_ID] })}`],
    [
      'the wrong iss',
      async (e) => `Bearer ${await e.channelToken({ iss: 'https://evil.example' })}`,
    ],
    [
      'another serviceurl',
      async (e) => `Bearer ${await e.channelToken({ serviceurl: 'http://127.0.0.1:8/' })}`,
    ],
    [
      'a channel token with a foreign tid',
      async (e) => `Bearer ${await e.channelToken({ tid: randomUUID() })}`,
    ],
    [
      'a channel token with a numeric tid',
      async (e) => `Bearer ${await e.channelToken({ tid: 42 })}`,
    ],
    [
      'an Entra token of another tenant',
      async (e) => {
        const tid = randomUUID();
        return `Bearer ${await e.sign({ ...base(), iss: `https://sts.windows.net/${tid}/`, tid, ver: '1.0', appid: BOT_ID })}`;
      },
    ],
    [
      'an Entra token of the botframework.com tenant (not ours: SingleTenant)',
      async (e) => {
        const tid = 'd6d49420-f39b-4df7-a1dc-d59a935871db';
        return `Bearer ${await e.sign({ ...base(), iss: `https://sts.windows.net/${tid}/`, tid, ver: '1.0', appid: BOT_ID })}`;
      },
    ],
    [
      'our tenant in upper case',
      async (e) => {
        const tid = BOT_TENANT_ID.toUpperCase();
        return `Bearer ${await e.sign({ ...base(), iss: `https://sts.windows.net/${BOT_TENANT_ID}/`, tid, ver: '1.0', appid: BOT_ID })}`;
      },
    ],
    [
      'an Entra token of our tenant for another app',
      async (e) =>
        `Bearer ${await e.sign({ ...base(), iss: `https://sts.windows.net/${BOT_TENANT_ID}/`, tid: BOT_TENANT_ID, ver: '1.0', appid: randomUUID() })}`,
    ],
  ];

  it.each(forgeries)(
    'when the request carries %s, then it gets 401 and our own body',
    async (_, make) => {
      const authorization = await make(edge);
      const turnsBefore = edge.turns.length;
      const res = await edge.post(activity(), authorization === undefined ? {} : { authorization });
      const text = await res.text();
      expect(res.status).toBe(401);
      expect(text).toBe('{"error":"unauthorized"}');
      expect(text).not.toMatch(LIBRARY_TEXT);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(edge.turns.length).toBe(turnsBefore);
    },
  );

  it('when refusals are logged, then the lines hold a reason and never the token', async () => {
    const token = await edge.channelToken({ tid: randomUUID() });
    edge.logLines.length = 0;
    await edge.post(activity(), { authorization: `Bearer ${token}` });
    expect(edge.logLines).toHaveLength(1);
    expect(JSON.parse(edge.logLines[0])).toMatchObject({
      level: 'debug',
      msg: 'bot request rejected',
      status: 401,
      check: 'tenant',
    });
    expect(edge.logLines[0]).not.toContain(token.split('.')[1]);
  });

  it('when a genuine channel token comes (no tid), then the turn runs', async () => {
    const before = edge.turns.length;
    const res = await edge.post(activity(), {
      authorization: `Bearer ${await edge.channelToken()}`,
    });
    expect(res.status).toBe(200);
    expect(edge.turns.slice(before)).toEqual(['message']);
  });

  it('when a genuine channel token carries the botframework.com tid, then the turn runs', async () => {
    const token = await edge.channelToken({ tid: 'd6d49420-f39b-4df7-a1dc-d59a935871db' });
    expect((await edge.post(activity(), { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('when a genuine Entra (emulator) token of our own tenant comes, then the turn runs', async () => {
    const token = await edge.sign({
      iss: `https://sts.windows.net/${BOT_TENANT_ID}/`,
      aud: BOT_ID,
      tid: BOT_TENANT_ID,
      ver: '1.0',
      appid: BOT_ID,
      nbf: now() - 60,
      exp: now() + 3600,
    });
    const res = await edge.post(activity(), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/messages with a malformed activity (authenticated)', () => {
  const post = async (body: Record<string, unknown>) =>
    edge.post(body, { authorization: `Bearer ${await edge.channelToken()}` });
  const without = (key: string) => {
    const a = activity();
    delete a[key];
    return a;
  };

  it.each([
    ['no type', () => without('type'), 'type'],
    ['a numeric type', () => activity({ type: 7 }), 'type'],
    ['an empty type', () => activity({ type: '' }), 'type'],
    ['no channelId', () => without('channelId'), 'channelId'],
    ['no conversation', () => without('conversation'), 'conversation'],
    ['a numeric conversation.id', () => activity({ conversation: { id: 5 } }), 'conversation'],
    ['a numeric serviceUrl', () => activity({ serviceUrl: 12 }), 'serviceUrl'],
    ['an object serviceUrl', () => activity({ serviceUrl: { href: SERVICE_URL } }), 'serviceUrl'],
    ['a serviceUrl that is not a URL', () => activity({ serviceUrl: 'smba' }), 'serviceUrl'],
    ['a file: serviceUrl', () => activity({ serviceUrl: 'file:///etc/passwd' }), 'serviceUrl'],
    [
      'a javascript: serviceUrl',
      () => activity({ serviceUrl: 'javascript:alert(1)' }),
      'serviceUrl',
    ],
    [
      'a serviceUrl with credentials',
      () => activity({ serviceUrl: 'https://u:p@smba.trafficmanager.net/' }),
      'serviceUrl',
    ],
    ['a numeric from.id', () => activity({ from: { id: 1 } }), 'from'],
  ])('when the activity has %s, then it gets 400 naming the field', async (_, make, field) => {
    const before = edge.turns.length;
    const res = await post(make());
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body).toEqual({ error: 'invalid activity', fields: [field] });
    expect(edge.turns.length).toBe(before);
  });

  it('when serviceUrl is missing, then it gets 400 at once (no fallback to api.botframework.com)', async () => {
    const started = Date.now();
    const res = await post(without('serviceUrl'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid activity', fields: ['serviceUrl'] });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when serviceUrl is an https URL in production mode, then it passes the shape check', async () => {
    // The token's serviceurl claim still has to match: 401, not 400.
    const res = await post(activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    expect(res.status).toBe(401);
  });
});
