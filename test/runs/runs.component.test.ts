/**
 * Issue 16, the chat part, end to end over real HTTP (app + Graph emulator with its run history +
 * IdP + loopback connector): `runs`, `run latest`, and `start run` → preview → Apply, with the
 * budget refusal and the permission message.
 */
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { NO_RUN_START_MESSAGE } from '../../src/bot/writeAccess';
import { parseRunArgs } from '../../src/commands/run';
import { cardText, shownText, useTestBot } from '../support/testBot';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { cardFor, cardOf, press, type Card } from '../changes/support';

const ELI = SANDBOX_USERS.find((u) => u.name === 'Eli ReadOnly')!;
const AVERY = SANDBOX_USERS.find((u) => u.name === 'Avery Admin')!;

/** Every element of `type` in a card, depth first. */
function elements(card: Card, type: string): Card[] {
  const out: Card[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === type) out.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

describe('sync runs in chat (component, sandbox Graph emulator)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const control = () => bot.app.sandbox!.emulator.control;

  it('when runs is asked, then the latest runs show with badges, times, the blocking error and a trend chart with its numbers as fallback', async () => {
    const card = await cardFor(bot, 'runs');
    expect(validateAdaptiveCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('School Data Sync runs');
    for (const badge of ['✗ failed', '✗ completed with errors', '! completed with warnings'])
      expect(text).toContain(badge);
    expect(text).toMatch(/The run stopped before it finished: /);
    expect(text).toMatch(/Started \{\{DATE\(\d{4}-\d\d-\d\dT[\d:]+Z, SHORT\)\}\}/);
    expect(text).toMatch(/took \d+ min|took under a minute|took \d+ h/);
    const [chart] = elements(card, 'Chart.Line');
    expect(chart.data.map((s: Card) => s.legend)).toEqual(['Errors', 'Warnings']);
    expect(chart.data[0].values.length).toBeGreaterThan(1);
    expect(chart.fallback.type).toBe('FactSet');
    expect(chart.fallback.facts).toHaveLength(chart.data[0].values.length);
  });

  it('when run latest is asked, then its statistics, matched/unmatched by role as a bar chart and the change against the previous run show', async () => {
    const card = await cardFor(bot, 'run latest');
    expect(validateAdaptiveCard(card)).toEqual([]);
    const text = cardText(card);
    const latest = control().runs().runs[0]!; // newest first
    expect(text).toContain(latest.displayName);
    expect(text).toMatch(/Errors\n\d/);
    expect(text).toMatch(/Since the previous run \(Run /);
    expect(text).toMatch(/(up|down) by [\d,]+ \(|No count changed/);
    const [bars] = elements(card, 'Chart.HorizontalBar');
    expect(bars.data.map((d: Card) => d.x)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/matched$/),
        expect.stringMatching(/unmatched$/),
      ]),
    );
    expect(bars.fallback.facts.map((f: Card) => f.title)).toEqual(bars.data.map((d: Card) => d.x));
  });

  it("when start run is applied, then Graph gets the start with the clicker's token, and the 202 is recorded with their object id", async () => {
    const preview = await cardFor(bot, 'start run');
    expect(validateAdaptiveCard(preview)).toEqual([]);
    const said = cardText(preview);
    expect(said).toContain('Start a School Data Sync run now');
    expect(said).toMatch(/5 of 5 starts left in the current 12 hours/);
    expect(said).toMatch(/The scheduled run due around .* (will be skipped|still runs)/);
    control().clearRequests();
    const result = cardText(cardOf(await press(bot, preview, 'Apply')));
    expect(result).toContain('Applied');
    expect(result).toContain('accepted the start (202)');
    const starts = control()
      .requests()
      .filter((r) => r.method === 'POST' && r.path.endsWith('/runs/start'));
    expect(starts).toHaveLength(1);
    const started = control().runs().runs[0]!;
    expect(started).toMatchObject({ trigger: 'onDemand', startedBy: AVERY.aadObjectId });
    const { entries } = await bot.app.services.audit.list({});
    const applied = entries.find((e) => e.kind === 'startRun' && e.event === 'applied')!;
    expect(applied.actor.aadObjectId).toBe(AVERY.aadObjectId);
    expect(applied.requestId).toBeTruthy();
  });

  it('when five runs were started in the window, then the sixth start run is refused, naming when a start is possible again', async () => {
    for (let i = 0; i < 5; i++) {
      const preview = await cardFor(bot, 'start run');
      expect(cardText(cardOf(await press(bot, preview, 'Apply')))).toContain('Applied');
      control().finishRunningRun();
    }
    const refusal = cardText(await cardFor(bot, 'start run'));
    expect(refusal).toMatch(/Not started\n.*all 5 of the last 12 hours are used/s);
    const freesAt = control().runs().budget.freesAt!;
    expect(refusal).toContain(
      `The next start is possible at ${freesAt.slice(0, 16).replace('T', ' ')} UTC`,
    );
  });

  it('when someone without IndustryData-Run.Start asks to start a run, then they get the permission message and no preview', async () => {
    const card = await cardFor(bot, 'start run', ELI);
    const said = cardText(card);
    expect(said).toContain(shownText(NO_RUN_START_MESSAGE));
    expect(said).not.toContain('Apply');
    expect(cardText(await cardFor(bot, 'runs', ELI))).toContain('School Data Sync runs');
  });

  it('when whoami is asked, then it lists the run permissions the person has', async () => {
    const avery = cardText(await cardFor(bot, 'whoami'));
    expect(avery).toMatch(/Can read sync runs\nYes \(IndustryData-Run\.Read\.All\)/);
    expect(avery).toMatch(/Can start sync runs\nYes \(IndustryData-Run\.Start\)/);
    const eli = cardText(await cardFor(bot, 'whoami', ELI));
    expect(eli).toMatch(/Can read sync runs\nYes/);
    expect(eli).toMatch(/Can start sync runs\nNo \(needs IndustryData-Run\.Start\)/);
  });

  it('when help is asked, then the run commands are listed', async () => {
    const text = cardText(await cardFor(bot, 'help'));
    for (const usage of ['runs', 'run {id|latest}', 'start run']) expect(text).toContain(usage);
  });

  it.each([
    ['', { which: 'latest' }],
    ['latest', { which: 'latest' }],
    ['LAST', { which: 'latest' }],
    [
      '918d4a8f-599b-4f6a-b409-e892855db534',
      { which: 'id', id: '918d4a8f-599b-4f6a-b409-e892855db534' },
    ],
    ['"abc-1"', { which: 'id', id: 'abc-1' }],
  ])('when "run %s" is parsed, then it means %j', (rest, args) => {
    expect(parseRunArgs(rest)).toEqual({ ok: true, args });
  });

  it.each([['a b'], ['<script>']])(
    'when "run %s" is parsed, then it is a usage mistake',
    (rest) => {
      expect(parseRunArgs(rest).ok).toBe(false);
    },
  );
});
