import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot } from '../support/testBot';
import { buttons } from '../changes/support';
import { graphCallsFor, parseLine, SETS } from './changeCommandSupport';

describe('edit', () => {
  it.each([
    ['edit Northwind', { shape: 'set', set: 'Northwind' }],
    ['edit School of Rock', { shape: 'set', set: 'School of Rock' }],
    ['Edit class flow in Northwind', { shape: 'flow', kind: 'classGroup', set: 'Northwind' }],
    ['edit users in Northwind', { shape: 'flow', kind: 'user', set: 'Northwind' }],
    [
      'change admin unit flow of Fabrikam',
      { shape: 'flow', kind: 'administrativeUnit', set: 'Fabrikam' },
    ],
    ['edit security groups flow for "A b"', { shape: 'flow', kind: 'securityGroup', set: '"A b"' }],
  ])('when "%s" is typed, then edit reads %j', (text, args) => {
    expect(parseLine(text)).toEqual({ command: 'edit', parsed: { ok: true, args } });
  });

  it.each([
    ['edit', 'Which flow set'],
    ['edit flow in Northwind', 'Say which type of flow'],
    ['edit clas flow in Northwind', 'I don\'t know the flow type "clas"'],
  ])('when "%s" is typed, then the error says what is missing', (text, error) => {
    const { parsed } = parseLine(text);
    expect(parsed).toMatchObject({ ok: false });
    expect(parsed && !parsed.ok && parsed.error).toContain(error);
  });

  describe('against the emulator', () => {
    const bot = useTestBot();

    it('when a set is edited, then one Graph call fills its form, whose Preview carries the set version', async () => {
      const { reply, calls } = await graphCallsFor(bot, 'edit northwind');
      expect(calls).toEqual([`GET ${SETS}`]);
      const preview = buttons(reply.card).find((b) => b.verb === 'flowset.preview')!;
      expect(preview.data).toMatchObject({ mode: 'edit', setId: SEED_IDS.northwind });
      expect(preview.data.version).toMatch(/^2025-08-18T/);
    });

    it.each([
      ['class', 2],
      ['user', 3], // + role groups
    ])('when a %s flow is edited, then %i Graph calls fill its form', async (word, count) => {
      const { reply, calls } = await graphCallsFor(bot, `edit ${word} flow in northwind`);
      expect(calls).toHaveLength(count);
      expect(calls.slice(0, 2)).toEqual([
        `GET ${SETS}`,
        `GET ${SETS}/${SEED_IDS.northwind}/provisioningFlows`,
      ]);
      expect(buttons(reply.card).find((b) => b.verb === 'flow.preview')?.data).toMatchObject({
        mode: 'edit',
        setId: SEED_IDS.northwind,
      });
    });
  });
});
