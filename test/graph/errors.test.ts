import { AppError } from '../../src/errors';
import {
  GraphCallError,
  mapHttpError,
  mapNoAnswer,
  plainGraphMessage,
  readGraphError,
} from '../../src/graph/errors';

const context = { what: 'flow set', permission: 'IndustryData-OutboundFlow.ReadWrite.All' };
const cause = new GraphCallError('x', { method: 'PATCH', path: '/p', clientRequestId: 'c' });
const graphBody = (code: string, message: string) => ({
  error: { code, message, innerError: { code: 'inner', 'request-id': 'r', date: 'd' } },
});
const map = (
  status: number,
  body: unknown = graphBody('badRequest', 'Display name is too long'),
  retryAfterMs?: number,
) => mapHttpError({ status, body, requestId: 'req-1', context, retryAfterMs, cause });

describe('mapHttpError', () => {
  it.each<[number, string, boolean]>([
    [400, 'validation', false],
    [422, 'validation', false],
    [409, 'conflict', false],
    [412, 'conflict', false],
    [404, 'not_found', false],
    [410, 'not_found', false],
    [401, 'forbidden', false],
    [403, 'forbidden', false],
    [429, 'throttled', true],
    [500, 'unavailable', true],
    [503, 'unavailable', true],
    [504, 'unavailable', true],
    [405, 'internal', false],
    [415, 'internal', false],
  ])('when Graph answers %d, then the code is %s (retryable %s)', (status, code, retryable) => {
    const err = map(status);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(err.requestId).toBe('req-1');
    expect(err.status).toBe(status);
    expect(err.cause).toBe(cause);
  });

  it('when Graph rejects a body, then its message is quoted in plain words', () => {
    expect(map(400).userMessage).toBe(
      'Microsoft Graph did not accept the flow set. Microsoft Graph said: "Display name is too long."',
    );
  });

  it('when access is refused, then the message names the permission and the admin role', () => {
    const message = map(403).userMessage;
    expect(message).toContain('IndustryData-OutboundFlow.ReadWrite.All');
    expect(message).toContain('Global Administrator');
  });

  it('when throttled with a known wait, then the message says how long', () => {
    expect(map(429, undefined, 9_500).userMessage).toContain('about 10 seconds');
  });

  it('when the error body is not Graph JSON, then the mapping still works', () => {
    expect(map(400, '<html>bad gateway</html>').userMessage).toBe(
      'Microsoft Graph did not accept the flow set.',
    );
  });
});

describe('mapNoAnswer', () => {
  it('when a read timed out, then it is unavailable and retryable', () => {
    const err = mapNoAnswer({
      transport: 'timeout',
      ambiguousWrite: false,
      requestId: 'c',
      context,
      cause,
    });
    expect([err.code, err.retryable]).toEqual(['unavailable', true]);
  });

  it('when a POST got no answer, then the user is told to check before retrying', () => {
    const err = mapNoAnswer({
      transport: 'http',
      status: 504,
      ambiguousWrite: true,
      requestId: 'c',
      context,
      cause,
    });
    expect([err.code, err.retryable]).toEqual(['unavailable', false]);
    expect(err.userMessage).toContain('may or may not have been made');
    expect(err.userMessage).toContain('HTTP 504');
  });
});

describe('readGraphError', () => {
  it.each([
    [graphBody('BadRequest', 'm'), { code: 'BadRequest', message: 'm', innerCode: 'inner' }],
    [
      { error: { code: 'x', innererror: { code: 'y' } } },
      { code: 'x', message: undefined, innerCode: 'y' },
    ],
    [{ error: { code: 'x' } }, { code: 'x', message: undefined, innerCode: undefined }],
    ['not json', {}],
    [undefined, {}],
  ])('when the body is %j, then %j is read', (body, expected) => {
    expect(readGraphError(body)).toEqual(expected);
  });
});

describe('plainGraphMessage', () => {
  it.each([
    ['  Invalid   OData\n type ', 'Invalid OData type.'],
    ['Already there!', 'Already there!'],
    ['', undefined],
    [undefined, undefined],
  ])('when Graph says %j, then we show %j', (input, expected) => {
    expect(plainGraphMessage(input)).toBe(expected);
  });

  it('when the message is very long, then it is cut', () => {
    expect(plainGraphMessage('a'.repeat(1000))?.length).toBe(298);
  });
});
