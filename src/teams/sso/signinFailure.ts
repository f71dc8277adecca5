/**
 * `signin/failure` (newer Teams clients): Teams tells the bot why the silent sign-in did not
 * happen. botbuilder has no handler for it (it would answer 501, docs/teams-notes.md#sso-token-exchange), so we
 * log the code and tell the user, in plain words, what to do.
 */
import { z } from 'zod';

export const SigninFailureValue = z.object({
  code: z.string().max(200).optional(),
  message: z.string().max(2000).optional(),
});
export type SigninFailureValue = z.infer<typeof SigninFailureValue>;

export function signinFailureAdvice(
  code: string | undefined,
  context: { appIdUri: string; adminConsentUrl: string },
): string {
  switch (code?.toLowerCase()) {
    case 'resourcematchfailed':
      return (
        'Single sign-on is not set up correctly: the Application ID URI in the Teams app manifest ' +
        '(webApplicationInfo.resource) does not match the one on the Entra app registration ' +
        `("Expose an API"). Ask your Teams administrator to make both ${context.appIdUri}.`
      );
    case 'installedappnotfound':
    case 'installappfailed':
      return (
        'Teams could not find SDS Flow Admin installed for you personally, which sign-in needs. ' +
        'Add the app for yourself (Apps → SDS Flow Admin → Add), then try again.'
      );
    case 'authrequestfailed':
      return (
        'Microsoft Entra ID refused the sign-in request. A Global Administrator may need to grant ' +
        `SDS Flow Admin its permissions for this tenant: ${context.adminConsentUrl}`
      );
    case 'userconsentrequired':
    case 'interactionrequired':
      return 'Sign-in needs your confirmation: use the Sign in button on the card, then try again.';
    default:
      return (
        `Teams could not sign you in${code ? ` (${code})` : ''}. Please try again; if it keeps ` +
        "failing, ask your administrator to check the bot's single sign-on setup."
      );
  }
}
