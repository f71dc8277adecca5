/** Runs one line of text against the command table: parse, run, or explain what went wrong. */
import { unknownCommandCard, usageCard } from '../views/messageCards';
import { matchCommand } from './dispatch';
import { requireWrite } from './writeAccess';
import { nameTurn } from '../telemetry';
import type { Command, CommandContext, Reply } from './command';

/**
 * The longest text read as a command. Commands are a few words and a set name; anything longer
 * is answered without being parsed, so no message, however long, holds up other users' turns.
 */
export const MAX_COMMAND_LENGTH = 1000;

export function tooLongReply(length: number): Reply {
  return {
    text:
      `That message is too long to be a command (${length.toLocaleString('en-US')} characters); ` +
      'commands are short, e.g. `show contoso`',
  };
}

/** A command that reads long text (`import {document}`), named by the text's first word. */
function allowsLength(text: string, table: readonly Command[]): boolean {
  const first = /^\s*(\S{1,20})/.exec(text.slice(0, 40))?.[1]?.toLowerCase();
  return table.some((c) => c.name === first && (c.maxLength ?? 0) >= text.length);
}

export async function runCommandText(text: string, ctx: CommandContext): Promise<Reply[]> {
  const table = ctx.services.commands;
  if (text.length > MAX_COMMAND_LENGTH && !allowsLength(text, table))
    return [tooLongReply(text.length)];
  const match = matchCommand(text, table);
  if (match.kind !== 'empty')
    nameTurn('command', match.kind === 'command' ? match.command.name : 'unknown');
  if (match.kind === 'empty') return runCommandText('help', ctx);
  if (match.kind === 'unknown')
    return [{ card: unknownCommandCard(match.input, match.suggestions) }];
  // Someone who cannot change flow sets learns it now, not at Apply (issue 12 item 3).
  if (match.command.writes) await requireWrite(ctx);
  const parsed = match.command.parse(match.rest);
  // A usage mistake is not an outage: a usage card, not the error box (issue 12 item 10).
  if (!parsed.ok) return [{ card: usageCard(match.command, parsed.error, parsed.choices) }];
  ctx.services.logger.info('command', { command: match.command.name, activityId: ctx.activityId });
  return match.command.run(ctx, parsed.args);
}
