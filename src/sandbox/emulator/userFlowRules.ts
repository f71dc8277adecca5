/**
 * Rules of userProvisioningFlow bodies beyond types:
 * - `roleGroup@odata.bind` (docs/graph-notes.md#containment-and-binding, example 10) must point at an existing role group,
 *   and a role group may be configured once per flow; stored as the role group's id.
 * - Passwords are write-only (docs/graph-notes.md#password-masking): only a SHA-256 hash is kept, never the text.
 * - `studentAgeGroup: "minor"` derives the deprecated `markAllStudentsAsMinors: true` (docs/graph-notes.md#age-group,
 *   the 2025 create example); a body that sends both must not contradict itself.
 */
import { createHash } from 'node:crypto';
import { formatPath } from './bodyBinding';
import { badRequest } from './graphErrors';
import type { UserConfigurationInput, UserFlowInput } from './inputSchemas';
import type { StoredRoleGroup, StoredUserConfiguration } from './stateSchema';

export type RoleGroupLookup = (id: string) => StoredRoleGroup | undefined;

const BIND_PATTERN = /(?:^|\/)external\/industryData\/roleGroups(?:\/([^/()]+)|\('([^']+)'\))\/?$/i;

export function roleGroupIdFromBind(url: string): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  const match = BIND_PATTERN.exec(path);
  const raw = match?.[1] ?? match?.[2];
  return raw === undefined ? undefined : decodeURIComponent(raw);
}

export function hashPassword(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('hex');
}

function toStoredConfiguration(
  input: UserConfigurationInput,
  index: number,
  findRoleGroup: RoleGroupLookup,
): StoredUserConfiguration {
  const target = formatPath(['creationOptions', 'configurations', index, 'roleGroup@odata.bind']);
  const bind = input['roleGroup@odata.bind'];
  const id = roleGroupIdFromBind(bind);
  if (id === undefined) {
    throw badRequest(
      `The property '${target}' must be the URL of a role group, e.g. 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff'; got '${bind}'.`,
    );
  }
  const roleGroup = findRoleGroup(id);
  if (!roleGroup) {
    throw badRequest(
      `The property '${target}' points at role group '${id}', which does not exist. Use GET /external/industryData/roleGroups to list the role groups.`,
    );
  }
  const password = input.defaultPasswordSettings?.password;
  return {
    roleGroupId: roleGroup.id,
    licenseSkus: input.licenseSkus ?? [],
    defaultPasswordSettings:
      password === undefined ? null : { passwordSha256: hashPassword(password) },
  };
}

function toStoredConfigurations(
  inputs: UserConfigurationInput[],
  findRoleGroup: RoleGroupLookup,
): StoredUserConfiguration[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const stored = toStoredConfiguration(input, i, findRoleGroup);
    if (seen.has(stored.roleGroupId)) {
      throw badRequest(
        `The property 'creationOptions.configurations[${i}]' configures role group '${stored.roleGroupId}' a second time; each role group may have only one configuration.`,
      );
    }
    seen.add(stored.roleGroupId);
    return stored;
  });
}

function deriveMinorsFlag(options: Record<string, unknown>): void {
  const ageGroup = options.studentAgeGroup;
  if (ageGroup === undefined) return;
  const derived = ageGroup === 'minor';
  const sent = options.markAllStudentsAsMinors;
  if (sent === undefined || sent === null) {
    options.markAllStudentsAsMinors = derived;
  } else if (sent !== derived) {
    throw badRequest(
      `The property 'managementOptions.additionalOptions.markAllStudentsAsMinors' is ${String(sent)} but studentAgeGroup is '${String(ageGroup)}'; these contradict each other. markAllStudentsAsMinors is deprecated: send only studentAgeGroup.`,
    );
  }
}

/** Converts a validated (annotation-free) user-flow body into the stored shape. */
export function applyUserFlowRules(
  input: UserFlowInput,
  findRoleGroup: RoleGroupLookup,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  const configurations = input.creationOptions?.configurations;
  if (input.creationOptions && configurations) {
    out.creationOptions = {
      ...input.creationOptions,
      configurations: toStoredConfigurations(configurations, findRoleGroup),
    };
  }
  const options = input.managementOptions?.additionalOptions;
  if (options) {
    const copy: Record<string, unknown> = { ...options };
    deriveMinorsFlag(copy);
    out.managementOptions = { ...input.managementOptions, additionalOptions: copy };
  }
  return out;
}
