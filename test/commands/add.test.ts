import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { buttons } from '../changes/support';
import { graphCallsFor, parseLine, SETS } from './changeCommandSupport';

describe('add', () => {
  it.each([
    ['add user flow to Northwind', { kind: 'user', set: 'Northwind' }],
    ['add users to Northwind', { kind: 'user', set: 'Northwind' }],
    ['add class group flow to Northwind High', { kind: 'classGroup', set: 'Northwind High' }],
    ['add classes flow to A to Z', { kind: 'classGroup', set: 'A to Z' }],
    ['add security groups flow to X', { kind: 'securityGroup', set: 'X' }],
    ['add admin units flow to X', { kind: 'administrativeUnit', set: 'X' }],
    ['ADD Administrative Unit flow to X', { kind: 'administrativeUnit', set: 'X' }],
    ['add flow to Northwind', { set: 'Northwind' }],
    ['add to Northwind', { set: 'Northwind' }],
  ])('when "%s" is typed, then add reads %j', (text, args) => {
    expect(parseLine(text)).toEqual({ command: 'add', parsed: { ok: true, args } });
  });

  it.each([
    ['add Northwind', 'Say which type of flow and which set'],
    ['add teams flow to Northwind', 'I don\'t know the flow type "teams"'],
  ])('when "%s" is typed, then the error explains it', (text, error) => {
    const { parsed } = parseLine(text);
    expect(parsed && !parsed.ok && parsed.error).toContain(error);
  });

  describe('against the emulator', () => {
    const bot = useTestBot();

    it('when a type the set lacks is added, then 2 Graph reads give its form with the defaults', async () => {
      const { reply, calls } = await graphCallsFor(bot, 'add security flow to northwind');
      expect(calls).toEqual([`GET ${SETS}`, `GET ${SETS}/${SEED_IDS.northwind}/provisioningFlows`]);
      expect(buttons(reply.card).find((b) => b.verb === 'flow.preview')?.data).toMatchObject({
        mode: 'add',
        kind: 'securityGroup',
        setId: SEED_IDS.northwind,
      });
    });

    it('when a user flow is added, then the role groups are read too', async () => {
      const { calls } = await graphCallsFor(bot, 'add user flow to fabrikam');
      expect(calls).toHaveLength(3);
      expect(calls[2]).toBe('GET /beta/external/industryData/roleGroups');
    });

    it('when no type is given, then the types the set lacks are offered', async () => {
      const { reply } = await graphCallsFor(bot, 'add flow to northwind');
      expect(cardText(reply.card)).toContain('Which type of flow do you want to add');
      expect(buttons(reply.card).map((b) => b.data.kind)).toEqual([
        'securityGroup',
        'administrativeUnit',
      ]);
    });

    it('when the set has every type, then there is nothing to add', async () => {
      const { reply } = await graphCallsFor(bot, 'add flow to contoso');
      expect(reply.text).toContain('already has a flow of every type');
    });
  });
});
