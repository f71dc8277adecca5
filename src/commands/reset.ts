/**
 * `reset {type} flow in {set}`: a preview of resetting that flow (it reprocesses everything,
 * docs/graph-notes.md#reset), with the SDS warning; Apply sends the reset. 2 Graph calls to preview.
 */
import { requireFlowTarget, type FlowTarget } from '../domain/flowKindWords';
import { proposeFlowAction } from './remove';
import { command } from '../bot/command';

export const resetCommand = command<FlowTarget>({
  name: 'reset',
  aliases: [],
  writes: true,
  usage: 'reset {type} flow in {set}',
  summary:
    'Reset one flow: it reprocesses all data as on its first run and clears its errors. Preview first, then Apply.',
  examples: ['reset class flow in Northwind'],
  parse: (rest) =>
    requireFlowTarget(rest, ['in', 'of', 'on', 'for', 'from'], 'reset class flow in Northwind'),
  run: (ctx, args) => proposeFlowAction(ctx, 'resetFlow', args),
});
