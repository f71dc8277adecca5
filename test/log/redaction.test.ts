/**
 * No token, secret, password or assertion reaches a log line: the pino logger's own guarantees,
 * then real code paths that log errors carrying such values (Graph answers echoing the bearer
 * header, the error boundary's "turn failed" line with a cause that quotes a token request).
 * The identity flows (msal) and Teams SSO run the same check in
 * test/identity/noSecretsInLogs.test.ts and test/teams/sso/teamsSso.test.ts.
 */
import type { TurnContext } from 'botbuilder';
import { AppError } from '../../src/errors';
import { createGraphClient } from '../../src/graph';
import { createLogger, createMemoryLogger } from '../../src/log';
import { logFailure } from '../../src/teams/errorBoundary';
import { failure } from '../support/failure';
import { sendJson, startStub } from '../graph/stubServer';

const JWT =
  'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw';
const SECRET = 'Client~Secret~7Q8x.must-not-leak';
const PASSWORD = 'P@ssw0rd-must-not-leak';
const NEEDLES = [JWT, JWT.split('.')[2]!, SECRET, PASSWORD];

function expectClean(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  const log = lines.join('\n');
  for (const needle of NEEDLES) expect(log).not.toContain(needle);
  expect(log).not.toMatch(/eyJ[\w-]{5,}\.[\w-]{5,}\./);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
}

describe('log redaction (pino)', () => {
  it('when fields, messages, errors and child bindings carry secrets, then every line is clean', () => {
    const { logger, lines } = createMemoryLogger('debug');
    logger.info(`token request with Bearer ${JWT}`, {
      password: PASSWORD,
      nested: { clientSecret: SECRET, list: [{ assertion: JWT }], note: `sso ${JWT}` },
      headers: { authorization: `Bearer ${JWT}`, Authorization: JWT },
      body: `grant_type=jwt-bearer&client_secret=${SECRET}&assertion=${JWT}`,
      json: `{"userPassword":"${PASSWORD}","displayName":"kept"}`,
      error: new Error(`AADSTS50013: assertion ${JWT} rejected`),
    });
    logger.child({ accessToken: JWT, component: 'x' }).warn('child line', { secret: SECRET });
    logger.debug(`client_secret=${SECRET}`);
    expectClean(lines);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ level: 'info', password: '[redacted]', msg: expect.any(String) });
    expect(first.json).toContain('"displayName":"kept"');
    expect(JSON.parse(lines[1]!)).toMatchObject({
      level: 'warn',
      component: 'x',
      msg: 'child line',
    });
  });

  it('when a line is below the level, then nothing is written and enabled() says so', () => {
    const { logger, lines } = createMemoryLogger('info');
    expect(logger.enabled?.('debug')).toBe(false);
    logger.debug('off', { password: PASSWORD });
    expect(lines).toEqual([]);
  });

  it('when pretty output is asked for, then it is written without secrets too', () => {
    const writes: string[] = [];
    const logger = createLogger({ format: 'pretty', sink: (line) => writes.push(line) });
    logger.warn(`readable Bearer ${JWT}`, { password: PASSWORD });
    const text = writes.join('');
    expect(text).toContain('WARN');
    expect(text).toContain('readable');
    for (const needle of NEEDLES) expect(text).not.toContain(needle);
  });
});

describe('log redaction on real error paths', () => {
  let stub: Awaited<ReturnType<typeof startStub>>;
  beforeAll(async () => {
    stub = await startStub();
  });
  afterAll(() => stub.close());

  it('when Graph answers errors that echo the bearer header, then neither its log lines nor the turn-failed line carry the token', async () => {
    const { logger, lines } = createMemoryLogger('debug');
    stub.handler = (req, res) =>
      sendJson(res, req.method === 'GET' ? 503 : 401, {
        error: {
          code: 'InvalidAuthenticationToken',
          message: `Token rejected: ${req.headers.authorization}; client_secret=${SECRET}`,
        },
      });
    const graph = createGraphClient({
      baseUrl: stub.baseUrl,
      logger,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    }).as(async () => JWT);
    const errors = [
      await failure(graph.getFlowSet('s1')),
      await failure(graph.createFlowSet({ displayName: 'x' })),
    ];
    const ctx = {
      activity: {
        id: 'a1',
        type: 'message',
        conversation: { id: 'c1' },
        from: { aadObjectId: 'u1' },
      },
    } as unknown as TurnContext;
    for (const err of errors) logFailure(logger, ctx, err);
    logFailure(
      logger,
      ctx,
      new AppError('internal', 'Something went wrong.', {
        cause: new Error(`POST /token failed: client_assertion=${JWT}&client_secret=${SECRET}`),
        fields: { password: PASSWORD, userPassword: PASSWORD },
      }),
    );
    expect(lines.filter((l) => l.includes('"graph request"')).length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.includes('"turn failed"'))).toHaveLength(3);
    expectClean(lines);
  });
});
