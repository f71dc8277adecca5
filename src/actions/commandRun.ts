/** `command.run`: a button that runs a chat command, so admins rarely have to type. */
import { z } from 'zod';
import { runCommandText } from '../bot/runCommand';
import { cardAction } from '../bot/action';

export const commandRunAction = cardAction({
  verb: 'command.run',
  schema: z.object({ command: z.string().trim().min(1).max(500) }),
  async run(ctx, { command }) {
    const replies = await runCommandText(command, ctx);
    const [first, ...rest] = replies;
    // One card answers in place of the clicked card; anything else is sent as new messages.
    if (first && 'card' in first) return { kind: 'card', card: first.card, also: rest };
    return { kind: 'message', text: first && 'text' in first ? first.text : 'Done.', also: rest };
  },
});
