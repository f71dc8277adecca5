/**
 * Request-body pipeline for creates and PATCHes: bind property names case-insensitively
 * (bodyBinding.ts), check types with the input schema (inputSchemas.ts), apply the user-flow
 * rules, merge onto the current value (nothing for a create), and check the result is complete
 * with the stored schema (stateSchema.ts) — so a create missing a non-nullable property and a
 * PATCH that would leave one missing both get a 400 naming it.
 */
import type { z } from 'zod';
import { FLOW_KINDS, FLOW_ODATA_TYPES, type FlowKind } from '../../domain/flowSchemas';
import { bindPropertyNames } from './bodyBinding';
import { badRequest } from './graphErrors';
import { FLOW_INPUTS, FlowSetInput, sameODataType, type UserFlowInput } from './inputSchemas';
import { isPlainObject, mergePatch, withoutAnnotations } from './merge';
import { FLOW_FIELDS, FlowSetFields, type FlowFields } from './stateSchema';
import { applyUserFlowRules, type RoleGroupLookup } from './userFlowRules';
import { issuesToError } from './validationErrors';

function validInput(schema: z.ZodType, body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.');
  const parsed = schema.safeParse(bindPropertyNames(body, schema), { reportInput: true });
  if (!parsed.success) throw issuesToError(parsed.error.issues);
  return withoutAnnotations(parsed.data) as Record<string, unknown>;
}

function complete<T extends z.ZodType>(schema: T, merged: unknown): z.output<T> {
  const parsed = schema.safeParse(merged, { reportInput: true });
  if (!parsed.success) throw issuesToError(parsed.error.issues);
  return parsed.data;
}

export function parseFlowSetFields(body: unknown, current?: FlowSetFields): FlowSetFields {
  const input = validInput(FlowSetInput, body);
  return complete(FlowSetFields, mergePatch(current, input));
}

export function parseFlowFields(
  kind: FlowKind,
  body: unknown,
  current: FlowFields | undefined,
  findRoleGroup: RoleGroupLookup,
): FlowFields {
  const input = validInput(FLOW_INPUTS[kind], body);
  const patch = kind === 'user' ? applyUserFlowRules(input as UserFlowInput, findRoleGroup) : input;
  return complete(FLOW_FIELDS[kind], mergePatch(current, patch)) as FlowFields;
}

function odataTypeOfBody(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === '@odata.type');
  const value = key === undefined ? undefined : body[key];
  if (value !== undefined && typeof value !== 'string') {
    throw badRequest("The property '@odata.type' must be a string.");
  }
  return value;
}

const FLOW_TYPE_LIST = FLOW_KINDS.map((k) => FLOW_ODATA_TYPES[k]).join(', ');

const NS_PREFIX = '#microsoft.graph.industryData.';

export function flowKindOfODataType(value: string): FlowKind | undefined {
  return FLOW_KINDS.find((k) => sameODataType(value, FLOW_ODATA_TYPES[k].slice(NS_PREFIX.length)));
}

/** POST …/provisioningFlows targets an abstract type, so the body must name a derived one (docs/graph-notes.md#request-bodies). */
export function flowKindForCreate(body: unknown): FlowKind {
  const type = odataTypeOfBody(body);
  if (type === undefined) {
    throw badRequest(
      `The property '@odata.type' is required when creating a provisioning flow: provisioningFlow is abstract, so name the flow type, one of ${FLOW_TYPE_LIST}.`,
    );
  }
  const kind = flowKindOfODataType(type);
  if (!kind) {
    throw badRequest(
      `Invalid OData type specified: '${type}'. A provisioning flow must be one of ${FLOW_TYPE_LIST}.`,
    );
  }
  return kind;
}

/** A PATCH may repeat the flow's type (every doc example does) but cannot change it. */
export function checkFlowKindUnchanged(body: unknown, kind: FlowKind, flowId: string): void {
  const type = odataTypeOfBody(body);
  if (type === undefined || flowKindOfODataType(type) === kind) return;
  throw badRequest(
    `The property '@odata.type' is '${type}', but provisioning flow '${flowId}' is a ${FLOW_ODATA_TYPES[kind]}; a flow's type cannot be changed (delete it and create a flow of the other type).`,
  );
}
