/**
 * The data of every change-related button. Cards carry ids and a version only (never values to
 * write): the handlers re-read Graph or the stored change. Form buttons also carry the inputs
 * (Teams merges them into `data`), hence the loose objects; the forms module parses those.
 */
import { z } from 'zod';
import { FLOW_KINDS } from '../domain/flowSchemas';

const id = z.string().trim().min(1).max(200);
/** The object's lastModifiedDateTime when the card was drawn ('' when Graph gave none). */
const version = z.string().max(100);
const kind = z.enum(FLOW_KINDS);

/** Apply, Cancel and Preview again (change.repreview) of a stored change. */
export const ChangeRef = z.object({ changeId: z.uuid('This is not a change id.') });

export const SetButton = z.object({ setId: id, version });
export type SetButton = z.infer<typeof SetButton>;

export const AddFlowButton = SetButton.extend({ kind: kind.optional() });

export const FlowButton = SetButton.extend({ flowId: id, kind });
export type FlowButton = z.infer<typeof FlowButton>;

export const FlowSetFormSubmit = z.discriminatedUnion('mode', [
  z.looseObject({ mode: z.literal('create') }),
  z.looseObject({ mode: z.literal('edit'), setId: id, version }),
]);

export const FlowFormSubmit = z.discriminatedUnion('mode', [
  z.looseObject({ mode: z.literal('add'), setId: id, kind, version }),
  z.looseObject({ mode: z.literal('edit'), setId: id, kind, flowId: id, version }),
]);
export type FlowFormSubmit = z.infer<typeof FlowFormSubmit>;

export const FormCancel = z.looseObject({ setId: id.optional() });
