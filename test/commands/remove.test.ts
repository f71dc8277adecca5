import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { buttons } from '../changes/support';
import { graphCallsFor, parseLine, SETS } from './changeCommandSupport';

describe('remove', () => {
  it.each([
    ['remove user flow from Northwind', { kind: 'user', set: 'Northwind' }],
    ['remove class groups flow from From Here', { kind: 'classGroup', set: 'From Here' }],
    ['remove au from X', { kind: 'administrativeUnit', set: 'X' }],
  ])('when "%s" is typed, then remove reads %j', (text, args) => {
    expect(parseLine(text)).toEqual({ command: 'remove', parsed: { ok: true, args } });
  });

  it('when no type is given, then the usage example is given', () => {
    const { parsed } = parseLine('remove Northwind');
    expect(parsed && !parsed.ok && parsed.error).toContain('remove class flow from Northwind');
  });

  describe('against the emulator', () => {
    const bot = useTestBot();

    it('when a flow is removed, then 2 Graph reads give a preview with its blast radius', async () => {
      const { reply, calls } = await graphCallsFor(bot, 'remove class flow from northwind');
      expect(calls).toEqual([`GET ${SETS}`, `GET ${SETS}/${SEED_IDS.northwind}/provisioningFlows`]);
      const text = cardText(reply.card);
      expect(text).toContain('Remove the class group flow from "Northwind High School"');
      expect(text).toContain('Stops provisioning class groups');
      expect(buttons(reply.card).map((b) => b.verb)).toEqual(['change.apply', 'change.cancel']);
    });

    it('when the name is ambiguous, then the which-one buttons re-run remove for one set id', async () => {
      const { reply } = await graphCallsFor(bot, 'remove class flow from school');
      expect(cardText(reply.card)).toContain('Which flow set do you mean by "school"?');
      expect(
        buttons(reply.card)
          .filter((b) => b.title === 'Choose')
          .map((b) => b.data.command),
      ).toEqual([
        `remove class flow from ${SEED_IDS.allSchools}`,
        `remove class flow from ${SEED_IDS.northwind}`,
      ]);
    });
  });
});
