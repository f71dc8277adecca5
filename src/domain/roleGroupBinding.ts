/**
 * Which role group a user flow's configuration names: Graph returns the embedded roleGroup, or
 * only the `roleGroup@odata.bind` URL it was created with (docs/graph-notes.md#types).
 */
import type { UserConfiguration } from './flowSchemas';

/** `…/roleGroups/staff`, `…/roleGroups('staff')` or the embedded roleGroup → `staff`. */
export function configuredRoleGroupId(config: UserConfiguration): string | undefined {
  if (config.roleGroup?.id) return config.roleGroup.id;
  const bind = config['roleGroup@odata.bind'];
  const last = bind?.split(/[?#]/)[0]?.replace(/\/+$/, '').split('/').pop();
  return last ? decodeURIComponent(last.replace(/^roleGroups\('(.*)'\)$/, '$1')) : undefined;
}
