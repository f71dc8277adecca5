import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { button } from '../changes/support';
import { graphCallsFor, parseLine, SETS } from './changeCommandSupport';

describe('delete', () => {
  it.each([
    ['delete Northwind', { shape: 'set', set: 'Northwind' }],
    ['delete flow set "A of B"', { shape: 'set', set: '"A of B"' }],
    ['delete class flow from Northwind', { shape: 'flow', kind: 'classGroup', set: 'Northwind' }],
  ])('when "%s" is typed, then delete reads %j', (text, args) => {
    expect(parseLine(text)).toEqual({ command: 'delete', parsed: { ok: true, args } });
  });

  describe('against the emulator', () => {
    const bot = useTestBot();

    it('when a set is deleted, then 2 Graph reads give the preview and nothing is written', async () => {
      const { reply, calls } = await graphCallsFor(bot, 'delete northwind');
      expect(calls).toEqual([`GET ${SETS}`, `GET ${SETS}/${SEED_IDS.northwind}/provisioningFlows`]);
      expect(cardText(reply.card)).toContain('Delete flow set "Northwind High School"');
      expect(Object.keys(button(reply.card, 'Apply').data)).toEqual(['changeId']);
    });

    it('when a flow is deleted with delete, then it is the remove preview', async () => {
      const { reply } = await graphCallsFor(bot, 'delete user flow from northwind');
      expect(cardText(reply.card)).toContain('Remove the user flow from "Northwind High School"');
    });
  });
});
