/** Shared by the change-command tests: parse a line with the real table, count Graph calls. */
import { commandTable } from '../../src/commands';
import { matchCommand } from '../../src/bot/dispatch';
import type { ParseResult } from '../../src/bot/command';
import type { TestBot } from '../support/testBot';
import { AVERY, sayAs } from '../changes/support';

/** What the command table makes of a whole line: which command, and its parse result. */
export function parseLine(text: string): { command?: string; parsed?: ParseResult<unknown> } {
  const match = matchCommand(text, commandTable);
  if (match.kind !== 'command') return {};
  return { command: match.command.name, parsed: match.command.parse(match.rest) };
}

/**
 * Graph requests (method + path) made as the user while the bot answered `text` (background
 * readers such as a notification poller act as the app and are left out).
 */
export async function graphCallsFor(bot: TestBot, text: string) {
  const control = bot.app.sandbox!.emulator.control;
  control.clearRequests();
  const reply = await sayAs(bot, text);
  const calls = control
    .requests()
    .filter((r) => r.callerOid === AVERY.aadObjectId)
    .map((r) => `${r.method} ${r.path.split('?')[0]}`);
  return { reply, calls };
}

/** The path suffixes the emulator serves (for readable expectations). */
export const SETS = '/beta/external/industryData/outboundProvisioningFlowSets';
