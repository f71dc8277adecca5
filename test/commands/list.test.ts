import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { click, createFlowSets, executeActions, graphCallsDuring, say } from './support';

const FLOW_SETS_PATH = '/beta/external/industryData/outboundProvisioningFlowSets';

describe('list (component, sandbox Graph emulator)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  it('when an admin types list, then every seeded set shows its filter and flow readiness', async () => {
    const text = cardText(await say(bot, 'list'));
    expect(text).toContain('3 flow sets');
    expect(text).toContain('Contoso District – All schools');
    expect(text).toContain('All organisations');
    expect(text).toContain(
      'Users ✓ ready · Classes ✓ ready · Security groups ✓ ready · Administrative units ✗ failed',
    );
    expect(text).toContain('1 school: NHS-0042');
    expect(text).toContain('Classes • disabled');
    expect(text).toContain('2 schools: FAB-ELEM-01, FAB-ELEM-02');
    expect(text).toContain('Classes ✓ ready · Security groups ✗ expired');
  });

  it('when the list is shown, then each set has a Show button that runs show <id>, in name order', async () => {
    const shows = executeActions(await say(bot, 'LIST')).filter((a) => a.title === 'Show');
    expect(shows.map((a) => [a.verb, a.data])).toEqual([
      ['command.run', { command: `show ${SEED_IDS.allSchools}` }],
      ['command.run', { command: `show ${SEED_IDS.fabrikamPilot}` }],
      ['command.run', { command: `show ${SEED_IDS.northwind}` }],
    ]);
  });

  it('when list runs, then Graph is called once for the sets and once per set for its flows', async () => {
    const calls = await graphCallsDuring(bot, () => say(bot, 'flowsets'));
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
    expect(calls.filter((c) => c.path === FLOW_SETS_PATH)).toHaveLength(1);
    for (const id of [SEED_IDS.allSchools, SEED_IDS.northwind, SEED_IDS.fabrikamPilot])
      expect(calls).toContainEqual({
        method: 'GET',
        path: `${FLOW_SETS_PATH}/${id}/provisioningFlows`,
      });
  });

  it('when there are more than 10 sets, then list pages them with working Next and Previous buttons', async () => {
    await createFlowSets(
      bot,
      Array.from({ length: 9 }, (_, i) => `Zeta pilot ${String(i + 1).padStart(2, '0')}`),
    );
    const first = await say(bot, 'list flow sets');
    expect(cardText(first)).toContain('12 flow sets · page 1 of 2');
    expect(executeActions(first).filter((a) => a.title === 'Show')).toHaveLength(10);
    expect(executeActions(first).map((a) => a.title)).not.toContain('Previous');
    const next = executeActions(first).find((a) => a.title === 'Next')!;
    expect(next.data).toEqual({ command: 'list page 2' });

    let second: unknown;
    const calls = await graphCallsDuring(bot, async () => (second = await click(bot, next)));
    expect(calls).toHaveLength(1 + 2); // the sets, then flows for the 2 sets on this page only
    const text = cardText(second);
    expect(text).toContain('page 2 of 2');
    expect(text).toContain('Zeta pilot 08');
    expect(text).toContain('Zeta pilot 09');
    expect(text).toContain('No flows yet');
    expect(text).not.toContain('Northwind');
    const titles = executeActions(second).map((a) => a.title);
    expect(titles).toContain('Previous');
    expect(titles).not.toContain('Next');
  });

  it('when a page past the end is asked for, then the last page is shown', async () => {
    expect(cardText(await say(bot, 'list page 9'))).toContain('Northwind High School');
  });

  it('when list gets something that is not a page, then the usage is shown', async () => {
    expect(cardText(await say(bot, 'list banana'))).toContain('Usage\nlist [page N]');
  });
});
