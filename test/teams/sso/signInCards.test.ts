/** The sign-in cards and the signin/failure advice: shapes Teams depends on (docs/teams-notes.md#sso-token-exchange, #sso-on-a-card-button). */
import { loginRequest, oauthCardAttachment } from '../../../src/teams/sso/signInCards';
import { signinFailureAdvice } from '../../../src/teams/sso/signinFailure';

const settings = { appIdUri: 'api://botid-6f1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' };

describe('OAuthCard and loginRequest', () => {
  it('when built, then the resource is a scope under the Application ID URI with a fresh id each time', () => {
    const a = oauthCardAttachment(settings);
    const b = oauthCardAttachment(settings);
    expect(a.contentType).toBe('application/vnd.microsoft.card.oauth');
    expect(a.content).toMatchObject({
      connectionName: '',
      tokenExchangeResource: { uri: `${settings.appIdUri}/access_as_user` },
    });
    const idOf = (x: typeof a) =>
      (x.content as { tokenExchangeResource: { id: string } }).tokenExchangeResource.id;
    expect(idOf(a)).not.toBe(idOf(b));
  });

  it.each([
    ['no fallback page is configured', undefined, []],
    [
      'a fallback page is configured',
      'https://bot.example/auth-start.html',
      [{ type: 'signin', title: 'Sign in', value: 'https://bot.example/auth-start.html' }],
    ],
  ])('when %s, then the sign-in buttons are %j', (_name, signInLink, buttons) => {
    expect(loginRequest({ ...settings, signInLink }).buttons).toEqual(buttons);
    expect(
      (oauthCardAttachment({ ...settings, signInLink }).content as { buttons: unknown[] }).buttons,
    ).toHaveLength(buttons.length);
  });
});

describe('signin/failure advice', () => {
  const context = {
    appIdUri: settings.appIdUri,
    adminConsentUrl: 'https://login.example/adminconsent',
  };
  it.each([
    ['resourcematchfailed', settings.appIdUri],
    ['installedappnotfound', 'Add the app'],
    ['authrequestfailed', 'https://login.example/adminconsent'],
    ['userconsentrequired', 'Sign in button'],
    ['invokeerror', '(invokeerror)'],
    [undefined, 'try again'],
  ])('when the code is %s, then the advice mentions %s', (code, expected) => {
    expect(signinFailureAdvice(code, context)).toContain(expected);
  });
});
