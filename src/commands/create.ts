/** `create {name}`: the flow-set form, pre-filled with the name. Nothing is saved before Apply. */
import { createSetForm } from '../forms/openForms';
import { unquote } from '../domain/flowSetResolver';
import { command } from '../bot/command';

export const createCommand = command<{ name: string }>({
  name: 'create',
  aliases: ['create flow set', 'new flow set', 'new set'],
  writes: true,
  usage: 'create {name}',
  summary:
    'A new flow set: a form for its name and schools, then a preview you Apply. No Graph call until then.',
  examples: ['create Northwind Middle School', 'create "Fabrikam – all schools"'],
  parse: (rest) => ({ ok: true, args: { name: unquote(rest).text } }),
  async run(_ctx, { name }) {
    return [{ card: createSetForm(name) }];
  },
});
