/**
 * The flow-set form (cards/form-flowset.json): name and which schools the set covers. A set
 * either covers every organisation in the inbound data (no filter) or only the listed
 * organisation external ids (basicFilter on orgExternalId, docs/graph-notes.md#filters).
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { renderCard } from '../views/render';
import { FLOW_SET_LABELS } from '../domain/fieldLabels';
import { SDS_WARNINGS } from '../domain/warnings';
import { FlowSetCreateInput } from '../domain/flowInputs';
import type { FlowSet } from '../domain/flowSchemas';
import type { FormErrors, FormResult, FormValues } from './formTypes';
import { choicesOf, errorSummary, errorTexts, labelFrom, valueTexts } from './formView';
import {
  dataObject,
  hasErrors,
  issuesToErrors,
  parseFields,
  rawText,
  singleSelect,
  splitList,
  submittedValues,
} from './inputs';

export const FLOW_SET_INPUT_IDS = ['displayName', 'filterMode', 'orgExternalIds'] as const;

const FILTER_MODES = ['all', 'schools'] as const;
const FILTER_MODE_TITLES = { all: 'All schools', schools: 'Only these schools' };
/** No length is documented; this keeps names readable in lists and the card small. */
export const MAX_FLOW_SET_NAME = 256;

/** Quotes a pasted id may come wrapped in: straight, curly and backticks. */
const SURROUNDING_QUOTES = /^["'`\u2018\u2019\u201C\u201D]+|["'`\u2018\u2019\u201C\u201D]+$/g;
/** HTML or markdown: tags, entities, links, images, bold; never part of an orgExternalId. */
const MARKUP = /<\/?[a-z!][^<>]*>|[<>]|&#?[a-z0-9]+;|\]\(|!\[|\*\*/i;

/** One pasted school id: trimmed, without the quotes around it ("FAB-01" → FAB-01). */
export const cleanSchoolId = (id: string): string =>
  id.trim().replace(SURROUNDING_QUOTES, '').trim();

/**
 * School ids: trimmed, unquoted, no repeats; refused with the reason when the text holds markup
 * (checked before splitting, so an entity's ";" is not taken for a separator).
 */
const schoolIds = () =>
  rawText
    .superRefine((raw, ctx) => {
      const markup = MARKUP.exec(raw)?.[0];
      if (markup)
        ctx.addIssue({
          code: 'custom',
          message: `School ids are plain text (the orgExternalId from your school data): remove "${markup.trim()}", which is markup.`,
        });
    })
    .transform((raw) => [...new Set(splitList(raw).map(cleanSchoolId).filter(Boolean))]);

const fields = {
  displayName: rawText
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, 'Give the flow set a name.')
    .refine(
      (v) => v.length <= MAX_FLOW_SET_NAME,
      `Keep the name to ${MAX_FLOW_SET_NAME} characters or fewer.`,
    ),
  filterMode: singleSelect(FILTER_MODES, 'Choose "All schools" or "Only these schools".'),
  orgExternalIds: schoolIds(),
};

export interface FlowSetFormModel {
  mode: 'create' | 'edit';
  current?: FlowSet;
  values?: FormValues;
  errors?: FormErrors;
}

/** The form's pre-fill: the stored set on edit, "all schools" for a new one. */
function flowSetPrefill(current: FlowSet | undefined): FormValues {
  const orgs = current?.filter?.in ?? [];
  return {
    displayName: current?.displayName ?? '',
    filterMode: current?.filter ? 'schools' : 'all',
    orgExternalIds: orgs.join('\n'),
  };
}

export function flowSetFormCard(model: FlowSetFormModel): AdaptiveCard {
  const { mode, current } = model;
  const editing = mode === 'edit' && current;
  return renderCard('form-flowset', {
    title: editing ? `Edit flow set "${current.displayName}"` : 'New flow set',
    intro: editing
      ? 'Change the name or the schools. Nothing is saved until you confirm the preview.'
      : 'A flow set says which schools to provision. Add flows to it afterwards.',
    summary: errorSummary(model.errors, FLOW_SET_INPUT_IDS),
    labels: {
      displayName: labelFrom(FLOW_SET_LABELS, 'displayName'),
      filterMode: 'Which schools',
      orgExternalIds: labelFrom(FLOW_SET_LABELS, 'filter.in'),
    },
    v: valueTexts(FLOW_SET_INPUT_IDS, flowSetPrefill(current), model.values),
    e: errorTexts(FLOW_SET_INPUT_IDS, model.errors),
    maxName: MAX_FLOW_SET_NAME,
    filterChoices: choicesOf(FILTER_MODES, FILTER_MODE_TITLES),
    orgHelp:
      'Used with "Only these schools": the school ids (orgExternalId) from your school data, ' +
      'one per line or separated by commas.',
    orgWarning: SDS_WARNINGS.orgFilter,
    preview: editing
      ? { mode, setId: current.id, version: current.lastModifiedDateTime ?? '' }
      : { mode: 'create' },
    cancel: editing ? { setId: current.id } : {},
  });
}

/** Graph input paths → the input that produced them. */
const inputOfPath = (path: readonly PropertyKey[]) =>
  path[0] === 'displayName' ? 'displayName' : path[0] === 'filter' ? 'orgExternalIds' : undefined;

/**
 * Name + filter. "All schools" sends no filter on create and `filter: null` on edit (PATCH keeps
 * omitted properties, docs/graph-notes.md#request-bodies, so clearing needs an explicit null).
 */
export function parseFlowSetForm(data: unknown): FormResult<FlowSetCreateInput> {
  const raw = dataObject(data);
  const values = submittedValues(raw, FLOW_SET_INPUT_IDS);
  const { fields: f, errors } = parseFields(fields, raw);
  // With "All schools" the ids are not sent: nothing in them can be wrong.
  if (raw.filterMode === 'all') delete errors.orgExternalIds;
  if (
    !errors.filterMode &&
    f.filterMode === 'schools' &&
    !errors.orgExternalIds &&
    !f.orgExternalIds.length
  )
    errors.orgExternalIds = 'List at least one school id, or choose "All schools".';
  if (hasErrors(errors)) return { ok: false, errors, values };

  const editing = raw.mode === 'edit';
  const filter =
    f.filterMode === 'schools'
      ? { attribute: 'orgExternalId' as const, in: f.orgExternalIds }
      : editing
        ? null
        : undefined;
  const value: FlowSetCreateInput = {
    displayName: f.displayName,
    ...(filter === undefined ? {} : { filter }),
  };
  // The Graph client validates with the same schema; checking here keeps its problems on the form.
  const checked = FlowSetCreateInput.safeParse(value);
  if (!checked.success)
    return { ok: false, errors: issuesToErrors(checked.error.issues, inputOfPath), values };
  return { ok: true, value };
}
