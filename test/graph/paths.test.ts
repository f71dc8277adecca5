import { buildUrl, pathForLog, paths } from '../../src/graph/paths';

describe('paths', () => {
  it.each([
    [paths.flowSets(), '/external/industryData/outboundProvisioningFlowSets'],
    [
      paths.flow('s1', 'f1'),
      '/external/industryData/outboundProvisioningFlowSets/s1/provisioningFlows/f1',
    ],
    [
      paths.resetFlow('s1', 'f1'),
      '/external/industryData/outboundProvisioningFlowSets/s1/provisioningFlows/f1/reset',
    ],
    [paths.roleGroup('staff'), '/external/industryData/roleGroups/staff'],
    [
      paths.flowSet('../roleGroups?x=1'),
      '/external/industryData/outboundProvisioningFlowSets/..%2FroleGroups%3Fx%3D1',
    ],
  ])('when built, then %s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('when a page size is asked, then $top is appended literally', () => {
    expect(buildUrl('http://h/beta/', '/x', { top: 5 })).toBe('http://h/beta/x?$top=5');
    expect(buildUrl('http://h/beta', '/x')).toBe('http://h/beta/x');
  });

  it('when a URL is logged, then only the path after the base is kept', () => {
    expect(pathForLog('http://h:1/beta', 'http://h:1/beta/x/y?$skiptoken=abc')).toBe(
      '/x/y?$skiptoken=abc',
    );
  });
});
