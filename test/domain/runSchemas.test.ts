import {
  IndustryDataRun,
  IndustryDataRunPage,
  IndustryDataRunStatistics,
  LongRunningOperation,
  operationIdFromLocation,
} from '../../src/domain/runSchemas';
import { graphDoc, graphDocBody } from '../support/graphDocs';

describe('run schemas', () => {
  it('when the documented run list is parsed, then the running run has no end and no blocking error', () => {
    const parsed = IndustryDataRunPage.parse(graphDocBody('30-list-runs-response.json'));
    expect(parsed.value.map((r) => r.status)).toEqual(['running', 'completed']);
    expect(parsed.value[0]).toMatchObject({ endDateTime: null, blockingError: null });
    expect(parsed.value[1]?.endDateTime).toBe('2023-10-01T23:00:26.012Z');
  });

  it('when the documented statistics are parsed, then the role-count items of activityStatistics are dropped and the totals kept', () => {
    const stats = IndustryDataRunStatistics.parse(
      graphDocBody('32-get-run-statistics-response.json'),
    );
    expect(stats.activityStatistics).toEqual([]);
    expect(stats.inboundTotals.people).toBe(278473);
    expect(stats.inboundTotals.matchedPeopleByRole).toEqual([
      { role: 'student', count: 154390 },
      { role: 'teacher', count: 59820 },
    ]);
    expect(stats.inboundTotals.unmatchedPeopleByRole).toEqual([]);
  });

  it('when statistics have role counts only in activityStatistics, then they become the matched totals', () => {
    const stats = IndustryDataRunStatistics.parse({
      runId: 'r',
      status: 'completed',
      activityStatistics: [{ role: 'student', count: 3 }],
    });
    expect(stats.inboundTotals.matchedPeopleByRole).toEqual([{ role: 'student', count: 3 }]);
    expect(stats.inboundTotals.errors).toBe(0);
  });

  it('when statistics use the documented inboundActivityResults shape, then counts are read, bare numbers included', () => {
    const stats = IndustryDataRunStatistics.parse({
      runId: 'r',
      status: 'completedWithErrors',
      activityStatistics: [
        {
          '@odata.type': '#microsoft.graph.industryData.inboundActivityResults',
          activityId: 'a1',
          displayName: 'Inbound flow',
          status: 'completedWithErrors',
          errors: 4,
          warnings: 1,
          people: { active: 10, inactive: 2, total: 12 },
          groups: 5,
          unmatchedPeopleByRole: [{ role: 'student', count: 4 }],
        },
      ],
      inboundTotals: { errors: 4, warnings: 1, people: { active: 10, inactive: 2, total: 12 } },
    });
    expect(stats.activityStatistics[0]).toMatchObject({
      errors: 4,
      people: { active: 10, inactive: 2, total: 12 },
      groups: { active: 5, inactive: 0, total: 5 },
      memberships: { active: 0, inactive: 0, total: 0 },
    });
    expect(stats.inboundTotals.people).toBe(10);
  });

  it('when a run has a status added after we shipped, then it reads as unknownFutureValue', () => {
    const run = IndustryDataRun.parse({ id: 'x', status: 'paused', startDateTime: null });
    expect(run.status).toBe('unknownFutureValue');
  });

  it('when a run lacks its status, then it does not parse', () => {
    expect(IndustryDataRun.safeParse({ id: 'x' }).success).toBe(false);
  });

  it('when the documented operations are parsed, then both the derived and the generic type read', () => {
    const derived = LongRunningOperation.parse(graphDocBody('40-get-operation-response.json'));
    const generic = LongRunningOperation.parse(
      graphDocBody('41-get-operation-generic-response.json'),
    );
    expect(derived.status).toBe('succeeded');
    expect(generic).toMatchObject({ status: 'succeeded', statusDetail: null });
  });

  it('when the documented Location of a start is read, then the operation id comes out', () => {
    const location = graphDoc<{ headers: { Location: string } }>('33-start-run-response.json')
      .headers.Location;
    expect(operationIdFromLocation(location)).toBe('171bf0b4-14e9-408f-71dd-08dcd2a15d23');
    expect(operationIdFromLocation(undefined)).toBeNull();
    expect(operationIdFromLocation('not a url')).toBeNull();
  });
});
