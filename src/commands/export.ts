/**
 * `export {set}`: the set and its flows as a configuration document (docs/configuration-as-code.md),
 * on a summary card with the JSON in a Teams CodeBlock. Passwords are never exported. Graph calls:
 * 2 (sets, flows), 3 when the set has a user flow (role-group names).
 */
import { command } from '../bot/command';
import { findSet } from '../changes/targets';
import { documentJson, exportDocument } from '../domain/configExport';
import { flowKindOf } from '../domain/flowSchemas';
import { formatTime } from '../domain/time';
import { exportCard } from '../views/configCards';
import { setFound } from './targetReplies';

export const exportCommand = command<{ name: string }>({
  name: 'export',
  aliases: ['export flow set'],
  usage: 'export {set}',
  summary:
    'The set and its flows as a JSON document (no ids, no passwords) to keep, diff or import elsewhere.',
  examples: ['export Northwind', 'export "Fabrikam Elementary pilot"'],
  parse: (rest) =>
    rest.trim()
      ? { ok: true, args: { name: rest.trim() } }
      : { ok: false, error: 'Which flow set? Give its name, the start of its name, or its id.' },
  async run(ctx, { name }) {
    const graph = ctx.services.graph.forUser(ctx);
    const found = setFound(await findSet(graph, name), (s) => `export ${s.id}`);
    if (!found.ok) return [found.reply];
    const set = found.value;
    const { data: flows } = await graph.listFlows(set.id);
    const hasUser = flows.some((f) => flowKindOf(f) === 'user');
    const roleGroups = hasUser ? (await graph.listRoleGroups()).data : [];
    const now = new Date();
    const { document, notes } = exportDocument(set, flows, roleGroups, now);
    const json = documentJson(document);
    const exportedAt = formatTime(now.toISOString(), 'second');
    return [{ card: exportCard({ setId: set.id, document, json, notes, exportedAt }) }];
  },
});
