/**
 * `import {document}`: a configuration document pasted after the word (docs/configuration-as-code.md)
 * is validated (errors by path), its role groups resolved by id or name, and previewed through
 * the normal pipeline (configPlan.ts): a new set, or the differences from the set of that name.
 * Graph calls: 1 (role groups) when the document has a user flow, then the plan's reads.
 */
import { command, type ParseResult } from '../bot/command';
import { importInputs, parseConfigDocument } from '../domain/configImport';
import type { ConfigDocument, DocumentError } from '../domain/configDocument';
import { MAX_DOCUMENT_CHARS } from '../domain/configText';
import { documentErrorsCard } from '../views/configCards';
import { planReplies } from './configPlan';

type ImportArgs =
  | { ok: true; document: ConfigDocument; text: string }
  | { ok: false; errors: DocumentError[] };

function parseImport(rest: string): ParseResult<ImportArgs> {
  if (!rest.trim())
    return {
      ok: false,
      error: 'Paste the document after the word import (as "export {set}" shows it).',
    };
  const parsed = parseConfigDocument(rest);
  // A document's problems are its own card (by path), not a usage mistake.
  return {
    ok: true,
    args: parsed.ok ? { ok: true, document: parsed.document, text: rest } : parsed,
  };
}

export const importCommand = command<ImportArgs>({
  name: 'import',
  aliases: ['import flow set'],
  writes: true,
  usage: 'import {document}',
  summary:
    'Create or update a flow set from a pasted document (from "export"): previews to Apply, passwords asked for in a form.',
  examples: ['import { "$schema": "https://sds-flow-admin/schemas/flowset-v1.json", … }'],
  // A document is longer than any other command (runCommand.ts reads this much for import).
  maxLength: MAX_DOCUMENT_CHARS + 100,
  parse: parseImport,
  async run(ctx, args) {
    if (!args.ok) return [{ card: documentErrorsCard(args.errors) }];
    const graph = ctx.services.graph.forUser(ctx);
    const roleGroups = args.document.flows.user ? (await graph.listRoleGroups()).data : [];
    const inputs = importInputs(args.document, roleGroups);
    if (!inputs.ok) return [{ card: documentErrorsCard(inputs.errors) }];
    return planReplies(ctx, inputs.inputs, {
      verb: 'Import',
      again: `import ${args.text}`,
      roleGroups,
    });
  },
});
