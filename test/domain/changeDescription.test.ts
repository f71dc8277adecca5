import {
  changeTitle,
  describeBlastRadius,
  schoolsPhrase,
  scopeOf,
} from '../../src/domain/changeDescription';
import { CHANGE_KINDS } from '../../src/domain/pendingChange';
import { FlowSet } from '../../src/domain/flowSchemas';

const north = { name: 'North', schools: ['Quarter', 'Demo'] };
const everyone = { name: 'All', schools: null };

describe('schoolsPhrase', () => {
  it.each([
    [null, 'all schools in the inbound data (the set has no filter)'],
    [[], 'no schools (the filter lists none)'],
    [['A'], "the set's 1 school (A)"],
    [['A', 'B'], "the set's 2 schools (A, B)"],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G'], "the set's 7 schools (A, B, C, D, E and 2 more)"],
  ])('when the schools are %j, then they read "%s"', (schools, text) => {
    expect(schoolsPhrase(schools)).toBe(text);
  });

  it('when a stored set has no filter, then its scope is all schools', () => {
    const set = FlowSet.parse({ id: 's', displayName: 'All', filter: null });
    expect(scopeOf(set)).toEqual({ name: 'All', schools: null });
  });
});

describe('describeBlastRadius', () => {
  it('when a user flow is reset, then it says everything is reprocessed, errors cleared and which users are touched', () => {
    const radius = describeBlastRadius({ kind: 'resetFlow', set: north, flowKind: 'user' });
    expect(radius.title).toBe('Reset the user flow of "North"');
    expect(radius.effects[0]).toBe(
      'Reprovisions all current data as if it were the initial run and clears the existing errors of the flow (Graph docs).',
    );
    expect(radius.effects[1]).toBe(
      "For a user flow this touches every matched user in the set's 2 schools (Quarter, Demo).",
    );
  });

  it.each([
    ['classGroup', 'every class group and its membership'],
    ['securityGroup', 'every security group the flow manages'],
    ['administrativeUnit', 'every administrative unit the flow manages'],
  ] as const)(
    'when a %s flow is reset, then the touched objects are named',
    (flowKind, touched) => {
      const radius = describeBlastRadius({ kind: 'resetFlow', set: everyone, flowKind });
      expect(radius.effects[1]).toContain(`touches ${touched} in all schools in the inbound data`);
    },
  );

  it.each([
    [
      ['user', 'classGroup'],
      'Deletes the set and its 2 flows (user, class group); provisioning for',
    ],
    [['securityGroup'], 'Deletes the set and its flow (security group); provisioning for'],
  ] as const)(
    'when a set with flows %j is deleted, then the count and kinds are spelled out',
    (flowKinds, text) => {
      const radius = describeBlastRadius({
        kind: 'deleteFlowSet',
        set: north,
        flowKinds: [...flowKinds],
      });
      expect(radius.title).toBe('Delete flow set "North"');
      expect(radius.effects[0]).toContain(text);
      expect(radius.effects[0]).toContain('through this set stops');
      expect(radius.effects.join(' ')).toContain('cannot be undone');
    },
  );

  it('when an empty set is deleted, then it says nothing is provisioned through it (nothing stops)', () => {
    const radius = describeBlastRadius({ kind: 'deleteFlowSet', set: north, flowKinds: [] });
    expect(radius.effects).toEqual([
      'Deletes the set. It has no flows: nothing is provisioned through it.',
      'This cannot be undone: to get it back, create it again.',
    ]);
  });

  it.each([
    ['user', 'the users it already created'],
    ['classGroup', 'the class groups and class Teams it already created'],
    ['securityGroup', 'the security groups it already created'],
    ['administrativeUnit', 'the administrative units it already created'],
  ] as const)(
    'when a %s flow is removed, then what it leaves behind is named for its kind',
    (flowKind, words) => {
      const radius = describeBlastRadius({ kind: 'deleteFlow', set: north, flowKind });
      expect(radius.effects[1]).toBe(
        `Microsoft's documentation does not say what happens to ${words}.`,
      );
    },
  );

  it('when a set with a user and an administrative-unit flow is deleted, then both kinds of leftovers are named', () => {
    const radius = describeBlastRadius({
      kind: 'deleteFlowSet',
      set: north,
      flowKinds: ['user', 'administrativeUnit'],
    });
    expect(radius.effects[1]).toBe(
      "Microsoft's documentation does not say what happens to the users and administrative units its flows already created.",
    );
  });

  it('when a flow is removed, then it says what stops and that the aftermath is undocumented', () => {
    const radius = describeBlastRadius({ kind: 'deleteFlow', set: north, flowKind: 'classGroup' });
    expect(radius.title).toBe('Remove the class group flow from "North"');
    expect(radius.effects[0]).toMatch(
      /^Stops provisioning class groups .* for the set's 2 schools/,
    );
    expect(radius.effects[1]).toContain('does not say');
  });
});

describe('changeTitle', () => {
  it.each(CHANGE_KINDS.filter((k) => k !== 'startRun'))(
    'when the change is %s, then it has a title naming the set',
    (kind) => {
      expect(changeTitle(kind, { setName: 'North', flowKind: 'user' })).toContain('"North"');
    },
  );

  it('when the change starts a sync run, then its title says so (a run is not about one set)', () => {
    expect(changeTitle('startRun', { setName: 'North' })).toBe('Start a School Data Sync run now');
  });

  it.each([
    ['administrativeUnit', 'Add an administrative unit flow to "North"'],
    ['user', 'Add a user flow to "North"'],
  ] as const)('when a %s flow is added, then the title reads "%s"', (flowKind, title) => {
    expect(changeTitle('createFlow', { setName: 'North', flowKind })).toBe(title);
  });
});
