/**
 * End to end against the real Graph emulator over HTTP: what the forms produce is accepted by
 * the Graph client and the emulator (201 on create, 204 on PATCH), and the stored values are
 * the ones the admin entered — including an edit that leaves the user flow's configurations
 * (and their write-only passwords) alone.
 */
import { createGraphClient, type IndustryDataApi } from '../../src/graph';
import {
  flowFormCard,
  flowSetFormCard,
  parseFlowForm,
  parseFlowSetForm,
  type FormResult,
} from '../../src/forms';
import {
  FLOW_KINDS,
  flowKindOf,
  KnownProvisioningFlow,
  type FlowKind,
  type RoleGroup,
} from '../../src/domain/flowSchemas';
import { startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { hashPassword } from '../../src/sandbox/emulator/userFlowRules';
import { submit } from './submit';

let emu: GraphEmulator;
let api: IndustryDataApi;
let roleGroups: RoleGroup[];

beforeAll(async () => {
  emu = await startGraphEmulator({ port: 0, seed: true });
  api = createGraphClient({ baseUrl: emu.baseUrl }).as(async () => 'x');
  roleGroups = (await api.listRoleGroups()).data;
});
afterAll(() => emu.close());

const valueOf = <T>(result: FormResult<T>): T => {
  if (!result.ok) throw new Error(`form errors: ${JSON.stringify(result.errors)}`);
  return result.value;
};
const lastStatus = () => emu.requests.filter((r) => r.method !== 'GET').at(-1)?.status;

const STAFF_PASSWORD = 'Welcome-2025!';
const STUDENT_PASSWORD = 'Summer-Term-42';

/** What the admin types into each add form. */
const ADD_TYPED: Record<FlowKind, Record<string, string>> = {
  user: {
    createUnmatchedUsers: 'true',
    'rg.staff.include': 'true',
    'rg.staff.password': STAFF_PASSWORD,
    'rg.staff.licenseSkus': 'M365EDU_A3_FACULTY',
    'rg.students.include': 'true',
    'rg.students.password': STUDENT_PASSWORD,
    'rg.students.licenseSkus': 'M365EDU_A3_STUDENT',
  },
  classGroup: { createTeam: 'true' },
  securityGroup: {},
  administrativeUnit: { createBasedOnOrgPlusRoleGroup: 'false' },
};

interface StoredState {
  flows: Array<{ id: string; fields: { creationOptions?: { configurations?: StoredConfig[] } } }>;
}
interface StoredConfig {
  roleGroupId: string;
  licenseSkus: string[];
  defaultPasswordSettings: { passwordSha256: string } | null;
}
const storedConfigs = (flowId: string) =>
  (emu.control.snapshot() as StoredState).flows.find((f) => f.id === flowId)?.fields.creationOptions
    ?.configurations;

describe('forms against the Graph emulator', () => {
  let setId = '';
  let setName = '';
  const flowIds = {} as Record<FlowKind, string>;

  const model = (mode: 'add' | 'edit') => ({ mode, setId, setName, version: 'v1', roleGroups });
  async function editFlow(kind: FlowKind, typed: Record<string, string>) {
    const current = KnownProvisioningFlow.parse((await api.getFlow(setId, flowIds[kind])).data);
    const card = flowFormCard(kind, { ...model('edit'), flowId: current.id, current });
    const data = submit(card, 'flow.preview', typed);
    const patch = valueOf(parseFlowForm(kind, data, { mode: 'edit', roleGroups, current }));
    const updated = await api.updateFlow(setId, flowIds[kind], patch);
    expect(lastStatus()).toBe(204);
    return { patch, stored: updated.data as Record<string, unknown> };
  }

  it('when a flow set is created from the form, then Graph answers 201 with the filter typed', async () => {
    const data = submit(flowSetFormCard({ mode: 'create' }), 'flowset.preview', {
      displayName: 'Forms end to end',
      filterMode: 'schools',
      orgExternalIds: 'Quarter, Demo',
    });
    const created = await api.createFlowSet(valueOf(parseFlowSetForm(data)));
    expect(lastStatus()).toBe(201);
    expect(created.data).toMatchObject({
      displayName: 'Forms end to end',
      filter: { in: ['Quarter', 'Demo'] },
    });
    setId = created.data.id;
    setName = created.data.displayName;
  });

  it.each([...FLOW_KINDS])(
    'when a %s flow is added from its form, then Graph answers 201',
    async (kind) => {
      const card = flowFormCard(kind, model('add'));
      const input = valueOf(
        parseFlowForm(kind, submit(card, 'flow.preview', ADD_TYPED[kind]), {
          mode: 'add',
          roleGroups,
        }),
      );
      const created = await api.createFlow(setId, input);
      expect(lastStatus()).toBe(201);
      expect(flowKindOf(created.data)).toBe(kind);
      flowIds[kind] = created.data.id;
    },
  );

  it('when the user flow is edited outside the role-group section, then the configurations and passwords stay', async () => {
    const before = storedConfigs(flowIds.user);
    expect(before?.map((c) => c.defaultPasswordSettings?.passwordSha256)).toEqual([
      hashPassword(STAFF_PASSWORD),
      hashPassword(STUDENT_PASSWORD),
    ]);
    const { patch, stored } = await editFlow('user', {
      studentAgeGroup: 'adult',
      userAttributes: 'userNumber',
    });
    expect(patch).not.toHaveProperty('creationOptions');
    expect(stored).toMatchObject({
      createUnmatchedUsers: true,
      managementOptions: {
        additionalAttributes: ['userNumber'],
        additionalOptions: { studentAgeGroup: 'adult', allowStudentContactAssociation: false },
      },
    });
    expect(storedConfigs(flowIds.user)).toEqual(before);
  });

  it('when a role group changes and the passwords are entered again, then Graph stores the new configurations', async () => {
    const NEW_PASSWORD = 'New-Staff-Pass-9';
    await editFlow('user', {
      'rg.staff.password': NEW_PASSWORD,
      'rg.staff.licenseSkus': 'M365EDU_A5_FACULTY',
      'rg.students.include': 'false',
    });
    expect(storedConfigs(flowIds.user)).toEqual([
      {
        roleGroupId: 'staff',
        licenseSkus: ['M365EDU_A5_FACULTY'],
        defaultPasswordSettings: { passwordSha256: hashPassword(NEW_PASSWORD) },
      },
    ]);
  });

  it('when the class group flow is edited, then the stored configuration matches the form', async () => {
    const { stored } = await editFlow('classGroup', {
      createTeam: 'false',
      classAttributes: 'classCode',
      ownerRoles: 'teacher',
      memberRoles: 'student,aide',
    });
    expect(stored).toMatchObject({
      configuration: {
        additionalAttributes: ['classCode'],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: {
          ownerEnrollmentMappings: [{ code: 'teacher' }],
          memberEnrollmentMappings: [{ code: 'student' }, { code: 'aide' }],
        },
      },
    });
  });

  it.each([
    ['securityGroup', { createBasedOnRoleGroup: 'false', createBasedOnOrgPlusRoleGroup: 'true' }],
    ['administrativeUnit', { createBasedOnOrg: 'false', createBasedOnOrgPlusRoleGroup: 'false' }],
  ] as const)(
    'when the %s flow is edited, then the stored switches match the form',
    async (kind, typed) => {
      const { stored } = await editFlow(kind, typed);
      const expected = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v === 'true']));
      expect(stored.creationOptions).toEqual(expected);
    },
  );

  it('when the set is edited to all schools, then its filter is cleared', async () => {
    const current = (await api.getFlowSet(setId)).data;
    const card = flowSetFormCard({ mode: 'edit', current });
    const data = submit(card, 'flowset.preview', { filterMode: 'all' });
    const updated = await api.updateFlowSet(setId, valueOf(parseFlowSetForm(data)));
    expect(lastStatus()).toBe(204);
    expect(updated.data).toMatchObject({ displayName: 'Forms end to end', filter: null });
  });
});
