/**
 * View-models of configuration as code (docs/configuration-as-code.md): the export card (a
 * summary and the document in a Teams CodeBlock, with a plain-text fallback for clients without
 * it), the plan of an import or copy, and a document's errors by path.
 */
import type { DocumentError } from '../domain/configDocument';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import { FLOW_KINDS } from '../domain/flowSchemas';
import type { ConfigDocument } from '../domain/configDocument';
import { showCommandFor } from './flowSetListCard';
import { AdaptiveCard, renderCard } from './render';

/**
 * Teams refuses a message over about 28 KB (cards included,
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages);
 * the card stays under 26 KB so the activity around it fits too.
 */
export const MAX_EXPORT_CARD_BYTES = 26 * 1024;

export interface ExportCardInput {
  setId: string;
  document: ConfigDocument;
  json: string;
  notes: string[];
  exportedAt: string;
}

const schoolsOf = (doc: ConfigDocument) =>
  doc.flowSet.filter ? doc.flowSet.filter.in.join(', ') : 'All schools (no filter)';

const flowNames = (doc: ConfigDocument) =>
  FLOW_KINDS.filter((k) => doc.flows[k])
    .map((k) => FLOW_KIND_NAMES[k])
    .join(', ') || 'none';

export function exportCard(input: ExportCardInput): AdaptiveCard {
  const { document: doc } = input;
  const model = {
    title: `Export: ${doc.flowSet.displayName}`,
    intro:
      'The flow set and its flows as a configuration document. Copy it, keep it in source control, ' +
      'and send "import" followed by it to create or update a set. Passwords are never exported.',
    facts: [
      { title: 'Schools', value: schoolsOf(doc) },
      { title: 'Flows', value: flowNames(doc) },
      { title: 'Format', value: `${doc.$schema} (version ${doc.version})` },
      { title: 'Exported at', value: input.exportedAt },
    ],
    notes: input.notes.join(' '),
    json: input.json,
    tooBig: '',
    showCommand: showCommandFor(input.setId),
  };
  const card = renderCard('config-export', model);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes <= MAX_EXPORT_CARD_BYTES) return card;
  const kb = Math.ceil(Buffer.byteLength(input.json, 'utf8') / 1024);
  return renderCard('config-export', {
    ...model,
    json: '',
    tooBig: `The document (${kb} KB) does not fit in a Teams card. Sending it as a file is not available yet.`,
  });
}

export interface PlanStep {
  what: string;
  status: string;
}

export interface PlanCardInput {
  title: string;
  intro: string;
  steps: PlanStep[];
  next?: string;
  /** A button that runs the same command again (e.g. after the set was applied). */
  again?: { title: string; command: string };
}

/** command.run accepts up to 500 characters (src/actions/commandRun.ts). */
const MAX_BUTTON_COMMAND = 500;

export function planCard(input: PlanCardInput): AdaptiveCard {
  const again =
    input.again && input.again.command.length <= MAX_BUTTON_COMMAND ? [input.again] : [];
  return renderCard('config-plan', {
    title: input.title,
    intro: input.intro,
    steps: input.steps,
    next: input.next ?? '',
    buttons: again,
  });
}

/** At most this many errors are listed; the rest are counted. */
const MAX_ERRORS_SHOWN = 15;

export function documentErrorsCard(errors: readonly DocumentError[]): AdaptiveCard {
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => ({
    path: e.path.length > 120 ? `${e.path.slice(0, 117)}...` : e.path,
    message: e.message,
  }));
  const more = errors.length - shown.length;
  return renderCard('config-errors', {
    title: 'The document cannot be imported',
    intro:
      `${errors.length} problem${errors.length === 1 ? '' : 's'}, by path in the document` +
      (more > 0 ? ` (the first ${shown.length} are listed)` : '') +
      '. Nothing was changed.',
    errors: shown,
    hint: 'Fix them and send "import" with the document again. The format is described in docs/configuration-as-code.md; "export {set}" shows an example.',
  });
}
