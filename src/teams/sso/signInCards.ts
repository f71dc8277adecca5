/**
 * What the bot shows to start a Teams sign-in:
 * - in 1:1 chat, an OAuthCard whose `tokenExchangeResource` makes Teams fetch an SSO token
 *   silently and send it back as `signin/tokenExchange` (docs/teams-notes.md#sso-token-exchange);
 * - for an Action.Execute, the same resource inside a 401 `loginRequest` (docs/teams-notes.md#sso-on-a-card-button);
 * - in group chats and channels, where bot SSO is not supported (docs/teams-notes.md#sso-token-exchange), a card
 *   whose Action.Execute button re-runs the command, so the loginRequest flow signs the user in.
 *
 * `uri` is `<Application ID URI>/access_as_user`, as TeamsFx does (docs/teams-notes.md#own-on-behalf-of-exchange): a scope under the
 * Application ID URI. A different URI makes Teams fail with `resourcematchfailed`.
 *
 * The sign-in button (`signInLink`) is only used when the silent exchange fails (412): Teams then
 * opens that page in a pop-up. No such page is hosted yet; without one the button is left out
 * (an OAuthCard/loginRequest without a button is accepted by botbuilder; how every Teams client
 * renders it is [UNCONFIRMED]), and the user is told in words what to do instead.
 */
import { randomUUID } from 'node:crypto';
import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { escapeMarkdown } from '../../views/markdown';
import { type AdaptiveCard } from '../../domain/adaptiveCard';
import type { LoginRequest } from '../invokeResponse';

export interface SignInSettings {
  /** e.g. api://botid-<BOT_ID> (no trailing slash). */
  appIdUri: string;
  /** The fallback sign-in page, if one is hosted. */
  signInLink?: string;
}

const TITLE = 'Sign in';
const TEXT = 'Sign in to SDS Flow Admin so it can manage School Data Sync for you.';

export function tokenExchangeResource(settings: SignInSettings): { id: string; uri: string } {
  // A fresh id per request: Teams echoes it as `value.id`, which keys the deduplication.
  return { id: randomUUID(), uri: `${settings.appIdUri.replace(/\/+$/, '')}/access_as_user` };
}

export function oauthCardAttachment(settings: SignInSettings): Attachment {
  const attachment = CardFactory.oauthCard(
    '', // no Azure Bot Service OAuth connection: we exchange the token ourselves (docs/teams-notes.md#app-registration, #own-on-behalf-of-exchange)
    TITLE,
    TEXT,
    settings.signInLink,
    tokenExchangeResource(settings),
  );
  if (!settings.signInLink) (attachment.content as { buttons: unknown[] }).buttons = [];
  return attachment;
}

export function oauthCardActivity(settings: SignInSettings): Partial<Activity> {
  return MessageFactory.attachment(oauthCardAttachment(settings));
}

export function loginRequest(settings: SignInSettings): LoginRequest {
  return {
    text: TEXT,
    connectionName: '',
    tokenExchangeResource: tokenExchangeResource(settings),
    buttons: settings.signInLink
      ? [{ type: 'signin', title: TITLE, value: settings.signInLink }]
      : [],
  };
}

/** For group chats and channels: one click runs the command, signing in on the way (docs/teams-notes.md#sso-on-a-card-button). */
export function signInAndRunCard(commandText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5', // Action.Execute needs ≥ 1.4; Teams renders ≤ 1.5 (docs/teams-notes.md#adaptive-card-versions)
    body: [
      { type: 'TextBlock', text: 'Sign-in needed', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: `To run "${escapeMarkdown(commandText)}" I need to act as you in Microsoft 365. Press the button: Teams signs you in and runs it.`,
        wrap: true,
      },
    ],
    actions: [
      {
        type: 'Action.Execute',
        title: 'Sign in and run',
        verb: 'command.run',
        data: { command: commandText },
      },
    ],
  };
}
