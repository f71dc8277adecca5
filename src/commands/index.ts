/** The command table: every command the bot accepts, in the order `help` lists them. */
import { addCommand } from './add';
import { approvalsCommand } from './approvals';
import { approvalsHereCommand } from './approvalsHere';
import { copyCommand } from './copy';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { editCommand } from './edit';
import { exportCommand } from './export';
import { helpCommand } from './help';
import { historyCommand } from './history';
import { importCommand } from './import';
import { undoCommand } from './undo';
import { listCommand } from './list';
import { notifyCommand } from './notify';
import { removeCommand } from './remove';
import { resetCommand } from './reset';
import { roleGroupsCommand } from './roleGroups';
import { runCommand } from './run';
import { runsCommand } from './runs';
import { startRunCommand } from './startRun';
import { showCommand } from './show';
import { signoutCommand } from './signout';
import { statusCommand } from './status';
import type { Command } from '../bot/command';
import { whoamiCommand } from './whoami';

export const commandTable: readonly Command[] = [
  helpCommand,
  whoamiCommand,
  listCommand,
  showCommand,
  statusCommand,
  runsCommand,
  runCommand,
  roleGroupsCommand,
  createCommand,
  editCommand,
  deleteCommand,
  addCommand,
  removeCommand,
  resetCommand,
  startRunCommand,
  // Configuration as code (docs/configuration-as-code.md)
  exportCommand,
  importCommand,
  copyCommand,
  notifyCommand,
  historyCommand,
  undoCommand,
  approvalsCommand,
  approvalsHereCommand,
  signoutCommand,
];
