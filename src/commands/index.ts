/** The command table: every command the bot accepts, in the order `help` lists them. */
import { helpCommand } from './help';
import type { Command } from './types';
import { whoamiCommand } from './whoami';

export const commandTable: readonly Command[] = [helpCommand, whoamiCommand];
