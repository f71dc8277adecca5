import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { executeActions, graphCallsDuring, say } from './support';

describe('status (component, sandbox Graph emulator)', () => {
  const bot = useTestBot();
  const control = () => bot.app.sandbox!.emulator.control;
  beforeEach(() => {
    control().resetState();
    // The seeded Northwind user flow becomes ready after a delay; pin it so counts are exact.
    control().setReadiness(SEED_IDS.northwindUser, 'ready');
  });

  it('when status is asked, then it counts ready flows and lists every set that needs attention', async () => {
    const text = cardText(await say(bot, 'status'));
    expect(text).toContain('8 flows in 3 flow sets: 5 ready · 1 failed · 1 expired · 1 disabled.');
    expect(text).toContain('Administrative units ✗ failed');
    expect(text).toContain('Security groups ✗ expired');
    expect(text).toContain('Classes • disabled');
    expect(text).not.toContain('Users ✓ ready');
  });

  it('when a flow is forced to failed, then status shows it, worst sets first, each with a Show button', async () => {
    control().setReadiness(SEED_IDS.fabrikamClassGroup, 'failed');
    const card = await say(bot, 'STATUS');
    const text = cardText(card);
    expect(text).toContain('4 ready · 2 failed · 1 expired · 1 disabled');
    expect(text).toContain('Classes ✗ failed · Security groups ✗ expired');
    const shows = executeActions(card).filter((a) => a.title === 'Show');
    expect(shows.map((a) => a.data)).toEqual([
      { command: `show ${SEED_IDS.allSchools}` },
      { command: `show ${SEED_IDS.fabrikamPilot}` },
      { command: `show ${SEED_IDS.northwind}` },
    ]);
  });

  it('when a flow is not ready yet, then status says so', async () => {
    control().setReadiness(SEED_IDS.northwindUser, 'notReady');
    expect(cardText(await say(bot, 'readiness'))).toContain(
      'Users … not ready · Classes • disabled',
    );
  });

  it('when every flow is ready, then status says everything is ready and lists no sets', async () => {
    for (const id of [
      SEED_IDS.allSchoolsAdminUnit,
      SEED_IDS.northwindClassGroup,
      SEED_IDS.fabrikamSecurityGroup,
    ])
      control().setReadiness(id, 'ready');
    const card = await say(bot, 'status');
    expect(cardText(card)).toContain('Everything is ready: 8 flows in 3 flow sets.');
    expect(executeActions(card).filter((a) => a.title === 'Show')).toHaveLength(0);
  });

  it('when status runs, then Graph is called once for the sets, once per set and once for the runs', async () => {
    const calls = await graphCallsDuring(bot, () => say(bot, 'status'));
    expect(calls).toHaveLength(1 + 3 + 1);
  });

  it('when status is asked, then the last sync run shows beside readiness, and a donut of flows by readiness with its numbers as fallback', async () => {
    const card = await say(bot, 'status');
    const text = cardText(card);
    const last = control().runs().runs[0]!;
    expect(text).toContain(`Last sync run: ${last.displayName}`);
    const donut = card.body.find((e: { type: string }) => e.type === 'Chart.Donut');
    expect(donut.data.map((d: { legend: string }) => d.legend)).toEqual([
      'Ready',
      'Failed',
      'Expired',
      'Disabled',
    ]);
    expect(donut.fallback.facts).toEqual([
      { title: 'Ready', value: '5' },
      { title: 'Failed', value: '1' },
      { title: 'Expired', value: '1' },
      { title: 'Disabled', value: '1' },
    ]);
  });
});
