/**
 * A failed Apply in plain words. The Graph client already turns HTTP errors into sentences for an
 * admin (graph/errors.ts: 403 names the permission and role, 429/5xx say to wait, 400 quotes
 * Graph); here the one rule admins hit most gets its own explanation: one flow of each type per
 * set (docs/graph-notes.md#one-flow-per-type; Graph's wording is undocumented, so it is recognised loosely).
 */
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import type { PendingChange } from '../domain/pendingChange';
import { toAppError } from '../errors';
import type { ChangeView } from './changeView';

const ONE_OF_EACH =
  /no more than one|one \(1\) of each|one flow of each type|already (has|contains) a/i;

export function failureMessage(err: unknown, change: PendingChange, view: ChangeView): string {
  const error = toAppError(err);
  if (
    error.code === 'validation' &&
    change.kind === 'createFlow' &&
    ONE_OF_EACH.test(error.userMessage)
  ) {
    const kind = FLOW_KIND_NAMES[change.target.flowKind];
    return (
      `"${view.setName}" already has a ${kind} flow, and a flow set can hold only one flow of each type: ` +
      `edit or remove the existing one instead. ${error.userMessage}`
    );
  }
  return error.userMessage;
}
