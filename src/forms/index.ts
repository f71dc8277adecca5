/**
 * The edit forms of the bot (Adaptive Cards 1.5, Action.Execute only) and the server-side
 * parsing of their submissions: the flow-set form and one form per flow kind. A parse either
 * gives the Graph client's input (src/domain/flowInputs.ts) or errors keyed by input id plus the
 * submitted values to re-fill the card with — never a password.
 */
export {
  FORM_ERROR_KEY,
  RESERVED_DATA_KEYS,
  type FormErrors,
  type FormResult,
  type FormValues,
} from './formTypes';
export { flowSetFormCard, parseFlowSetForm, type FlowSetFormModel } from './flowSetForm';
export { defaultFlowValues, flowFormCard, parseFlowForm } from './flowForm';
export type { FlowFormContext, FlowFormModel } from './flowFormModel';
