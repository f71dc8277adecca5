import { warmUpGraphSchemas } from '../../src/graph/warmUp';

describe('Graph schema warm-up (issue 13)', () => {
  it('every sample answer parses, so the warm-up compiles the paths a real answer takes', () => {
    expect(warmUpGraphSchemas()).toBe(0);
  });
});
