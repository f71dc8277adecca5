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
    suggestions: suggestions.map((c) => ({ usage: actionTitle(c), name: c.name })),
  });
}

/** A suggestion button says what it does ("List flow sets"), not the syntax (`list [page N]`). */
const ACTION_TITLES: Record<string, string> = {
  help: 'Show help',
  whoami: 'Who am I?',
  list: 'List flow sets',
  show: 'Show a flow set',
  status: 'Readiness status',
  rolegroups: 'List role groups',
  create: 'Create a flow set',
  edit: 'Edit a flow set',
  delete: 'Delete a flow set',
  add: 'Add a flow',
  remove: 'Remove a flow',
  reset: 'Reset a flow',
  notify: 'Notifications',
  history: 'Change history',
  undo: 'Undo a change',
  approvals: 'Pending approvals',
  'approvals here': 'Send approval requests here',
  signout: 'Sign out',
};

export function actionTitle(c: Pick<CommandHelp, 'name'>): string {
  const known = ACTION_TITLES[c.name.toLowerCase()];
  return known ?? c.name.charAt(0).toUpperCase() + c.name.slice(1);
}

/**
 * A usage mistake (`show` with no set, `list page 0`): what is missing, the usage, an example,
 * and buttons that finish the command when the bot can offer them (issue 12 item 10). No activity
 * reference and no red: nothing failed.
 */
export function usageCard(
  command: Pick<CommandHelp, 'name' | 'usage' | 'examples'>,
  problem: string,
  choices: ReadonlyArray<{ title: string; command: string }> = [],
): AdaptiveCard {
  return renderCard('usage', {
    problem,
    usage: command.usage,
    examples: command.examples.slice(0, 2),
    choices: choices.map((c) => ({ title: c.title, command: c.command })),
    choicesHint: 'Or pick one:',
    helpTitle: `Help on ${command.name}`,
    helpCommand: `help ${command.name}`,
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

/**
 * `retryCommand`: the command that failed, for a Retry button when the failure is temporary (the
 * message itself says when to try again, so the hint does not name another time: item 17).
 */
export function errorCard(
  error: AppError,
  /** `traceId`: the OpenTelemetry trace of the turn, when traces are exported (src/telemetry). */
  correlation: { activityId?: string; retryCommand?: string; traceId?: string },
): AdaptiveCard {
  const refs = [
    correlation.activityId ? `activity ${correlation.activityId}` : '',
    correlation.traceId ? `trace ${correlation.traceId}` : '',
    error.requestId ? `Graph request-id ${error.requestId}` : '',
  ].filter(Boolean);
  return renderCard('error', {
    title: TITLES[error.code] ?? TITLES.internal,
    message: error.userMessage,
    hint: error.retryable ? 'This is usually temporary.' : '',
    retry: error.retryable && correlation.retryCommand ? correlation.retryCommand : '',
    reference: refs.length ? `Reference: ${refs.join(' · ')}` : '',
  });
}
