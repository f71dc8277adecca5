import { FlowSet, ProvisioningFlow, flowKindOf, page } from '../../src/domain/flowSchemas';
import { graphDocBody } from '../support/graphDocs';

const body = graphDocBody;

describe('graph schemas', () => {
  it('when the documented flow list is parsed, then every flow is typed by its @odata.type', () => {
    const parsed = page(ProvisioningFlow).parse(body('06-list-provisioningflows-response.json'));
    expect(parsed.value.map(flowKindOf).sort()).toEqual([
      'administrativeUnit',
      'classGroup',
      'securityGroup',
      'user',
    ]);
  });

  it('when the documented flow set list is parsed, then filters are kept', () => {
    const parsed = page(FlowSet).parse(body('01-list-outboundprovisioningflowsets-response.json'));
    expect(parsed.value[0]?.filter?.in).toEqual(['Quarter', 'Demo']);
  });

  it('when a flow has an unknown future type or status, then it still parses', () => {
    const flow = ProvisioningFlow.parse({
      '@odata.type': '#microsoft.graph.industryData.somethingNewProvisioningFlow',
      id: 'x',
      readinessStatus: 'unknownFutureValue',
    });
    expect(flowKindOf(flow)).toBeUndefined();
  });

  it('when a known flow lacks a required part, then it is not taken for a valid known flow', () => {
    const flow = ProvisioningFlow.parse({
      '@odata.type': '#microsoft.graph.industryData.securityGroupProvisioningFlow',
      id: 'x',
    });
    expect('creationOptions' in flow).toBe(false);
  });
});
