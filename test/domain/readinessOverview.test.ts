import { overviewCounts, readinessOverview } from '../../src/domain/readinessOverview';
import { flow, flowSet } from './flowFixtures';

const ok = flowSet('1', 'All good', null);
const broken = flowSet('2', 'Broken', ['S1']);
const waiting = flowSet('3', 'Waiting', null);
const alsoBroken = flowSet('4', 'Also broken', null);

describe('readinessOverview', () => {
  const overview = readinessOverview([
    { set: ok, flows: [flow('user', 'ready'), flow('classGroup', 'ready')] },
    { set: waiting, flows: [flow('user', 'notReady'), flow('classGroup', 'ready')] },
    { set: broken, flows: [flow('securityGroup', 'expired'), flow('user', 'failed')] },
    { set: alsoBroken, flows: [flow('administrativeUnit', 'failed'), flow('user', null)] },
    { set: flowSet('5', 'Empty'), flows: [] },
  ]);

  it('when flows have mixed readiness, then sets needing attention come worst first, then by name', () => {
    expect(overview.needingAttention.map((n) => n.set.displayName)).toEqual([
      'Also broken',
      'Broken',
      'Waiting',
    ]);
  });

  it('when a set needs attention, then only its flows that are not ready are listed, in type order', () => {
    const [, brokenRow] = overview.needingAttention;
    expect(brokenRow!.flows.map((f) => f.readinessStatus)).toEqual(['failed', 'expired']);
  });

  it('when counted, then ready flows and each problem status are counted', () => {
    expect(overview).toMatchObject({ setCount: 5, flowCount: 8, readyCount: 3 });
    expect(overview.byStatus).toEqual({ notReady: 1, failed: 2, expired: 1, unknown: 1 });
    expect(overviewCounts(overview)).toBe(
      '3 ready · 2 failed · 1 expired · 1 not ready · 1 unknown',
    );
  });

  it('when everything is ready, then nothing needs attention', () => {
    const allReady = readinessOverview([{ set: ok, flows: [flow('user', 'ready')] }]);
    expect(allReady.needingAttention).toEqual([]);
    expect(overviewCounts(allReady)).toBe('1 ready');
  });
});
