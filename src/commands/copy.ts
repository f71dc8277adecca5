/**
 * `copy {set} as {name} [for schools {ids} | for all schools]`: a new set with the same flows and
 * settings (and the same schools unless new ones are given), through the same previews as
 * `import` (configPlan.ts): the set first, then its flows when the same command runs again.
 * Graph calls: 2–3 to read the source (sets, flows, role groups), then the plan's reads.
 */
import { command, type ParseResult } from '../bot/command';
import { findSet } from '../changes/targets';
import { importInputs, withSet } from '../domain/configImport';
import { exportDocument } from '../domain/configExport';
import { FlowSetCreateInput } from '../domain/flowInputs';
import { flowKindOf } from '../domain/flowSchemas';
import { normaliseName, unquote } from '../domain/flowSetResolver';
import { documentErrorsCard } from '../views/configCards';
import { planReplies } from './configPlan';
import { setFound } from './targetReplies';

interface CopyArgs {
  source: string;
  name: string;
  /** undefined: the source's schools; null: all schools; a list: those schools. */
  schools?: string[] | null;
}

const EXAMPLE = 'copy Northwind as "Southridge High School" for schools SHS-0107';
const SHAPE = /^(.+?)\s+as\s+(.+?)(?:\s+for\s+(all\s+schools|schools?\s+(.+)))?$/is;

export function parseCopy(rest: string): ParseResult<CopyArgs> {
  const match = SHAPE.exec(rest.trim());
  if (!match) return { ok: false, error: `Say which set and the new name, like "${EXAMPLE}".` };
  const source = unquote(match[1]!).text;
  const name = unquote(match[2]!).text;
  if (!name) return { ok: false, error: 'Give the new flow set a name.' };
  if (normaliseName(source) === normaliseName(name))
    return { ok: false, error: 'The copy needs a name of its own.' };
  if (!match[3]) return { ok: true, args: { source, name } };
  if (!match[4]) return { ok: true, args: { source, name, schools: null } };
  const schools = match[4].split(/[\s,;]+/).filter(Boolean);
  return { ok: true, args: { source, name, schools } };
}

export const copyCommand = command<CopyArgs>({
  name: 'copy',
  aliases: ['copy flow set', 'clone'],
  writes: true,
  usage: 'copy {set} as {name} [for schools {ids}]',
  summary:
    'A new flow set with the same flows and settings as another, for other schools: previews to Apply.',
  examples: [EXAMPLE, 'copy "Fabrikam Elementary pilot" as Fabrikam Middle for all schools'],
  parse: parseCopy,
  async run(ctx, args) {
    const graph = ctx.services.graph.forUser(ctx);
    const quoted = `"${args.name}"${args.schools === null ? ' for all schools' : args.schools ? ` for schools ${args.schools.join(', ')}` : ''}`;
    const found = setFound(await findSet(graph, args.source), (s) => `copy ${s.id} as ${quoted}`);
    if (!found.ok) return [found.reply];
    const source = found.value;
    const { data: flows } = await graph.listFlows(source.id);
    const hasUser = flows.some((f) => flowKindOf(f) === 'user');
    const roleGroups = hasUser ? (await graph.listRoleGroups()).data : [];
    const { document } = exportDocument(source, flows, roleGroups, new Date());
    const filter =
      args.schools === undefined
        ? document.flowSet.filter
        : args.schools && { attribute: 'orgExternalId' as const, in: args.schools };
    const set = FlowSetCreateInput.safeParse({ displayName: args.name, filter });
    const inputs = importInputs(document, roleGroups);
    if (!inputs.ok) return [{ card: documentErrorsCard(inputs.errors) }];
    if (!set.success)
      return [
        { text: `The copy's name or schools are not valid: ${set.error.issues[0]?.message}` },
      ];
    return planReplies(ctx, withSet(inputs.inputs, set.data), {
      verb: `Copy of "${source.displayName}"`,
      again: `copy ${source.id} as ${quoted}`,
      roleGroups,
    });
  },
});
