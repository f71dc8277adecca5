/**
 * A pasted configuration document → the same inputs the forms produce (flowInputs.ts): the set's
 * create body and one create body per flow. Role groups are resolved against the tenant's list:
 * by id when the id exists there, otherwise by display name (another tenant's export), and an
 * error by path when neither matches. Passwords are never in the result: each configuration is
 * marked as needing one, asked for in the user-flow form.
 */
import {
  ConfigDocument,
  issuesOf,
  pathText,
  type ClassGroupFlowDoc,
  type DocumentError,
  type UserFlowDoc,
} from './configDocument';
import { parseDocumentJson } from './configText';
import {
  FlowCreateInput,
  FlowSetCreateInput,
  type ParsedFlowInput,
  type UserConfigurationInput,
} from './flowInputs';
import type { RoleGroup } from './flowSchemas';

export type DocumentParse =
  | { ok: true; document: ConfigDocument }
  | { ok: false; errors: DocumentError[] };

export interface ImportInputs {
  set: FlowSetCreateInput;
  /** In the order flows are previewed: user, class, security group, administrative unit. */
  flows: ParsedFlowInput[];
}
export type ImportParse =
  | { ok: true; inputs: ImportInputs }
  | { ok: false; errors: DocumentError[] };

export function parseConfigDocument(pasted: string): DocumentParse {
  const json = parseDocumentJson(pasted);
  if (!json.ok) return json;
  const parsed = ConfigDocument.safeParse(json.value);
  return parsed.success
    ? { ok: true, document: parsed.data }
    : { ok: false, errors: issuesOf(parsed.error) };
}

function resolveRoleGroup(
  ref: { id?: string; displayName?: string },
  groups: readonly RoleGroup[],
): string | undefined {
  if (ref.id && groups.some((g) => g.id === ref.id)) return ref.id;
  const name = ref.displayName?.toLowerCase();
  return name ? groups.find((g) => g.displayName.toLowerCase() === name)?.id : undefined;
}

function userConfigurations(
  doc: UserFlowDoc,
  groups: readonly RoleGroup[],
  errors: DocumentError[],
): UserConfigurationInput[] {
  const base = ['flows', 'user', 'creationOptions', 'configurations'];
  const seen = new Set<string>();
  return doc.creationOptions.configurations.flatMap((config, i) => {
    const id = resolveRoleGroup(config.roleGroup, groups);
    const path = pathText([...base, i, 'roleGroup']);
    const named = config.roleGroup.displayName ?? config.roleGroup.id;
    if (!id) {
      errors.push({ path, message: `No role group "${named}" here, by id or by name.` });
      return [];
    }
    if (seen.has(id)) {
      errors.push({ path, message: `Role group "${named}" is configured twice.` });
      return [];
    }
    seen.add(id);
    return [{ roleGroupId: id, licenseSkus: config.licenseSkus }];
  });
}

const classGroupInput = (doc: ClassGroupFlowDoc) => ({
  kind: 'classGroup' as const,
  configuration: doc.configuration,
});

/** The document's flows as create bodies, checked with the same schema the Graph client uses. */
export function importInputs(document: ConfigDocument, groups: readonly RoleGroup[]): ImportParse {
  const errors: DocumentError[] = [];
  const { flows } = document;
  const bodies: unknown[] = [];
  if (flows.user) {
    const { creationOptions: _creation, ...rest } = flows.user;
    const configurations = userConfigurations(flows.user, groups, errors);
    bodies.push({ kind: 'user', ...rest, creationOptions: { configurations } });
  }
  if (flows.classGroup) bodies.push(classGroupInput(flows.classGroup));
  if (flows.securityGroup) bodies.push({ kind: 'securityGroup', ...flows.securityGroup });
  if (flows.administrativeUnit)
    bodies.push({ kind: 'administrativeUnit', ...flows.administrativeUnit });
  const set = FlowSetCreateInput.safeParse(document.flowSet);
  if (!set.success)
    errors.push(...set.error.issues.map((i) => issueAt(['flowSet', ...i.path], i.message)));
  const parsedFlows = bodies.map((body) => FlowCreateInput.safeParse(body));
  parsedFlows.forEach((p, i) => {
    if (!p.success)
      errors.push(...p.error.issues.map((x) => issueAt(['flows', i, ...x.path], x.message)));
  });
  if (errors.length || !set.success) return { ok: false, errors };
  return {
    ok: true,
    inputs: {
      set: set.data,
      flows: parsedFlows.flatMap((p) => (p.success ? [p.data] : [])),
    },
  };
}

const issueAt = (path: PropertyKey[], message: string): DocumentError => ({
  path: pathText(path),
  message,
});

/** The set's name and filter replaced (`copy … as … for schools …`). */
export function withSet(inputs: ImportInputs, set: FlowSetCreateInput): ImportInputs {
  return { ...inputs, set };
}
