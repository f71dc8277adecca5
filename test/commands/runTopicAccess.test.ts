/**
 * Run notices are read with the app's token: `notify here` keeps them only for a person who may
 * read sync runs with their own token. The helper's decisions, with a Graph that answers a
 * delegated runs read as each kind of person would.
 */
import { AppError } from '../../src/errors';
import type { CommandContext } from '../../src/bot/command';
import type { Topic } from '../../src/domain/notificationRecords';
import { topicsReadableBy } from '../../src/commands/runTopicAccess';

function asPerson(listRuns: () => Promise<unknown>): CommandContext {
  const graph = { forUser: () => ({ listRuns }) };
  return { services: { graph } } as unknown as CommandContext;
}
const canRead = asPerson(async () => ({ data: [] }));
const refused = asPerson(async () => {
  throw new AppError('forbidden', 'you need IndustryData-Run.Read.All');
});
const graphDown = asPerson(async () => {
  throw new AppError('unavailable', 'Graph is busy', { retryable: true });
});

describe('topicsReadableBy', () => {
  it.each<[string, CommandContext, Topic[] | undefined, Topic[] | undefined, boolean]>([
    ['may read runs, every topic', canRead, undefined, undefined, false],
    ['may read runs, only runs', canRead, ['runs'], ['runs'], false],
    ['may not read runs, every topic', refused, undefined, ['readiness', 'drift'], true],
    ['may not read runs, runs and drift', refused, ['runs', 'drift'], ['drift'], true],
    [
      'may not read runs, only readiness (runs not asked)',
      refused,
      ['readiness'],
      ['readiness'],
      false,
    ],
  ])(
    'when the person %s, then the stored topics are as expected',
    async (_, ctx, asked, topics, leftOut) => {
      await expect(topicsReadableBy(ctx, asked)).resolves.toEqual({ topics, runsLeftOut: leftOut });
    },
  );

  it('when the person may not read runs and asked only for runs, then the refusal is the answer', async () => {
    await expect(topicsReadableBy(refused, ['runs'])).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('when the runs read fails for another reason, then it is not taken for a refusal', async () => {
    await expect(topicsReadableBy(graphDown, undefined)).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});
