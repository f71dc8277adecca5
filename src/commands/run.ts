/** Runs one line of text against the command table: parse, run, or explain what went wrong. */
import { unknownCommandCard } from '../cards/messageCards';
import { AppError } from '../errors';
import { matchCommand } from './dispatch';
import type { CommandContext, Reply } from './types';

export async function runCommandText(text: string, ctx: CommandContext): Promise<Reply[]> {
  const table = ctx.services.commands;
  const match = matchCommand(text, table);
  if (match.kind === 'empty') return runCommandText('help', ctx);
  if (match.kind === 'unknown')
    return [{ card: unknownCommandCard(match.input, match.suggestions) }];
  const parsed = match.command.parse(match.rest);
  if (!parsed.ok) {
    throw new AppError('bad_input', `${parsed.error} Usage: ${match.command.usage}`);
  }
  ctx.services.logger.info('command', { command: match.command.name, activityId: ctx.activityId });
  return match.command.run(ctx, parsed.args);
}
