import { routeTemplate } from '../../src/graph/route';

const BASE = 'https://graph.microsoft.com/beta';

describe('routeTemplate', () => {
  it.each([
    [
      '/external/industryData/outboundProvisioningFlowSets?$top=100',
      '/external/industryData/outboundProvisioningFlowSets',
    ],
    [
      '/external/industryData/outboundProvisioningFlowSets/0d6a-11',
      '/external/industryData/outboundProvisioningFlowSets/{id}',
    ],
    [
      '/external/industryData/outboundProvisioningFlowSets/a%2Fb/provisioningFlows/f1/reset',
      '/external/industryData/outboundProvisioningFlowSets/{id}/provisioningFlows/{id}/reset',
    ],
    [
      '/external/industryData/roleGroups/Contoso%20teachers',
      '/external/industryData/roleGroups/{id}',
    ],
  ])('when the URL is %s, then the template is %s with every id replaced', (path, template) => {
    expect(routeTemplate(BASE, BASE + path)).toBe(template);
  });
});
