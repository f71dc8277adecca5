/**
 * View-model of `rolegroups`: each role group and the roles it bundles, as RefRole codes
 * (reference-definition codes, docs/graph-notes.md#types: shown as Graph spells them, as SDS documents them).
 */
import { listOrNone } from '../domain/flowSummary';
import type { RoleGroup } from '../domain/flowSchemas';
import { AdaptiveCard, renderCard } from './render';

export function roleGroupsCard(groups: readonly RoleGroup[]): AdaptiveCard {
  return renderCard('rolegroups', {
    title: 'Role groups',
    intro: groups.length
      ? 'User flows assign licences per role group; each group bundles these roles.'
      : 'There are no role groups. The tenant normally has Staff and Students.',
    groups: groups.map((g) => {
      const codes = g.roles.map((r) => r.code).filter((c): c is string => !!c);
      return {
        name: g.displayName,
        detail: `id ${g.id} · ${codes.length} role${codes.length === 1 ? '' : 's'}`,
        roles: listOrNone(codes),
      };
    }),
  });
}
