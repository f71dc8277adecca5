/** View-models for the cards that report problems: unknown command and errors. */
import type { AppError } from '../errors';
import type { CommandHelp } from './helpCard';
import { AdaptiveCard, renderCard } from './render';

export function unknownCommandCard(
  input: string,
  suggestions: readonly CommandHelp[],
): AdaptiveCard {
  const shown = input.length > 60 ? input.slice(0, 57) + '...' : input;
  return renderCard('unknown-command', {
    message: `I didn't understand "${shown}".`,
    hint: suggestions.length ? 'Did you mean one of these?' : 'Here is what I can do:',
    suggestions: suggestions.map((c) => ({ usage: c.usage, name: c.name })),
  });
}

const TITLES: Record<string, string> = {
  bad_input: 'That did not work',
  not_found: 'Not found',
  forbidden: 'Permission needed',
  consent_required: 'Admin consent needed',
  sign_in_required: 'Please sign in',
  conflict: 'Changed in the meantime',
  validation: 'Microsoft Graph refused the change',
  throttled: 'Microsoft Graph is busy',
  unavailable: 'Microsoft Graph is not answering',
  config: 'The bot is not configured correctly',
  internal: 'Something went wrong',
};

export function errorCard(error: AppError, correlation: { activityId?: string }): AdaptiveCard {
  const refs = [
    correlation.activityId ? `activity ${correlation.activityId}` : '',
    error.requestId ? `Graph request-id ${error.requestId}` : '',
  ].filter(Boolean);
  return renderCard('error', {
    title: TITLES[error.code] ?? TITLES.internal,
    message: error.userMessage,
    hint: error.retryable ? 'This is usually temporary: try again in a minute.' : '',
    reference: refs.length ? `Reference: ${refs.join(' · ')}` : '',
  });
}
