import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, startTestBot, type TestBot } from '../support/testBot';
import { graphCallsFor, parseLine, SETS } from './changeCommandSupport';

describe('reset', () => {
  it.each([
    ['reset class flow in Northwind', { kind: 'classGroup', set: 'Northwind' }],
    ['reset user flow of Northwind', { kind: 'user', set: 'Northwind' }],
    ['Reset security group flow for X', { kind: 'securityGroup', set: 'X' }],
  ])('when "%s" is typed, then reset reads %j', (text, args) => {
    expect(parseLine(text)).toEqual({ command: 'reset', parsed: { ok: true, args } });
  });

  describe('against the emulator', () => {
    let bot: TestBot;
    beforeAll(async () => {
      bot = await startTestBot();
    });
    afterAll(() => bot.stop());

    it('when a flow is reset, then 2 Graph reads give a preview with the reset warning and nothing is written', async () => {
      const { reply, calls } = await graphCallsFor(bot, 'reset user flow in northwind');
      expect(calls).toEqual([`GET ${SETS}`, `GET ${SETS}/${SEED_IDS.northwind}/provisioningFlows`]);
      const text = cardText(reply.card);
      expect(text).toContain('Reset the user flow of "Northwind High School"');
      expect(text).toContain('Reset reprocesses everything in this flow');
      expect(text).toContain('every matched user');
    });

    it('when the set has no such flow, then it says so', async () => {
      const { reply } = await graphCallsFor(bot, 'reset security flow in northwind');
      expect(reply.text).toContain('has no security group flow; add one with');
    });
  });
});
