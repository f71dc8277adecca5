import { useTestBot, cardText } from '../support/testBot';
import { buttons } from '../changes/support';
import { graphCallsFor, parseLine } from './changeCommandSupport';

describe('create', () => {
  it.each([
    ['create Lakeside', { name: 'Lakeside' }],
    ['CREATE "Lakeside – all"', { name: 'Lakeside – all' }],
    ['new flow set Lakeside', { name: 'Lakeside' }],
    ['create', { name: '' }],
  ])('when "%s" is typed, then the create command reads %j', (text, args) => {
    expect(parseLine(text)).toEqual({ command: 'create', parsed: { ok: true, args } });
  });

  describe('against the emulator', () => {
    const bot = useTestBot();

    it('when create is typed, then the form is shown pre-filled with the name and Graph is not called', async () => {
      const { reply, calls } = await graphCallsFor(bot, 'create Lakeside Academy');
      expect(calls).toEqual([]);
      expect(JSON.stringify(reply.card)).toContain('"value":"Lakeside Academy"');
      expect(buttons(reply.card).map((b) => [b.verb, b.data])).toContainEqual([
        'flowset.preview',
        { mode: 'create' },
      ]);
      expect(cardText(reply.card)).toContain('New flow set');
    });
  });
});
