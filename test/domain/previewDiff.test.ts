import type { FlowCreateInput } from '../../src/domain/flowInputs';
import { FlowSet, FLOW_KINDS, KnownProvisioningFlow } from '../../src/domain/flowSchemas';
import { diffFlow, diffFlowSet, flowShape } from '../../src/domain/previewDiff';
import { FLOW_LABELS, FLOW_SET_LABELS } from '../../src/domain/fieldLabels';
import { FLOW_INPUTS } from '../graph/flowInputs';
import { graphDocBody } from '../support/graphDocs';

const body = graphDocBody;
const storedSet = FlowSet.parse(body('03-get-outboundprovisioningflowset-response.json'));
const storedFlow = (file: string) => KnownProvisioningFlow.parse(body(file));
const labelsOf = (labels: object) =>
  Object.values(labels).map((l) => (typeof l === 'string' ? l : l.label));

describe('diffFlowSet', () => {
  it.each([
    [
      'the name changes',
      { displayName: 'District North', filter: { in: ['Quarter', 'Demo'] } },
      [
        {
          path: 'displayName',
          label: 'Flow set name',
          before: 'Outbound Provisioning Flow Test',
          after: 'District North',
        },
      ],
    ],
    [
      'a school is swapped (order does not matter)',
      { displayName: storedSet.displayName, filter: { in: ['Demo', 'North'] } },
      [
        {
          path: 'filter.in',
          label: 'Schools (organization external ids)',
          before: 'Quarter, Demo',
          after: 'added North; removed Quarter',
        },
      ],
    ],
    [
      'the filter is removed',
      { displayName: storedSet.displayName, filter: null },
      [
        {
          path: 'filter.in',
          label: 'Schools (organization external ids)',
          before: 'Quarter, Demo',
          after: 'All organisations (no filter)',
        },
      ],
    ],
    [
      'nothing changes',
      { displayName: storedSet.displayName, filter: { in: ['Demo', 'Quarter'] } },
      [],
    ],
  ])('when %s, then the preview rows say so', (_case, proposed, expected) => {
    expect(diffFlowSet(storedSet, proposed)).toEqual(expected);
  });

  it('when a set is created without a filter, then the rows say it covers all schools', () => {
    expect(diffFlowSet(null, { displayName: 'New', filter: null })).toEqual([
      { path: 'displayName', label: 'Flow set name', before: '(not set)', after: 'New' },
      {
        path: 'filter',
        label: 'Schools',
        before: '(not set)',
        after: 'All organisations (no filter)',
      },
    ]);
  });
});

describe('diffFlow', () => {
  it('when a class group flow changes owners and Team creation, then the rows use admin words', () => {
    const stored = storedFlow('08-create-provisioningflow-classgroup-response.json');
    const proposed = { ...(flowShape(stored) as FlowCreateInput & { kind: 'classGroup' }) };
    proposed.configuration = {
      ...proposed.configuration,
      additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
      enrollmentMappings: {
        ownerCodes: [
          'teacher',
          'PROCTOR',
          'teacherAssistant',
          'paraProfessional',
          'physicalTherapist',
          'speechTherapist',
          'visionTherapist',
          'occupationalTherapist',
        ],
        memberCodes: proposed.configuration.enrollmentMappings.memberCodes,
      },
    };
    expect(diffFlow(stored, proposed)).toEqual([
      {
        path: 'configuration.additionalOptions.createTeam',
        label: 'Create a Team for each class',
        before: 'Yes',
        after: 'No',
      },
      {
        path: 'configuration.enrollmentMappings.ownerCodes',
        label: 'Owner enrollment roles',
        before: expect.stringContaining('Teacher assistant'),
        after: 'removed Staff',
      },
    ]);
  });

  it('when a stored user flow is compared with a new password, then the password is hidden and the deprecated flag is not a change', () => {
    const stored = storedFlow('10-create-provisioningflow-user-response.json');
    const rows = diffFlow(stored, FLOW_INPUTS.user);
    expect(JSON.stringify(rows)).not.toContain('Secret-123!');
    expect(JSON.stringify(rows)).not.toContain('*****');
    expect(rows).toContainEqual({
      path: 'creationOptions.configurations[staff].defaultPassword',
      label: 'Role group staff: Initial password',
      before: '(not set)',
      after: '(new password set)',
    });
    expect(rows.map((r) => r.path)).not.toContain(
      'managementOptions.additionalOptions.studentAgeGroup',
    );
  });

  it.each(FLOW_KINDS)('when a %s flow is created, then every row has a written label', (kind) => {
    const rows = diffFlow(null, FLOW_INPUTS[kind]);
    expect(rows.length).toBeGreaterThan(0);
    const known = labelsOf(FLOW_LABELS[kind]);
    for (const row of rows) expect(known).toContain(row.label.replace(/^Role group \w+: /, ''));
  });

  it('when the flow set labels are read, then every field of a full body has one', () => {
    const rows = diffFlowSet(null, {
      displayName: 'x',
      filter: { attribute: 'orgExternalId', in: ['a'] },
    });
    expect(rows.map((r) => r.label)).toEqual([
      'Flow set name',
      'Schools (organization external ids)',
    ]);
    expect(labelsOf(FLOW_SET_LABELS)).toEqual(expect.arrayContaining(rows.map((r) => r.label)));
  });
});
