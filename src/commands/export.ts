/**
 * `export {set}`: the set and its flows as a configuration document (docs/configuration-as-code.md),
 * on a summary card with the JSON in a Teams CodeBlock; in a personal chat also offered as a
 * file (Teams file consent: the file is uploaded when the user accepts, src/teams/fileConsent.ts).
 * Passwords are never exported. Graph calls: 2 (sets, flows), 3 when the set has a user flow.
 */
import { command, type CommandContext, type FileOffer, type TurnInfo } from '../bot/command';
import { unlessGone } from '../changes/freshness';
import { findSet } from '../changes/targets';
import { documentJson, exportDocument } from '../domain/configExport';
import { flowKindOf, type FlowSet } from '../domain/flowSchemas';
import type { IndustryDataApi } from '../graph';
import { formatTime } from '../domain/time';
import { exportCard } from '../views/configCards';
import { setFound } from './targetReplies';

/** What a file offer's context names: the set to export again at upload time. */
export const EXPORT_FILE_KIND = 'flowset-export';

async function documentOf(graph: IndustryDataApi, set: FlowSet, now: Date) {
  const { data: flows } = await graph.listFlows(set.id);
  const hasUser = flows.some((f) => flowKindOf(f) === 'user');
  const roleGroups = hasUser ? (await graph.listRoleGroups()).data : [];
  const { document, notes } = exportDocument(set, flows, roleGroups, now);
  return { document, notes, json: documentJson(document) };
}

/** "Contoso District – All schools" → "Contoso District - All schools.flowset.json". */
export function exportFileName(setName: string): string {
  const safe = setName
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${safe || 'flow set'}.flowset.json`;
}

/**
 * The file of an accepted offer, exported again as the person accepting (what they can read now,
 * not what they were offered): undefined when the set is gone.
 */
export async function exportFileFor(
  ctx: TurnInfo & { services: CommandContext['services'] },
  setId: string,
): Promise<{ name: string; content: string } | undefined> {
  const graph = ctx.services.graph.forUser(ctx);
  const set = await unlessGone(graph.getFlowSet(setId));
  if (!set) return undefined;
  const { json } = await documentOf(graph, set, new Date());
  return { name: exportFileName(set.displayName), content: json };
}

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
    const now = new Date();
    const { document, notes, json } = await documentOf(graph, set, now);
    const exportedAt = formatTime(now.toISOString(), 'second');
    const card = exportCard({ setId: set.id, document, json, notes, exportedAt });
    // Bots can send files in personal chats only (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4).
    if (ctx.conversation.type !== 'personal') return [{ card }];
    const file: FileOffer = {
      name: exportFileName(set.displayName),
      description: `Configuration of the flow set "${set.displayName}" (no passwords).`,
      sizeInBytes: Buffer.byteLength(json, 'utf8'),
      context: { kind: EXPORT_FILE_KIND, setId: set.id },
    };
    return [{ card }, { file }];
  },
});
