/**
 * The user flow's creation options: one configuration per role group that is turned on.
 * Graph never returns passwords (masked, docs/graph-notes.md#password-masking) and a PATCH replaces the
 * configurations collection as a whole (docs/graph-notes.md#patch-merge, OData collections), so on edit:
 * - nothing changed in this section → the patch leaves creationOptions out (stored ones stay);
 * - anything changed → every configuration is sent again, each with its password re-entered.
 */
import type { UserConfigurationInput } from '../domain/flowInputs';
import type { FormErrors } from './formTypes';
import { parseFields, rawText, textList, toggle } from './inputs';
import { roleGroupInputIds, type FormRoleGroup } from './userFlowValues';

/** Microsoft Entra ID's password length limits (its password policy: 8 to 256 characters). */
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 256;

const skuList = () =>
  textList().refine(
    (skus) => skus.every((sku) => !/\s/.test(sku)),
    'A license SKU has no spaces: separate SKUs with commas or new lines.',
  );

interface GroupInput {
  group: FormRoleGroup;
  include: boolean;
  password: string;
  licenseSkus: string[];
}

export interface ConfigurationsOutcome {
  /** undefined: leave creationOptions out of the body. */
  configurations?: UserConfigurationInput[];
  errors: FormErrors;
  /** Groups whose password the admin typed (to ask for it again if the form comes back). */
  typedPasswordIds: string[];
  includedCount: number;
}

function readGroups(groups: readonly FormRoleGroup[], raw: Record<string, unknown>) {
  const errors: FormErrors = {};
  const inputs: GroupInput[] = [];
  for (const group of groups) {
    const ids = roleGroupInputIds(group.id);
    const parsed = parseFields(
      { [ids.include]: toggle(), [ids.password]: rawText, [ids.licenseSkus]: skuList() },
      raw,
    );
    Object.assign(errors, parsed.errors);
    const f = parsed.fields as Record<string, unknown>;
    const password = (f[ids.password] as string | undefined) ?? '';
    inputs.push({
      group,
      include: f[ids.include] === true,
      password: password.trim() ? password : '',
      licenseSkus: (f[ids.licenseSkus] as string[] | undefined) ?? [],
    });
  }
  return { inputs, errors };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function changedFromStored(stored: Map<string, string[]>, included: GroupInput[]): boolean {
  if (included.length !== stored.size) return true;
  return included.some(
    (g) =>
      !stored.has(g.group.id) || !sameSet(stored.get(g.group.id)!, g.licenseSkus) || g.password,
  );
}

function passwordProblem(g: GroupInput, editing: boolean): string | undefined {
  if (!g.password)
    return editing
      ? `Enter the initial password for ${g.group.name} again: Graph never shows saved passwords, ` +
          'and saving any change in this section replaces the settings of every role group.'
      : `Enter an initial password for new ${g.group.name} accounts.`;
  if (g.password.length < PASSWORD_MIN || g.password.length > PASSWORD_MAX)
    return `The initial password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters (Microsoft Entra password rules).`;
  return undefined;
}

/**
 * Reads every role group's inputs and decides what to send. `stored` is undefined on add (a
 * new flow): then configurations are sent for the groups turned on, if any.
 */
export function readConfigurations(
  groups: readonly FormRoleGroup[],
  raw: Record<string, unknown>,
  stored: Map<string, string[]> | undefined,
): ConfigurationsOutcome {
  const { inputs, errors } = readGroups(groups, raw);
  const included = inputs.filter((g) => g.include);
  const typedPasswordIds = included
    .filter((g) => g.password)
    .map((g) => roleGroupInputIds(g.group.id).password);
  const outcome = { errors, typedPasswordIds, includedCount: included.length };
  const editing = stored !== undefined;
  if (editing ? !changedFromStored(stored, included) : included.length === 0) return outcome;

  for (const g of included) {
    const problem = passwordProblem(g, editing);
    if (problem) errors[roleGroupInputIds(g.group.id).password] ??= problem;
  }
  const configurations = included.map((g) => ({
    roleGroupId: g.group.id,
    defaultPassword: g.password,
    licenseSkus: g.licenseSkus,
  }));
  return { ...outcome, configurations };
}

/** After any error the card comes back without passwords: say so beside each one typed. */
export function askPasswordsAgain(errors: FormErrors, typedPasswordIds: readonly string[]): void {
  for (const id of typedPasswordIds)
    errors[id] ??= 'Enter this password again: passwords are never kept on the card.';
}
