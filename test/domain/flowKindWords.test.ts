import { parseFlowKind, parseFlowTarget, requireFlowTarget } from '../../src/domain/flowKindWords';

describe('flow type words', () => {
  it.each([
    ['user', 'user'],
    ['Users', 'user'],
    ['class', 'classGroup'],
    ['classes', 'classGroup'],
    ['class group', 'classGroup'],
    ['Class Groups', 'classGroup'],
    ['classgroup', 'classGroup'],
    ['security', 'securityGroup'],
    ['security group', 'securityGroup'],
    ['security-groups', 'securityGroup'],
    ['adminunit', 'administrativeUnit'],
    ['admin unit', 'administrativeUnit'],
    ['admin units', 'administrativeUnit'],
    ['administrative unit', 'administrativeUnit'],
    ['Administrative Units', 'administrativeUnit'],
  ])('when "%s" is typed, then it means %s', (text, kind) => {
    expect(parseFlowKind(text)).toBe(kind);
  });

  it.each(['flow', 'group', 'teams', 'unit', ''])('when "%s" is typed, then it is no type', (t) => {
    expect(parseFlowKind(t)).toBeUndefined();
  });
});

describe('flow-shaped command text', () => {
  const joiners = ['in', 'of', 'on', 'for'];
  it.each([
    ['class flow in Northwind', { shape: 'flow', kind: 'classGroup', set: 'Northwind' }],
    ['class group flows in Northwind', { shape: 'flow', kind: 'classGroup', set: 'Northwind' }],
    ['users in "Fabrikam pilot"', { shape: 'flow', kind: 'user', set: '"Fabrikam pilot"' }],
    [
      'admin unit flow of School of Rock',
      { shape: 'flow', kind: 'administrativeUnit', set: 'School of Rock' },
    ],
    ['Northwind', { shape: 'set', set: 'Northwind' }],
    ['School of Rock', { shape: 'set', set: 'School of Rock' }],
    ['"user flow in X"', { shape: 'set', set: '"user flow in X"' }],
    ['flow in Northwind', { shape: 'anyFlow', set: 'Northwind' }],
  ])('when "%s" follows the command, then it reads as %j', (text, expected) => {
    expect(parseFlowTarget(text, joiners)).toEqual(expected);
  });

  it('when an unknown type is followed by "flow", then the error names the known types', () => {
    expect(parseFlowTarget('clas flow in Northwind', joiners)).toEqual({
      shape: 'error',
      error: 'I don\'t know the flow type "clas": use user, class, security or adminunit.',
    });
  });

  it('when a command needs a flow and gets only a set name, then it asks which type, with a choice per type', () => {
    expect(requireFlowTarget('Northwind', ['from'], 'remove class flow from Northwind')).toEqual({
      ok: false,
      error: 'Which type of flow in "Northwind"? Say it like "remove class flow from Northwind".',
      choices: [
        { title: 'user', command: 'remove user flow from Northwind' },
        { title: 'class group', command: 'remove class flow from Northwind' },
        { title: 'security group', command: 'remove security flow from Northwind' },
        { title: 'administrative unit', command: 'remove adminunit flow from Northwind' },
      ],
    });
  });
});
