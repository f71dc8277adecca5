import {
  CARD_TYPE,
  ERROR_TYPE,
  LOGIN_REQUEST_TYPE,
  MESSAGE_TYPE,
  cardInvokeResponse,
  errorInvokeResponse,
  loginRequestInvokeResponse,
  messageInvokeResponse,
  preconditionFailedInvokeResponse,
} from '../../src/teams/invokeResponse';

const card = { type: 'AdaptiveCard' as const, version: '1.5', body: [] };
const login = {
  text: 'Sign in',
  connectionName: '',
  tokenExchangeResource: { id: 'x', uri: 'api://botid-1' },
  buttons: [{ type: 'signin' as const, title: 'Sign in', value: 'https://example.invalid' }],
};

// Teams needs HTTP 200 for every handled Action.Execute, with the outcome in the body
// (docs/teams-notes.md#invoke-responses); the card type is `…card.adaptive`, never `…adaptive.card`.
describe('invoke responses', () => {
  it.each([
    ['a card', cardInvokeResponse(card), 200, CARD_TYPE, card],
    ['a message', messageInvokeResponse('Done'), 200, MESSAGE_TYPE, 'Done'],
    [
      'an error',
      errorInvokeResponse(400, 'BadRequest', 'no'),
      400,
      ERROR_TYPE,
      { code: 'BadRequest', message: 'no' },
    ],
    ['a login request', loginRequestInvokeResponse(login), 401, LOGIN_REQUEST_TYPE, login],
  ])(
    'when the bot answers with %s, then HTTP is 200 and the body carries the status and type',
    (_n, res, statusCode, type, value) => {
      expect(res).toEqual({ status: 200, body: { statusCode, type, value } });
    },
  );

  it('when an SSO exchange failed, then the 412 body is the documented preconditionFailed shape', () => {
    expect(preconditionFailedInvokeResponse('consent')).toEqual({
      status: 200,
      body: {
        statusCode: 412,
        type: 'application/vnd.microsoft.error.preconditionFailed',
        value: { code: '412', message: 'consent' },
      },
    });
  });

  it('then the adaptive card type is spelled the way Teams expects', () => {
    expect(CARD_TYPE).toBe('application/vnd.microsoft.card.adaptive');
  });
});
