/**
 * The reverse of an edit: only the fields the edit changed go back, everything else keeps what
 * is stored now; stored shapes become bodies the schemas accept.
 */
import { bodyFromShape, changedPaths, restoreFields } from '../../src/history/restore';
import { FLOW_LABELS, FLOW_SET_LABELS } from '../../src/domain/fieldLabels';
import { FlowPatchInput, FlowSetPatchInput } from '../../src/graph';

const filter = (...codes: string[]) => ({ attribute: 'orgExternalId', in: codes });

describe('restoreFields', () => {
  it.each([
    {
      name: 'a rename is undone, the schools stay',
      before: { displayName: 'Old', filter: filter('A') },
      after: { displayName: 'New', filter: filter('A') },
      now: { displayName: 'New', filter: filter('A') },
      restored: { displayName: 'Old', filter: filter('A') },
    },
    {
      name: 'removing the filter is undone with the whole list of schools',
      before: { displayName: 'S', filter: filter('A', 'B') },
      after: { displayName: 'S', filter: null },
      now: { displayName: 'S', filter: null },
      restored: { displayName: 'S', filter: filter('A', 'B') },
    },
    {
      name: 'adding a filter is undone back to no filter',
      before: { displayName: 'S', filter: null },
      after: { displayName: 'S', filter: filter('A') },
      now: { displayName: 'S', filter: filter('A') },
      restored: { displayName: 'S', filter: null },
    },
    {
      name: 'a later change to another field is kept',
      before: { displayName: 'Old', filter: null },
      after: { displayName: 'New', filter: null },
      now: { displayName: 'New', filter: filter('LATER') },
      restored: { displayName: 'Old', filter: filter('LATER') },
    },
    {
      name: 'the same schools in another order are no change',
      before: { displayName: 'S', filter: filter('A', 'B') },
      after: { displayName: 'Renamed', filter: filter('B', 'A') },
      now: { displayName: 'Renamed', filter: filter('C') },
      restored: { displayName: 'S', filter: filter('C') },
    },
  ])('when $name, then only that is restored', ({ before, after, now, restored }) => {
    const paths = changedPaths(before, after, FLOW_SET_LABELS);
    expect(restoreFields(now, before, paths)).toEqual(restored);
  });

  it('when a flow option and a list changed, then both go back and untouched options stay', () => {
    const shape = (createTeam: boolean, owners: string[], write: boolean) => ({
      kind: 'classGroup',
      configuration: {
        additionalAttributes: ['courseTitle'],
        additionalOptions: { createTeam, writeDisplayNameOnCreateOnly: write },
        enrollmentMappings: { ownerCodes: owners, memberCodes: ['student'] },
      },
    });
    const paths = changedPaths(
      shape(false, ['teacher'], true),
      shape(true, ['teacher', 'aide'], true),
      FLOW_LABELS.classGroup,
    );
    // Someone flipped writeDisplayNameOnCreateOnly afterwards: that stays.
    expect(
      restoreFields(
        shape(true, ['teacher', 'aide'], false),
        shape(false, ['teacher'], true),
        paths,
      ),
    ).toEqual(shape(false, ['teacher'], false));
  });

  it('when nothing changed, then the current object is returned as is', () => {
    const now = { displayName: 'S', filter: null };
    expect(restoreFields(now, { displayName: 'T' }, [])).toBe(now);
  });

  it('when the earlier value was "not set" and now is a list, then the list is emptied', () => {
    const before = { managementOptions: { additionalAttributes: null } };
    const after = { managementOptions: { additionalAttributes: ['userNumber'] } };
    const paths = changedPaths(before, after, FLOW_LABELS.user);
    expect(restoreFields(after, before, paths)).toEqual({
      managementOptions: { additionalAttributes: [] },
    });
  });
});

describe('bodyFromShape', () => {
  it('when a stored user flow has nulls Graph uses for "not set", then the body leaves them out and validates', () => {
    const body = bodyFromShape({
      kind: 'user',
      createUnmatchedUsers: null,
      managementOptions: {
        additionalAttributes: ['userNumber'],
        additionalOptions: { allowStudentContactAssociation: null, studentAgeGroup: null },
      },
      creationOptions: undefined,
    });
    expect(body).toEqual({
      kind: 'user',
      managementOptions: {
        additionalAttributes: ['userNumber'],
        additionalOptions: { studentAgeGroup: null },
      },
    });
    expect(FlowPatchInput.safeParse(body).success).toBe(true);
  });

  it('when a set has no filter, then null is sent (it means "all schools")', () => {
    const body = bodyFromShape({ displayName: 'S', filter: null });
    expect(body).toEqual({ displayName: 'S', filter: null });
    expect(FlowSetPatchInput.safeParse(body).success).toBe(true);
  });
});
