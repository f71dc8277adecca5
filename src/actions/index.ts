/** The card-action table, keyed by Action.Execute verb. */
import { commandRunAction } from './commandRun';
import type { CardAction } from './types';

export const actionTable: readonly CardAction[] = [commandRunAction];
