/** `rolegroups`: the tenant's role groups (Staff, Students) and the roles each one bundles. */
import { roleGroupsCard } from '../views/roleGroupsCard';
import { command, noArgs } from '../bot/command';

export const roleGroupsCommand = command<undefined>({
  name: 'rolegroups',
  aliases: ['role groups', 'roles'],
  usage: 'rolegroups',
  summary: 'Role groups and their roles, as used by user flows for licences.',
  examples: ['rolegroups'],
  parse: noArgs,
  async run(ctx) {
    const { data: groups } = await ctx.services.graph.forUser(ctx).listRoleGroups();
    return [{ card: roleGroupsCard(groups) }];
  },
});
