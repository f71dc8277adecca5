import {
  filterDetail,
  filterSummary,
  flowsSummary,
  humanise,
  missingFlowKinds,
  readinessBadge,
  sortByName,
} from '../../src/domain/flowSummary';
import { ProvisioningFlow } from '../../src/domain/flowSchemas';
import { flow, flowSet } from './flowFixtures';
import { formatTime } from '../../src/domain/time';

const orgs = (n: number) => Array.from({ length: n }, (_, i) => `S${i + 1}`);
const filterOf = (values: string[]) => ({ attribute: 'orgExternalId', in: values });

describe('filterSummary', () => {
  it.each([
    [null, 'All organisations'],
    [undefined, 'All organisations'],
    [filterOf([]), 'All organisations'],
    [filterOf(['NHS-0042']), '1 school: NHS-0042'],
    [filterOf(orgs(3)), '3 schools: S1, S2, S3'],
    [filterOf(orgs(4)), '4 schools: S1, S2, S3…'],
    [filterOf(orgs(250)), '250 schools: S1, S2, S3…'],
  ])('when the filter is %j, then the summary is "%s"', (filter, expected) => {
    expect(filterSummary(filter)).toBe(expected);
  });
});

describe('filterDetail', () => {
  it.each([
    [null, 'All organisations (no filter)'],
    [filterOf(orgs(2)), 'S1, S2'],
    [filterOf(orgs(62)), `${orgs(60).join(', ')} … and 2 more`],
  ])('when the filter is %j, then the detail is the list, bounded', (filter, expected) => {
    expect(filterDetail(filter)).toBe(expected);
  });
});

describe('readinessBadge', () => {
  it.each([
    ['ready', '✓ ready', 'Good'],
    ['notReady', '… not ready', 'Warning'],
    ['failed', '✗ failed', 'Attention'],
    ['expired', '✗ expired', 'Attention'],
    ['disabled', '• disabled', 'Warning'],
    ['unknownFutureValue', '? unknownFutureValue', 'Default'],
    ['somethingNew', '? somethingNew', 'Default'],
    [null, '? unknown', 'Default'],
    ['toString', '? toString', 'Default'],
  ])('when the status is %s, then the badge is "%s" in %s', (status, text, color) => {
    expect(readinessBadge(status)).toMatchObject({ text, color });
  });

  it('when statuses are compared, then failed is the worst and ready the best', () => {
    const order = ['failed', 'expired', 'disabled', 'notReady', 'strange', 'ready'];
    const severities = order.map((s) => readinessBadge(s).severity);
    expect([...severities].sort((a, b) => a - b)).toEqual(severities);
  });
});

describe('flowsSummary', () => {
  it.each([
    [[], 'No flows yet'],
    [
      [flow('securityGroup', 'failed'), flow('user', 'ready'), flow('classGroup', 'notReady')],
      'Users ✓ ready · Classes … not ready · Security groups ✗ failed',
    ],
    [[flow('administrativeUnit', 'expired')], 'Administrative units ✗ expired'],
    [
      [
        ProvisioningFlow.parse({
          id: 'x',
          '@odata.type': '#future.flow',
          readinessStatus: 'ready',
        }),
        flow('user', 'disabled'),
      ],
      'Users • disabled · Other flow ✓ ready',
    ],
  ])('when the flows are %#, then the line is "%s"', (flows, expected) => {
    expect(flowsSummary(flows)).toBe(expected);
  });
});

describe('missingFlowKinds', () => {
  it('when a set has users and classes, then security groups and admin units can be added', () => {
    expect(missingFlowKinds([flow('user', 'ready'), flow('classGroup', 'ready')])).toEqual([
      'securityGroup',
      'administrativeUnit',
    ]);
  });
});

describe('formatTimestamp', () => {
  it.each([
    ['2025-08-18T14:05:11.0000000Z', '2025-08-18 14:05 UTC'],
    ['2025-08-18T16:05:11+02:00', '2025-08-18 14:05 UTC'],
    [null, '—'],
    ['not a date', 'not a date'],
  ])('when the timestamp is %s, then it reads "%s"', (iso, expected) => {
    expect(formatTime(iso)).toBe(expected);
  });
});

describe('humanise', () => {
  it.each([
    ['courseGradeLevel', 'course grade level'],
    ['userNumber', 'user number'],
    ['academicSessionExternalId', 'academic session external id'],
    ['minor', 'minor'],
  ])('when %s is humanised, then it reads "%s"', (code, expected) => {
    expect(humanise(code)).toBe(expected);
  });
});

describe('sortByName', () => {
  it('when names differ only in case, then the order is by name then id, stable', () => {
    const sets = [flowSet('2', 'beta'), flowSet('3', 'Alpha'), flowSet('1', 'Beta')];
    expect(sortByName(sets).map((s) => s.id)).toEqual(['3', '1', '2']);
  });
});
