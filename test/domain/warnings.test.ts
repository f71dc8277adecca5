import type { FieldChange } from '../../src/domain/diff';
import { diffFlow, diffFlowSet } from '../../src/domain/previewDiff';
import {
  SDS_WARNINGS,
  warningForField,
  minorsDeprecation,
  reliesOnMinorsFlag,
  warningsFor,
  warningsForFlow,
} from '../../src/domain/warnings';
import { ProvisioningFlow } from '../../src/domain/flowSchemas';
import { FLOW_INPUTS } from '../graph/flowInputs';
import { graphDocBody } from '../support/graphDocs';

const storedUserFlow = () =>
  ProvisioningFlow.parse(graphDocBody('10-create-provisioningflow-user-response.json'));
const row = (path: string, after: string): FieldChange => ({
  path,
  label: path,
  before: '',
  after,
});

describe('warningsFor', () => {
  it.each([
    [
      'unmatched users are turned on',
      'updateFlow',
      [row('createUnmatchedUsers', 'Yes')],
      ['createUnmatchedUsers'],
    ],
    ['unmatched users are turned off', 'updateFlow', [row('createUnmatchedUsers', 'No')], []],
    ['the schools of a set change', 'updateFlowSet', [row('filter.in', 'added X')], ['orgFilter']],
    [
      'class Teams are turned on',
      'updateFlow',
      [row('configuration.additionalOptions.createTeam', 'Yes')],
      ['createTeam'],
    ],
    ['a flow is reset', 'resetFlow', [], ['reset']],
    ['only the name changes', 'updateFlowSet', [row('displayName', 'New')], []],
    [
      'two risky fields change at once',
      'createFlow',
      [
        row('createUnmatchedUsers', 'Yes'),
        row('filter.in', 'a'),
        row('createUnmatchedUsers', 'Yes'),
      ],
      ['createUnmatchedUsers', 'orgFilter'],
    ],
  ] as const)('when %s, then the preview warns about exactly that', (_case, kind, rows, keys) => {
    expect(warningsFor(kind, [...rows])).toEqual(keys.map((k) => SDS_WARNINGS[k]));
  });

  it('when a real user-flow create with unmatched users is previewed, then the Entra Connect warning shows', () => {
    const warnings = warningsFor('createFlow', diffFlow(null, FLOW_INPUTS.user));
    expect(warnings).toEqual([SDS_WARNINGS.createUnmatchedUsers]);
    expect(warnings[0]).toContain('Entra Connect');
  });

  it('when a set is narrowed to some schools, then the filter warning says filters are not a performance tool', () => {
    const rows = diffFlowSet(null, { displayName: 'North', filter: { in: ['Quarter'] } });
    expect(warningsFor('createFlowSet', rows)).toEqual([SDS_WARNINGS.orgFilter]);
    expect(SDS_WARNINGS.orgFilter).toContain('not a performance tool');
  });
});

describe('warningForField and warningsForFlow', () => {
  it.each([
    ['createUnmatchedUsers', SDS_WARNINGS.createUnmatchedUsers],
    ['filter.in', SDS_WARNINGS.orgFilter],
    ['displayName', undefined],
  ])('when the edit card shows %s, then the warning beside it is the SDS one', (path, warning) => {
    expect(warningForField(path)).toBe(warning);
  });

  it.each([
    [
      'relies on the deprecated flag alone',
      { markAllStudentsAsMinors: true, studentAgeGroup: null },
      1,
    ],
    ['has the derived flag next to studentAgeGroup (Graph example 10)', undefined, 0],
    ['uses studentAgeGroup only', { studentAgeGroup: 'minor' }, 0],
  ])('when a stored user flow %s, then %i deprecation warning(s) show', (_case, options, count) => {
    const flow = storedUserFlow() as Record<string, unknown> & {
      managementOptions: { additionalOptions: object };
    };
    if (options) flow.managementOptions.additionalOptions = options;
    const warnings = warningsForFlow(flow as never);
    expect(warnings).toHaveLength(count);
    if (count) expect(warnings[0]).toContain('15 October 2025');
  });
});

describe('minorsDeprecation', () => {
  it.each([
    ['2025-09-01T12:00:00Z', 'Microsoft stops returning it on 15 October 2025'],
    ['2025-10-15T00:00:00Z', 'Microsoft has not returned it since 15 October 2025'],
    ['2026-12-06T12:00:00Z', 'Microsoft has not returned it since 15 October 2025'],
  ])('when today is %s, then the date is worded "%s"', (now, words) => {
    expect(minorsDeprecation(new Date(now))).toContain(words);
  });

  it.each([
    [{ markAllStudentsAsMinors: true, studentAgeGroup: 'minor' }, false],
    [{ markAllStudentsAsMinors: true, studentAgeGroup: null }, true],
    [{ markAllStudentsAsMinors: false }, true],
    [{ studentAgeGroup: null }, false],
  ])('when the options are %j, then the flow relies on the old flag: %s', (options, relies) => {
    expect(reliesOnMinorsFlag(options as never)).toBe(relies);
  });
});
