/**
 * Sandbox mode (no BOT_ID, authentication off): the body rules still hold, and an activity's
 * serviceUrl must point at this machine, so a request cannot make the bot call out elsewhere.
 */
import { MAX_ACTIVITY_BYTES } from '../../src/teams/server';
import { activity, startEdge, type Edge } from './edgeHarness';

let edge: Edge;
beforeAll(async () => {
  edge = await startEdge({ sandbox: true });
});
afterAll(() => edge.close());

describe('POST /api/messages in sandbox mode', () => {
  it.each([
    ['http://127.0.0.1:9/'],
    ['http://127.8.9.10:9/api'],
    ['http://localhost:9/'],
    ['http://[::1]:9/'],
    ['https://127.0.0.1/'],
  ])('when serviceUrl is the loopback %s, then the turn runs', async (serviceUrl) => {
    const before = edge.turns.length;
    const res = await edge.post(activity({ serviceUrl }));
    expect(res.status).toBe(200);
    expect(edge.turns.length).toBe(before + 1);
  });

  it.each([
    ['http://10.0.0.1/'],
    ['https://smba.trafficmanager.net/emea/'],
    ['http://169.254.169.254/latest/meta-data/'],
    ['http://localhost.evil.example/'],
    ['http://127.0.0.1.nip.io/'],
    ['http://[::ffff:a00:1]/'],
    ['http://0.0.0.0:9/'],
    ['ftp://127.0.0.1/'],
    ['http://user:pass@127.0.0.1:9/'],
  ])('when serviceUrl is %s, then it gets 400', async (serviceUrl) => {
    const res = await edge.post(activity({ serviceUrl }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid activity', fields: ['serviceUrl'] });
  });

  it('when serviceUrl is missing, then it gets 400 at once', async () => {
    const a = activity();
    delete a.serviceUrl;
    const started = Date.now();
    const res = await edge.post(a);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when the activity has no type, then it gets 400', async () => {
    const a = activity();
    delete a.type;
    expect((await edge.post(a)).status).toBe(400);
  });

  it('when a multipart upload arrives, then it gets 415', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.bin');
    const res = await fetch(`${edge.url}/api/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
  });

  it('when the body is larger than the limit, then it gets 413', async () => {
    const res = await edge.post(activity({ text: 'x'.repeat(MAX_ACTIVITY_BYTES) }));
    expect(res.status).toBe(413);
  });

  it('when a made-up token comes along, then it is ignored (auth is off) and the turn runs', async () => {
    const res = await edge.post(activity(), { authorization: 'Bearer whatever' });
    expect(res.status).toBe(200);
  });
});
