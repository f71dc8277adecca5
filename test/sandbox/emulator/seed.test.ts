/** Seed data: a realistic district, readable by the client's own Graph schemas. */
import {
  FlowSet,
  ProvisioningFlow,
  RoleGroup,
  flowKindOf,
  page,
} from '../../../src/domain/flowSchemas';
import { SEED_IDS, startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { SETS, call, flowsOf } from './helpers';

describe('Graph emulator seed data', () => {
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ readyDelayMs: 60_000 });
  });
  afterAll(() => emulator.close());

  it('when started with defaults, then three flow sets exist, one without a filter', async () => {
    const sets = page(FlowSet).parse((await call(emulator, 'GET', SETS)).body);

    expect(sets.value.map((s) => [s.displayName, s.filter?.in ?? null])).toEqual([
      ['Contoso District – All schools', null],
      ['Northwind High School', ['NHS-0042']],
      ['Fabrikam Elementary pilot', ['FAB-ELEM-01', 'FAB-ELEM-02']],
    ]);
  });

  it('when the seeded flows are listed, then types and readiness states are mixed', async () => {
    const flows = [];
    for (const setId of [SEED_IDS.allSchools, SEED_IDS.northwind, SEED_IDS.fabrikamPilot]) {
      flows.push(
        ...page(ProvisioningFlow).parse((await call(emulator, 'GET', flowsOf(setId))).body).value,
      );
    }

    expect(flows.map((f) => [flowKindOf(f), f.readinessStatus])).toEqual([
      ['user', 'ready'],
      ['classGroup', 'ready'],
      ['securityGroup', 'ready'],
      ['administrativeUnit', 'failed'],
      ['user', 'notReady'],
      ['classGroup', 'disabled'],
      ['classGroup', 'ready'],
      ['securityGroup', 'expired'],
    ]);
  });

  it('when the seeded user flow is read, then it has staff and student configurations with licenses', async () => {
    const res = await call(
      emulator,
      'GET',
      `${flowsOf(SEED_IDS.allSchools)}/${SEED_IDS.allSchoolsUser}`,
    );

    const configurations = res.body.creationOptions.configurations as Array<{
      roleGroup: unknown;
      licenseSkus: string[];
    }>;
    expect(configurations.map((c) => [RoleGroup.parse(c.roleGroup).id, c.licenseSkus])).toEqual([
      ['staff', ['M365EDU_A3_FACULTY']],
      ['students', ['M365EDU_A3_STUUSEBNFT']],
    ]);
  });

  it('when seed is false, then there are no flow sets but the default role groups exist', async () => {
    const empty = await startGraphEmulator({ seed: false });
    try {
      expect((await call(empty, 'GET', SETS)).body.value).toEqual([]);
      const groups = (await call(empty, 'GET', '/external/industryData/roleGroups')).body.value;
      expect(groups.map((g: { id: string }) => g.id)).toEqual(['staff', 'students']);
    } finally {
      await empty.close();
    }
  });
});
